import dev.notif.cli.Cli;
import dev.notif.core.Context;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Locale;

/**
 * Runs {@code notif check --config FILE} PASSES times in one JVM, as the command line would (Cli.run, the same
 * context), and prints a Markdown table of each pass: wall time, the CPU time of this JVM (its compiler and collector
 * threads too) and of the stand-ins (PEERS, a pid, as in Compare), and the run's summary line. The first pass is the
 * JVM's cold start, as every CI run is; the later ones show what the same run costs once the JIT has compiled what it
 * runs, which no JVM here keeps from one process to the next (the AOT cache of JDK 25 keeps classes and method
 * profiles, not compiled code).
 *
 * <p>Usage: {@code FleetWarm PASSES FILE PEERS}.
 */
public final class FleetWarm {
    public static void main(String[] args) throws Exception {
        int passes = Integer.parseInt(args[0]);
        String file = args[1];
        long peers = Long.parseLong(args[2]);
        long self = ProcessHandle.current().pid(); // its CPU from /proc, as the runtime may lack java.management
        System.out.println("| pass | wall | CPU | stand-ins' CPU | exit | summary |");
        System.out.println("|---|---|---|---|---|---|");
        for (int pass = 1; pass <= passes; pass++) {
            StringWriter out = new StringWriter();
            Context ctx = new Context(System.getenv(), new PrintWriter(out), new PrintWriter(new StringWriter()),
                InputStream.nullInputStream(), Clock.systemUTC(), false);
            double peersBefore = Compare.cpuMs(peers);
            double cpu = Compare.cpuMs(self);
            long start = System.nanoTime();
            int exit = Cli.run(ctx, "check", "--config", file);
            double wall = (System.nanoTime() - start) / 1e9;
            double used = (Compare.cpuMs(self) - cpu) / 1000;
            double peersUsed = (Compare.cpuMs(peers) - peersBefore) / 1000;
            String[] lines = out.toString().strip().split("\n");
            System.out.printf(Locale.ROOT, "| %d | %.2f s | %.1f s | %.1f s | %d | `%s` |%n", pass, wall, used, peersUsed,
                exit, lines[lines.length - 1]);
        }
        System.out.flush();
        Runtime.getRuntime().halt(0); // as notif's Main: nothing left to run at exit
    }
}
