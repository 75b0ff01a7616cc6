package dev.notif.output;

import dev.notif.core.ExitCode;
import dev.notif.core.Json;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The result of a {@code check X} command: {@code {"ok", "store", "target", "checks": [...]}}. {@code ok} is false
 * when any check failed (exit 1). A check that could not tell because of the credentials or the provider's API
 * carries that {@link Check.Cause}, and the report exits with the worst of them ({@link ExitCode#worst}: 3 before
 * 4 before 2) instead; it is printed in full either way, and {@link #notice()} names the check on stderr.
 */
public record CheckReport(boolean ok, String store, String target, List<Check> checks) implements Result {

    public CheckReport {
        checks = List.copyOf(checks);
    }

    /** {@code target} names what was checked (a URL, a bundle id, a topic) for the heading; may be null. */
    public static CheckReport of(String store, String target, List<Check> checks) {
        return new CheckReport(checks.stream().noneMatch(Check::failed), store, target, checks);
    }

    /** The check with this id, or null. */
    public Check check(String id) {
        return checks.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
    }

    @Override
    public int exitCode() {
        int code = ok ? ExitCode.OK : ExitCode.FINDINGS;
        for (Check c : checks) {
            if (c.cause() != null) {
                code = ExitCode.worst(code, c.cause().exitCode());
            }
        }
        return code;
    }

    /** The first check whose cause decides the exit code, or null when none does (exit 0 or 1). */
    public Check blocker() {
        int code = exitCode();
        return checks.stream().filter(c -> c.cause() != null && c.cause().exitCode() == code).findFirst()
            .orElse(null);
    }

    /** "could not check everything", with the check that says why, when a cause decides the exit code. */
    @Override
    public Notice notice() {
        Check c = blocker();
        return c == null ? null : new Notice("could not check everything: " + c.summary(),
            c.fix() != null ? c.fix() : "see the checks above");
    }

    /**
     * One line per check ({@code status  id  summary}, a long summary continued under itself); under a warn or fail,
     * its fix and details (continued under their text); then a count:
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
            out.line("  " + out.status(word) + pad + c.id() + " ".repeat(idWidth - c.id().length() + 2) + c.summary(),
                2 + 6 + idWidth + 2);
            String indent = " ".repeat(8);
            if (c.status() == Check.Status.PASS || c.status() == Check.Status.SKIP) {
                continue; // their summary says it all; JSON carries the details
            }
            if (c.fix() != null) {
                out.line(indent + "fix: " + c.fix());
            }
            for (Map.Entry<String, Object> d : c.details().entrySet()) {
                String value = detailText(d.getValue(), out);
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

    /**
     * A detail as one line of text (objects as compact JSON, times as {@link Text#time}); null, false and empty
     * values are not shown.
     */
    static String detailText(Object value, Text out) {
        if (value == null || Boolean.FALSE.equals(value)) {
            return null;
        }
        if (value instanceof Collection<?> list) {
            return list.isEmpty() ? null : String.join(", ", list.stream().map(CheckReport::scalar).toList());
        }
        Instant at = value instanceof Instant i ? i : value instanceof String text ? Times.parse(text) : null;
        if (at != null) {
            return out.time(at);
        }
        String s = scalar(value).replace("\n", " ");
        return s.isEmpty() || s.equals("{}") ? null : s;
    }

    private static String scalar(Object value) {
        return value instanceof CharSequence || value instanceof Number || value instanceof Boolean
            ? String.valueOf(value) : Json.compact(value);
    }
}
