package dev.notif;

import dev.notif.cli.Cli;
import dev.notif.core.Context;
import dev.notif.core.ShutdownHooks;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** The only place that touches System.out, System.err and System.exit (or halt). */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        Map<String, String> env = System.getenv();
        if (windows) {
            org.fusesource.jansi.AnsiConsole.systemInstall(); // ANSI colours on Windows consoles
            int columns = org.fusesource.jansi.AnsiConsole.getTerminalWidth(); // what the Unix launcher gives as COLUMNS
            if (columns > 0 && env.get("COLUMNS") == null) {
                env = new HashMap<>(env);
                env.put("COLUMNS", Integer.toString(columns));
            }
        }
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out),
            StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err),
            StandardCharsets.UTF_8), true);
        Context ctx = new Context(env, out, err, System.in, Clock.systemUTC(), System.console() != null);
        int code = Cli.run(ctx, args);
        out.flush();
        err.flush();
        System.out.flush(); // what a library printed there
        System.err.flush();
        if (ShutdownHooks.registered() || recording()) {
            System.exit(code);
        }
        Runtime.getRuntime().halt(code); // nothing left to run at exit (ShutdownHooks says why not System.exit)
    }

    /** A flight recording started from the command line writes its file from a shutdown hook. */
    private static boolean recording() {
        for (String name : new String[] {"JAVA_OPTS", "JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS"}) {
            String options = System.getenv(name);
            if (options != null && options.contains("FlightRecord")) {
                return true;
            }
        }
        return false;
    }
}
