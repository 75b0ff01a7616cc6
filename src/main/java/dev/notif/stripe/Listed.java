package dev.notif.stripe;

import dev.notif.core.Urls;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One read of a list of an account's objects (webhook endpoints, event destinations) and what checks work out from
 * it, worked out once per read: a run over notif.toml hands the same read to every store that uses the account
 * ({@link StripeReads}), and each store asks which objects deliver to its URL. They are looked up in an index of
 * the objects by normalised URL, built at the first question, rather than by normalising every object's URL for
 * every store (stores x objects). Nothing outlives the read: a new read is a new {@code Listed}.
 */
final class Listed<T> {
    private final List<T> all;
    private final Function<T, String> url;
    private final Map<Object, Object> derived = new ConcurrentHashMap<>();
    private volatile Map<String, List<T>> byUrl;

    /** {@code url}: the URL an object delivers to, null for one that has none (it is then never for a URL). */
    Listed(List<T> all, Function<T, String> url) {
        this.all = List.copyOf(all);
        this.url = url;
    }

    List<T> all() {
        return all;
    }

    /** The objects whose URL is {@code target} once both are normalised ({@link Urls#normalize}), in list order. */
    List<T> forUrl(String target) {
        Map<String, List<T>> index = byUrl;
        if (index == null) {
            Map<String, List<T>> built = new LinkedHashMap<>();
            for (T t : all) {
                String u = url.apply(t);
                if (u != null) {
                    built.computeIfAbsent(Urls.normalize(u), k -> new ArrayList<>()).add(t);
                }
            }
            built.replaceAll((k, v) -> List.copyOf(v));
            byUrl = index = built; // racing builders build the same index
        }
        return index.getOrDefault(Urls.normalize(target), List.of());
    }

    /** What {@code work} makes of the whole list, made once per {@code key} for this read. */
    @SuppressWarnings("unchecked")
    <R> R derived(Object key, Function<List<T>, R> work) {
        return (R) derived.computeIfAbsent(key, k -> work.apply(all));
    }
}
