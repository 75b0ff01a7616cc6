package dev.notif.output;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.notif.core.ExitCode;
import dev.notif.core.Json;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The result of a {@code check X} command: {@code {"ok", "store", "target", "checks": [...]}}. {@code ok} is false
 * when any check failed (exit 1). A command may raise the exit code when a check could not be run for a reason
 * with its own code (credentials rejected: 3; provider API down: 4) with {@link #exitingWith}; the report is
 * printed in full either way.
 */
public record CheckReport(boolean ok, String store, String target, List<Check> checks,
                          @JsonIgnore int exitCodeOverride) implements Result {

    public CheckReport {
        checks = List.copyOf(checks);
    }

    /** {@code target} names what was checked (a URL, a bundle id, a topic) for the heading; may be null. */
    public static CheckReport of(String store, String target, List<Check> checks) {
        return new CheckReport(checks.stream().noneMatch(Check::failed), store, target, checks, -1);
    }

    /** The same report, exiting with {@code code} (for example {@link ExitCode#CREDENTIALS}) instead of 0/1. */
    public CheckReport exitingWith(int code) {
        return new CheckReport(ok, store, target, checks, code);
    }

    /** The check with this id, or null. */
    public Check check(String id) {
        return checks.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
    }

    @Override
    public int exitCode() {
        return exitCodeOverride >= 0 ? exitCodeOverride : ok ? ExitCode.OK : ExitCode.FINDINGS;
    }

    /**
     * One line per check ({@code status  id  summary}); under a warn or fail, its fix and details; then a count:
     * <pre>
     *   pass  stripe.credentials       the key is accepted (test mode)
     *   fail  stripe.endpoint.events   2 events differ: missing invoice.updated; extra *
     *           fix: notif setup stripe --url https://api.example.com/stripe
     * </pre>
     */
    @Override
    public void printText(Text out) {
        out.line(out.bold("notif check " + store + (target == null ? "" : "  " + target)));
        int idWidth = checks.stream().mapToInt(c -> c.id().length()).max().orElse(0);
        for (Check c : checks) {
            String word = c.status().word();
            String pad = " ".repeat(6 - word.length());
            out.line("  " + out.status(word) + pad + c.id() + " ".repeat(idWidth - c.id().length() + 2) + c.summary());
            String indent = " ".repeat(8);
            if (c.status() == Check.Status.PASS || c.status() == Check.Status.SKIP) {
                continue; // their summary says it all; JSON carries the details
            }
            if (c.fix() != null) {
                out.line(indent + "fix: " + c.fix());
            }
            for (Map.Entry<String, Object> d : c.details().entrySet()) {
                String value = detailText(d.getValue());
                if (value != null) {
                    out.line(indent + out.dim(d.getKey() + ": " + value));
                }
            }
        }
        out.line(countLine(out));
    }

    private String countLine(Text out) {
        Map<Check.Status, Integer> counts = new EnumMap<>(Check.Status.class);
        for (Check c : checks) {
            counts.merge(c.status(), 1, Integer::sum);
        }
        String line = counts.getOrDefault(Check.Status.PASS, 0) + " passed, "
            + counts.getOrDefault(Check.Status.WARN, 0) + " warned, "
            + counts.getOrDefault(Check.Status.FAIL, 0) + " failed, "
            + counts.getOrDefault(Check.Status.SKIP, 0) + " skipped";
        return ok ? out.green(line) : out.red(line);
    }

    /** A detail as one line of text (objects as compact JSON); null, false and empty values are not shown. */
    static String detailText(Object value) {
        if (value == null || Boolean.FALSE.equals(value)) {
            return null;
        }
        if (value instanceof Collection<?> list) {
            return list.isEmpty() ? null : String.join(", ", list.stream().map(CheckReport::scalar).toList());
        }
        String s = scalar(value).replace("\n", " ");
        return s.isEmpty() || s.equals("{}") ? null : s;
    }

    private static String scalar(Object value) {
        return value instanceof CharSequence || value instanceof Number || value instanceof Boolean
            ? String.valueOf(value) : Json.compact(value);
    }
}
