package dev.notif.output;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.notif.core.ExitCode;
import dev.notif.core.NotifException;
import dev.notif.core.Secrets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One check of a {@code check X} command: an id of the contract ({@code stripe.endpoint.events}), a status, a
 * one-line summary, the fix (null when there is nothing to fix) and machine-readable details (snake_case keys).
 * Build with {@link #pass}, {@link #warn}, {@link #fail}, {@link #skip}, then add {@link #detail}s. A check that
 * could not be run (or finished) because of the credentials or the provider's API carries that {@link Cause}
 * ({@link #because}); the report's exit code follows from the causes (see {@link CheckReport#exitCode()}).
 */
public record Check(String id, Status status, String summary, String fix, Map<String, Object> details,
                    @JsonInclude(JsonInclude.Include.NON_NULL) Cause cause) {

    /** pass: fine; warn: works but worth fixing; fail: broken (exit 1); skip: could not be run (says why). */
    public enum Status {
        PASS, WARN, FAIL, SKIP;

        @JsonValue
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * What kept a check from telling: credentials missing or refused (exit 3), the provider's API unreachable or
     * failing (exit 4), or an input the provider refused (exit 2). JSON: {@code "cause": "credentials"}, only on
     * checks that have one.
     */
    public enum Cause {
        CREDENTIALS(ExitCode.CREDENTIALS), UNAVAILABLE(ExitCode.UNAVAILABLE), USAGE(ExitCode.USAGE);

        private final int exitCode;

        Cause(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }

        /** The cause an exit code stands for, or null (0, 1 and 70 are not causes). */
        public static Cause of(int exitCode) {
            for (Cause c : values()) {
                if (c.exitCode == exitCode) {
                    return c;
                }
            }
            return null;
        }

        @JsonValue
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Check {
        details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public static Check pass(String id, String summary) {
        return new Check(id, Status.PASS, summary, null, Map.of(), null);
    }

    public static Check warn(String id, String summary, String fix) {
        return new Check(id, Status.WARN, summary, fix, Map.of(), null);
    }

    public static Check fail(String id, String summary, String fix) {
        return new Check(id, Status.FAIL, summary, fix, Map.of(), null);
    }

    /** A check that could not run, and why (for example because an earlier one failed). */
    public static Check skip(String id, String why) {
        return new Check(id, Status.SKIP, why, null, Map.of(), null);
    }

    /**
     * A check the provider did not let run: skipped with the failure's message and hint (scrubbed), and its
     * cause (from its exit code).
     */
    public static Check blocked(String id, NotifException e) {
        return new Check(id, Status.SKIP, Secrets.scrub(e.getMessage()), Secrets.scrub(e.hint()), Map.of(), null)
            .because(e.exitCode());
    }

    /** This check with one more detail (insertion order is kept; a null value is kept as JSON null). */
    public Check detail(String key, Object value) {
        Map<String, Object> d = new LinkedHashMap<>(details);
        d.put(key, value);
        return new Check(id, status, summary, fix, d, cause);
    }

    public Check details(Map<String, ?> more) {
        Map<String, Object> d = new LinkedHashMap<>(details);
        d.putAll(more);
        return new Check(id, status, summary, fix, d, cause);
    }

    /** This check with these details first, then its own. */
    public Check detailsFirst(Map<String, ?> first) {
        Map<String, Object> d = new LinkedHashMap<>(first);
        d.putAll(details);
        return new Check(id, status, summary, fix, d, cause);
    }

    /** The same check with another summary (a prefix naming the environment, say). */
    public Check withSummary(String text) {
        return new Check(id, status, text, fix, details, cause);
    }

    /** This check, kept from telling by {@code c} (null: no cause). */
    public Check because(Cause c) {
        return new Check(id, status, summary, fix, details, c);
    }

    /** This check, kept from telling by what {@code exitCode} stands for (no cause for 0, 1 or 70). */
    public Check because(int exitCode) {
        return because(Cause.of(exitCode));
    }

    public boolean failed() {
        return status == Status.FAIL;
    }
}
