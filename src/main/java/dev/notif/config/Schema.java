package dev.notif.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys notif.toml may hold: per store (the store commands' long options in snake_case), and those that may be
 * set in {@code [defaults]}, in an {@code [[app]]} or in a store and are inherited downwards ({@code max_silence}).
 */
public record Schema(Map<String, Map<String, Key>> stores, Map<String, Key> inherited) {

    /** What a key takes. */
    public enum Kind {
        STRING("a string"),
        BOOL("true or false"),
        INT("a whole number"),
        NUMBER("a number"),
        DURATION("a duration such as \"24h\", \"90m\" or \"7d\""),
        URL("an http:// or https:// URL"),
        STRINGS("a list of strings, such as [\"production\", \"sandbox\"]"),
        SECRET("a secret, best as a reference: \"${ENV_VAR}\" or \"file:PATH\""),
        FILE("a path to a file (relative to notif.toml's directory)");

        private final String expected;

        Kind(String expected) {
            this.expected = expected;
        }

        public String expected() {
            return expected;
        }
    }

    /** One key: its name, what it takes, what it is for; {@code choices} limits a string or list (may be empty). */
    public record Key(String name, Kind kind, String description, List<String> choices) {
        public Key(String name, Kind kind, String description) {
            this(name, kind, description, List.of());
        }
    }

    public Schema {
        stores = copy(stores);
        inherited = Map.copyOf(inherited);
    }

    private static Map<String, Map<String, Key>> copy(Map<String, Map<String, Key>> stores) {
        Map<String, Map<String, Key>> out = new LinkedHashMap<>();
        stores.forEach((name, keys) -> out.put(name, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(keys))));
        return java.util.Collections.unmodifiableMap(out);
    }

    /** The keys of a store's table: its own and the inherited ones. */
    public Map<String, Key> storeKeys(String store) {
        Map<String, Key> all = new LinkedHashMap<>(stores.get(store));
        inherited.forEach(all::putIfAbsent);
        return all;
    }
}
