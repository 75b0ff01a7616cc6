package dev.notif.fleet;

import java.util.List;

/**
 * {@code --only ID...} and {@code --skip ID...}: check ids, or patterns ending in {@code *} ({@code stripe.endpoint.*},
 * {@code stripe.*}, {@code *.liveness}). A store whose checks --only cannot match is not run at all.
 */
public record CheckFilter(List<String> only, List<String> skip) {
    public static final CheckFilter ALL = new CheckFilter(List.of(), List.of());

    public CheckFilter {
        only = only == null ? List.of() : List.copyOf(only);
        skip = skip == null ? List.of() : List.copyOf(skip);
    }

    public boolean keeps(String id) {
        return (only.isEmpty() || only.stream().anyMatch(p -> matches(p, id))) && skip.stream().noneMatch(p -> matches(p, id));
    }

    /** Whether some check of {@code store} may be kept: its ids all start with {@code store.}. */
    public boolean mayKeep(String store) {
        return only.isEmpty() || only.stream().anyMatch(p -> p.startsWith("*") || p.startsWith(store + ".")
            || (store + ".").startsWith(p.endsWith("*") ? p.substring(0, p.length() - 1) : p + "\u0000"));
    }

    static boolean matches(String pattern, String id) {
        if (pattern.equals(id)) {
            return true;
        }
        if (pattern.startsWith("*")) {
            return id.endsWith(pattern.substring(1));
        }
        return pattern.endsWith("*") && id.startsWith(pattern.substring(0, pattern.length() - 1));
    }
}
