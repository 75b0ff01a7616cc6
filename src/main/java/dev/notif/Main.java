package dev.notif;

import dev.notif.cli.Cli;
import dev.notif.core.Context;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** The only place that touches System.out, System.err and System.exit. */
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
        System.exit(code);
    }
}
