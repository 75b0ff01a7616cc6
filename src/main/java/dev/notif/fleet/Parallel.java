package dev.notif.fleet;

import dev.notif.config.NotifConfig;
import dev.notif.config.NotifConfig.StoreEntry;
import dev.notif.core.NotifException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** Runs a task per store entry at once, at most N of one store (provider) at a time; results in entry order. */
final class Parallel {
    private Parallel() {
    }

    /** {@code override} > 0 bounds every store; otherwise the file's [concurrency], else the default. */
    static <T> List<T> map(List<StoreEntry> entries, NotifConfig config, int override, Function<StoreEntry, T> task) {
        Map<String, ExecutorService> pools = new LinkedHashMap<>();
        List<Future<T>> futures = new ArrayList<>();
        try {
            for (StoreEntry e : entries) {
                int size = override > 0 ? override
                    : config.concurrency().getOrDefault(e.store(), FleetRun.DEFAULT_CONCURRENCY);
                ExecutorService pool = pools.computeIfAbsent(e.store(), s -> Executors.newFixedThreadPool(size,
                    daemon("notif-" + s)));
                futures.add(pool.submit(() -> task.apply(e)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw NotifException.unavailable("interrupted", "rerun the command", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pools.values().forEach(ExecutorService::shutdownNow);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
