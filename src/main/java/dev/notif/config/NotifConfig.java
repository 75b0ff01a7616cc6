package dev.notif.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * notif.toml, read and checked: the apps in file order, each with its store entries; values resolved
 * ({@code ${ENV_VAR}}, {@code file:PATH}) and inherited ({@code [defaults]} to app to store).
 */
public record NotifConfig(Path file, String shownName, List<App> apps, Map<String, Integer> concurrency,
                          List<String> warnings) {

    /** One {@code [[app]]}. */
    public record App(String name, Position at, List<StoreEntry> stores) {
    }

    /** One store table of an app ({@code [app.stripe]}), with every value that applies to it. */
    public record StoreEntry(String app, String store, Position at, Map<String, Value> values) {
        public Value value(String key) {
            return values.get(key);
        }

        /** The key's value, or null when it is not set (or its reference could not be resolved). */
        public Object get(String key) {
            Value v = values.get(key);
            return v == null ? null : v.value();
        }

        /** The keys whose reference gave no value, each with the reference and why: {@code "${KEY}": KEY is not set ...}. */
        public Map<String, String> leftOut() {
            Map<String, String> out = new java.util.LinkedHashMap<>();
            values.values().stream().filter(v -> v.unresolved() != null)
                .forEach(v -> out.put(v.key(), "\"" + v.reference() + "\": " + v.unresolved()));
            return out;
        }
    }

    /**
     * A value and where it came from. {@code value} is a String, Boolean, Long, Double, java.time.Duration or
     * List of String; null when {@code unresolved} says why its reference gave nothing. {@code reference} is the
     * reference as written ({@code ${STRIPE_API_KEY}}, {@code file:secrets/x}), or null for a literal.
     */
    public record Value(String key, Schema.Kind kind, Object value, Position at, String reference, String unresolved) {
        @Override
        public String toString() {
            return key + "=" + (kind == Schema.Kind.SECRET ? "(secret)" : String.valueOf(value));
        }
    }

    public int storeCount() {
        return apps.stream().mapToInt(a -> a.stores().size()).sum();
    }
}
