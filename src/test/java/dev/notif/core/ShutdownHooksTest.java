package dev.notif.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notif.cli.Cli;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Main halts the JVM instead of System.exit when {@link ShutdownHooks} registered nothing, which skips every other
 * shutdown hook. So no library on notif's paths may register one: a JVM of its own runs the demo (every store's
 * senders, receivers and verifiers) and the help, then lists the JVM's application hooks.
 */
class ShutdownHooksTest {
    @TempDir
    Path home;

    @Test
    void no_hook_but_notifs_own_is_registered_on_the_way() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "--add-opens", "java.base/java.lang=ALL-UNNAMED",
            "-cp", System.getProperty("java.class.path"), Probe.class.getName()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("HOME", home.toString());
        pb.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(output).contains("demo exit 0", "help exit 0", "other hooks: []");
    }

    /** Runs commands as Main does (without its halt) and prints the hooks that ShutdownHooks did not register. */
    public static final class Probe {
        public static void main(String[] args) throws Exception {
            run("demo");
            run("help", "--help");
            Class<?> hooks = Class.forName("java.lang.ApplicationShutdownHooks");
            Field field = hooks.getDeclaredField("hooks");
            field.setAccessible(true);
            List<String> others = new ArrayList<>();
            synchronized (hooks) {
                for (Object hook : ((Map<?, ?>) field.get(null)).keySet()) {
                    String name = hook.getClass().getName();
                    if (!name.equals("java.util.logging.LogManager$Cleaner")) { // only resets handlers (none is ours)
                        others.add(name + " " + ((Thread) hook).getName());
                    }
                }
            }
            // notif's own hooks are plain Threads named notif-*
            others.removeIf(h -> h.startsWith("java.lang.Thread notif-"));
            System.out.println("other hooks: " + others + " (notif's own: " + ShutdownHooks.count() + ")");
            System.out.flush();
            Runtime.getRuntime().halt(0);
        }

        private static void run(String label, String... args) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            Context ctx = new Context(System.getenv(), new PrintWriter(out, true), new PrintWriter(err, true),
                new ByteArrayInputStream(new byte[0]), Clock.systemUTC(), false);
            int code = Cli.run(ctx, args.length == 0 ? new String[] {label} : args);
            System.out.println(label + " exit " + code + (code == 0 ? "" : "\n" + out + err));
        }
    }
}
