package dev.notif.fleet;

import dev.notif.core.DurableFiles;
import dev.notif.core.NotifException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The policy and outputs of a run over notif.toml: --fail-on, --concurrency and --junit checked before anything is
 * sent, then the JUnit file and, under GitHub Actions, the annotations and the job summary.
 */
public final class CheckOutputs {
    private final boolean warnFails;
    private final Path junit;

    public CheckOutputs(String failOn, int concurrency, String junitFile) {
        String policy = failOn.toLowerCase(Locale.ROOT);
        if (!policy.equals("fail") && !policy.equals("warn")) {
            throw NotifException.usage("--fail-on must be fail or warn, got '" + failOn + "'",
                "--fail-on warn also fails the run on warnings");
        }
        if (concurrency < 0 || concurrency > 256) {
            throw NotifException.usage("--concurrency must be between 1 and 256, got " + concurrency,
                "for example --concurrency 8");
        }
        this.warnFails = policy.equals("warn");
        this.junit = junitFile == null ? null : writable(junitFile);
    }

    /** --fail-on warn: a warning fails the run too. */
    public boolean warnFails() {
        return warnFails;
    }

    /** Writes the JUnit file and, when {@code env} says GitHub Actions, its annotations and job summary. */
    public void publish(FleetReport report, UnaryOperator<String> env, Consumer<String> stderrLine) {
        if (junit != null) {
            write(junit, JUnitXml.of(report, warnFails), false);
        }
        if ("true".equals(env.apply("GITHUB_ACTIONS"))) {
            GitHubActions.annotations(report, warnFails).forEach(stderrLine);
            String summary = env.apply("GITHUB_STEP_SUMMARY");
            if (summary != null) {
                write(Path.of(summary), GitHubActions.summary(report), true);
            }
        }
    }

    private static Path writable(String file) {
        Path path = Path.of(file);
        if (!DurableFiles.canCreate(path)) {
            throw NotifException.usage("--junit " + file + " cannot be written: "
                + (Files.isDirectory(path) ? "it is a directory" : "its directory does not exist"),
                "pass a file in an existing directory, for example --junit notif-junit.xml");
        }
        return path;
    }

    private static void write(Path file, String text, boolean append) {
        try {
            if (append) {
                Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            } else {
                Files.writeString(file, text, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw NotifException.usage("cannot write " + file + ": " + e.getMessage(), "choose a writable path");
        }
    }
}
