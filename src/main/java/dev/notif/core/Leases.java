package dev.notif.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Values that expire (access tokens, signed JWTs), one per key, reused until {@code margin} before they expire. The
 * first caller for a key makes the value; callers that come while it is being made wait for it and get its result,
 * a failure included (one request in flight, not one per caller); a failure is not kept: the next caller tries
 * again. Keep one in the process's {@link Shared}.
 */
public final class Leases<K, V> {
    /** A value and when it stops being valid ({@code expires} null: never). */
    public record Lease<V>(V value, Instant expires) {
    }

    private final Duration margin;
    private final ConcurrentHashMap<K, CompletableFuture<Lease<V>>> byKey = new ConcurrentHashMap<>();

    public Leases(Duration margin) {
        this.margin = margin;
    }

    /** The value for {@code key}: the one kept while {@code clock} is before its expiry less the margin, else a new one. */
    public V get(K key, Clock clock, Supplier<Lease<V>> make) {
        while (true) {
            CompletableFuture<Lease<V>> kept = byKey.get(key);
            if (kept != null && !kept.isDone()) {
                return waitFor(kept);
            }
            if (kept != null && !kept.isCompletedExceptionally() && fresh(kept.join(), clock.instant())) {
                return kept.join().value();
            }
            CompletableFuture<Lease<V>> mine = new CompletableFuture<>();
            boolean won = kept == null ? byKey.putIfAbsent(key, mine) == null : byKey.replace(key, kept, mine);
            if (won) {
                return make(key, mine, make);
            }
        }
    }

    private boolean fresh(Lease<V> lease, Instant now) {
        return lease.expires() == null || now.isBefore(lease.expires().minus(margin));
    }

    private V make(K key, CompletableFuture<Lease<V>> mine, Supplier<Lease<V>> make) {
        try {
            Lease<V> lease = make.get();
            mine.complete(lease);
            return lease.value();
        } catch (RuntimeException | Error e) {
            byKey.remove(key, mine); // not kept: the next caller asks again
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private static <V> V waitFor(CompletableFuture<Lease<V>> inFlight) {
        try {
            return inFlight.join().value();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
