import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Runs commands round-robin (one run of each in turn, so that a change in the machine's load touches every
 * command alike) and prints a Markdown table: median wall time, peak memory (maximum resident set size, read by
 * GNU time) and CPU time of each, and each one's ratio to a baseline measured in the same run, against its goal.
 *
 * <p>Usage: {@code Compare RUNS WARMUP SPEC RAW}. SPEC has one command a line, tab-separated:
 * {@code name, goal, baseline, expected exit code, command}; goal is the highest ratio allowed to the baseline's wall
 * time and peak memory ({@code -} for none), baseline the name of another line ({@code -} for none). Arguments are
 * split on spaces. RAW receives every sample (name, wall ms, peak KiB, CPU ms, exit code, peers' CPU ms).
 *
 * <p>{@code Compare RUNS WARMUP SPEC RAW PEERS}: PEERS is the pid of the process the commands talk to (the stand-ins of
 * the providers): the CPU it spends during each run is reported in a column of its own, since on this machine it
 * takes from the cores the commands run on, and a provider's own servers would not.
 */
public final class Compare {
    record Command(String name, double goal, String baseline, int expectedExit, List<String> argv) {
    }

    record Sample(double wallMs, long peakKib, double cpuMs, int exit, double peersMs) {
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(args[0]);
        int warmup = Integer.parseInt(args[1]);
        long peers = args.length > 4 ? Long.parseLong(args[4]) : -1;
        List<Command> commands = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[2]))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", 5);
            commands.add(new Command(f[0], f[1].equals("-") ? Double.NaN : Double.parseDouble(f[1]), f[2],
                Integer.parseInt(f[3]), List.of(f[4].trim().split(" +"))));
        }
        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        commands.forEach(c -> samples.put(c.name(), new ArrayList<>()));
        Path timeOut = Files.createTempFile("compare", ".time");
        StringBuilder raw = new StringBuilder("name\twall_ms\tpeak_kib\tcpu_ms\texit\tpeers_cpu_ms\n");
        for (int i = 0; i < warmup + runs; i++) {
            for (Command c : commands) {
                Sample s = run(c, timeOut, peers);
                if (i >= warmup) {
                    samples.get(c.name()).add(s);
                    raw.append(String.format(Locale.ROOT, "%s\t%.1f\t%d\t%.0f\t%d\t%.0f%n", c.name(), s.wallMs(),
                        s.peakKib(), s.cpuMs(), s.exit(), s.peersMs()));
                }
            }
        }
        Files.writeString(Path.of(args[3]), raw.toString());
        Files.delete(timeOut);
        String peersColumn = peers < 0 ? "" : " stand-ins' CPU, median (ms) |";
        System.out.println("| command | wall, median (ms) | wall, min (ms) | peak memory, median (MiB) | CPU, median (ms) |"
            + peersColumn + " ratio to baseline (wall; memory) | goal | met |");
        System.out.println("|---|---:|---:|---:|---:|" + (peers < 0 ? "" : "---:|") + "---|---|---|");
        for (Command c : commands) {
            List<Sample> mine = samples.get(c.name());
            String name = c.name();
            TreeSet<Integer> exits = new TreeSet<>();
            mine.forEach(s -> exits.add(s.exit()));
            exits.remove(c.expectedExit());
            if (!exits.isEmpty()) {
                name += " (FAILED: exit " + exits + ", expected " + c.expectedExit() + ")";
            }
            String ratio = "";
            String goal = "";
            String met = "";
            if (!c.baseline().equals("-")) {
                List<Sample> base = samples.get(c.baseline());
                if (base == null) {
                    throw new IllegalArgumentException(c.baseline() + " is not a command of " + args[2]);
                }
                double wall = median(mine, Sample::wallMs) / median(base, Sample::wallMs);
                double memory = median(mine, s -> s.peakKib()) / median(base, s -> s.peakKib());
                ratio = String.format(Locale.ROOT, "%.2fx; %.2fx vs %s", wall, memory, c.baseline());
                if (!Double.isNaN(c.goal())) {
                    goal = String.format(Locale.ROOT, "at most %.1fx", c.goal());
                    met = wall <= c.goal() && memory <= c.goal() ? "yes"
                        : wall <= c.goal() ? "wall only" : memory <= c.goal() ? "memory only" : "no";
                }
            }
            String peersCell = peers < 0 ? "" : String.format(Locale.ROOT, " %.0f |", median(mine, Sample::peersMs));
            System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f | %.1f | %.0f |%s %s | %s | %s |%n", name,
                median(mine, Sample::wallMs), mine.stream().mapToDouble(Sample::wallMs).min().orElse(0),
                median(mine, s -> s.peakKib()) / 1024, median(mine, Sample::cpuMs), peersCell, ratio, goal, met);
        }
    }

    static Sample run(Command c, Path timeOut, long peers) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("/usr/bin/time", "-o", timeOut.toString(), "-f", "%M %U %S"));
        argv.addAll(c.argv());
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        double peersBefore = cpuMs(peers);
        long start = System.nanoTime();
        Process p = pb.start();
        int exit = p.waitFor();
        double wall = (System.nanoTime() - start) / 1e6;
        double peersMs = cpuMs(peers) - peersBefore;
        String[] t = lastLine(timeOut).split(" ");
        return new Sample(wall, Long.parseLong(t[0]), (Double.parseDouble(t[1]) + Double.parseDouble(t[2])) * 1000, exit,
            peersMs);
    }

    /** The CPU time process {@code pid} has used (user and system, /proc/PID/stat in USER_HZ ticks), 0 for none. */
    static double cpuMs(long pid) throws IOException {
        if (pid < 0) {
            return 0;
        }
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" "); // fields from the 3rd (state) on
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10.0; // utime, stime: 14th and 15th; USER_HZ = 100
    }

    static String lastLine(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8); // "Command exited with non-zero status N" first
        return lines.get(lines.size() - 1).trim();
    }

    interface Field {
        double of(Sample s);
    }

    static double median(List<Sample> samples, Field field) {
        double[] v = samples.stream().mapToDouble(field::of).toArray();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
