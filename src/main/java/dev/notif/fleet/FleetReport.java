package dev.notif.fleet;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.notif.core.ExitCode;
import dev.notif.output.Check;
import dev.notif.output.Result;
import dev.notif.output.Text;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code notif check} over notif.toml: one report for every app and store. JSON: {@code {ok, schema_version, version,
 * config, started_at, duration_ms, exit_code, exit_set_by: {app, store, reason}, counts: {pass, warn, fail, skip},
 * apps: [{name, ok, stores: [{store, target, ok, exit_code, duration_ms, notes, checks: [{key, id, status, summary,
 * fix, details}]}]}]}}. Text: grouped by app and store, failing stores first, then a summary line.
 */
public record FleetReport(boolean ok, int schemaVersion, String version, String config, Instant startedAt,
                          long durationMs, int exitCode, ExitSetBy exitSetBy, Map<String, Long> counts,
                          List<AppResult> apps, @JsonIgnore boolean verbose) implements Result {
    public static final int SCHEMA_VERSION = 1;

    /** One app of the file, its stores in file order. */
    public record AppResult(String name, boolean ok, List<StoreResult> stores) {
    }

    /** Which app and store set the exit code, and why (its first failing check, or what stopped it). */
    public record ExitSetBy(String app, String store, String reason) {
    }

    @Override
    public int exitCode() {
        return exitCode;
    }

    /** When a cause (credentials, a provider down) decides the exit code: which app and store, on stderr too. */
    @Override
    public Notice notice() {
        return exitCode <= ExitCode.FINDINGS || exitSetBy == null ? null : new Notice("could not check everything: "
            + exitSetBy.app() + "/" + exitSetBy.store() + ": " + exitSetBy.reason(), "see that store in the report");
    }

    /** Every store of every app, in file order. */
    public List<StoreResult> stores() {
        return apps.stream().flatMap(a -> a.stores().stream()).toList();
    }

    /** What an exit code means, in a few words, for the report's "exit 3: ..." line. */
    public static String meaning(int code) {
        return switch (code) {
            case ExitCode.OK -> "every check passed";
            case ExitCode.FINDINGS -> "findings";
            case ExitCode.USAGE -> "a value of the file cannot be used";
            case ExitCode.CREDENTIALS -> "credentials missing, rejected or lacking a permission";
            case ExitCode.UNAVAILABLE -> "a provider API could not be reached";
            default -> "internal error";
        };
    }

    static Map<String, Long> counts(List<StoreResult> stores) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Check.Status s : Check.Status.values()) {
            counts.put(s.word(), stores.stream().mapToLong(r -> r.count(s)).sum());
        }
        return counts;
    }

    @Override
    public void printText(Text out) {
        List<StoreResult> sorted = new ArrayList<>(stores());
        sorted.sort(Comparator.comparingInt(StoreResult::severity)); // stable: file order within a severity
        out.line(out.bold("notif check") + "  " + config + "  " + apps.size() + " app" + (apps.size() == 1 ? "" : "s")
            + ", " + sorted.size() + " store" + (sorted.size() == 1 ? "" : "s"));
        for (StoreResult s : sorted) {
            String word = s.severity() == 0 ? "fail" : s.severity() == 1 ? "warn" : "pass";
            String exit = s.exitCode() > 1 ? out.red("  exit " + s.exitCode() + " (" + meaning(s.exitCode())
                + ")") : "";
            out.line(out.status(word) + " ".repeat(6 - word.length()) + out.bold(s.app() + " / " + s.store())
                + (s.target() == null ? "" : "  " + out.dim(s.target())) + "  " + tally(s) + exit);
            for (String note : s.notes()) {
                out.line("        " + out.yellow("note: ") + note);
            }
            if (s.severity() == 2 && !verbose) {
                continue;
            }
            int width = s.checks().stream().mapToInt(c -> c.name().length()).max().orElse(0);
            List<StoreResult.Item> shown = new ArrayList<>(s.checks());
            shown.sort(Comparator.comparingInt(c -> order(c.status())));
            for (StoreResult.Item c : shown) {
                if (c.status() == Check.Status.PASS && !verbose) {
                    continue;
                }
                String w = c.status().word();
                out.line("  " + out.status(w) + " ".repeat(6 - w.length()) + c.name()
                    + " ".repeat(width - c.name().length() + 2) + c.summary(), 2 + 6 + width + 2);
                if (c.status() == Check.Status.FAIL || c.status() == Check.Status.WARN) {
                    if (c.fix() != null) {
                        out.line("        fix: " + c.fix());
                    }
                }
            }
        }
        String line = counts.get("pass") + " passed, " + counts.get("warn") + " warned, " + counts.get("fail")
            + " failed, " + counts.get("skip") + " skipped in " + String.format("%.1f s", durationMs / 1000.0)
            + "; exit " + exitCode + (exitSetBy == null ? "" : " (" + meaning(exitCode) + ", set by "
            + exitSetBy.app() + "/" + exitSetBy.store() + ": " + exitSetBy.reason() + ")");
        out.line(ok ? out.green(line) : out.red(line));
    }

    private static String tally(StoreResult s) {
        List<String> parts = new ArrayList<>();
        for (Check.Status st : Check.Status.values()) {
            long n = s.count(st);
            if (n > 0) {
                parts.add(n + " " + (st == Check.Status.PASS ? "passed" : st == Check.Status.WARN ? "warned"
                    : st == Check.Status.FAIL ? "failed" : "skipped"));
            }
        }
        return String.join(", ", parts);
    }

    private static int order(Check.Status s) {
        return switch (s) {
            case FAIL -> 0;
            case WARN -> 1;
            case SKIP -> 2;
            case PASS -> 3;
        };
    }
}
