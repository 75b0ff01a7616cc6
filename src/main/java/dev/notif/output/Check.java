package dev.notif.output;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One check of a {@code check X} command: an id of the contract ({@code stripe.endpoint.events}), a status, a
 * one-line summary, the fix (null when there is nothing to fix) and machine-readable details (snake_case keys).
 * Build with {@link #pass}, {@link #warn}, {@link #fail}, {@link #skip}, then add {@link #detail}s.
 */
public record Check(String id, Status status, String summary, String fix, Map<String, Object> details) {

    /** pass: fine; warn: works but worth fixing; fail: broken (exit 1); skip: could not be run (says why). */
    public enum Status {
        PASS, WARN, FAIL, SKIP;

        @JsonValue
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Check {
        details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public static Check pass(String id, String summary) {
        return new Check(id, Status.PASS, summary, null, Map.of());
    }

    public static Check warn(String id, String summary, String fix) {
        return new Check(id, Status.WARN, summary, fix, Map.of());
    }

    public static Check fail(String id, String summary, String fix) {
        return new Check(id, Status.FAIL, summary, fix, Map.of());
    }

    /** A check that could not run, and why (for example because an earlier one failed). */
    public static Check skip(String id, String why) {
        return new Check(id, Status.SKIP, why, null, Map.of());
    }

    /** This check with one more detail (insertion order is kept; a null value is kept as JSON null). */
    public Check detail(String key, Object value) {
        Map<String, Object> d = new LinkedHashMap<>(details);
        d.put(key, value);
        return new Check(id, status, summary, fix, d);
    }

    public Check details(Map<String, ?> more) {
        Map<String, Object> d = new LinkedHashMap<>(details);
        d.putAll(more);
        return new Check(id, status, summary, fix, d);
    }

    public boolean failed() {
        return status == Status.FAIL;
    }
}
