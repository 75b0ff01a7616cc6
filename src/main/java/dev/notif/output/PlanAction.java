package dev.notif.output;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One step of a {@code setup} plan, the same for every store: what ({@code create}, {@code update}, {@code
 * delete}, {@code none}, {@code skip}), on which resource (an endpoint, a topic, a notification URL) and its name,
 * the changes in plain words, why, whether it was applied, and, when it failed, its cause and fix. A store's own
 * fields follow, flattened (setup stripe: {@code endpoint_id, url, add_events, remove_events, enable}).
 * JSON: {@code {action, resource, name, changes, reason, applied, cause, fix, ...}}.
 */
public record PlanAction(String action, String resource, String name, List<String> changes, String reason,
                         boolean applied, String cause, String fix, @JsonIgnore Map<String, Object> fields) {
    public static final String CREATE = "create";
    public static final String UPDATE = "update";
    public static final String DELETE = "delete";
    public static final String NONE = "none";
    public static final String SKIP = "skip";

    public PlanAction {
        changes = List.copyOf(changes);
        fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public static PlanAction of(String action, String resource, String name, List<String> changes, String reason) {
        return new PlanAction(action, resource, name, changes, reason, false, null, null, Map.of());
    }

    /** The store's own fields, after the common ones. */
    @JsonAnyGetter
    public Map<String, Object> storeFields() {
        return fields;
    }

    /** This action with one more store field (order kept). */
    public PlanAction field(String key, Object value) {
        Map<String, Object> f = new LinkedHashMap<>(fields);
        f.put(key, value);
        return new PlanAction(action, resource, name, changes, reason, applied, cause, fix, f);
    }

    public PlanAction applied(boolean done) {
        return new PlanAction(action, resource, name, changes, reason, done, cause, fix, fields);
    }

    /** This action, failed: not applied, with why and what to do. */
    public PlanAction failed(String why, String whatToDo) {
        return new PlanAction(action, resource, name, changes, reason, false, why, whatToDo, fields);
    }

    /** It changes something (not {@code none} nor {@code skip}). */
    public boolean writes() {
        return !NONE.equals(action) && !SKIP.equals(action);
    }

    public boolean hasFailed() {
        return cause != null;
    }
}
