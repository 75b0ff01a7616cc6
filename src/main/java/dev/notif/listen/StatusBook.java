package dev.notif.listen;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/** Per-store counts and last-received times, folded from log entries (replayed at start, then live). */
public final class StatusBook {
    private final Map<String, StoreStatus> stores = new TreeMap<>();

    public StatusBook(Collection<String> registered) {
        for (String store : registered) {
            stores.put(store, StoreStatus.empty());
        }
    }

    public synchronized void apply(LogEntry entry) {
        stores.merge(entry.store(), StoreStatus.empty().with(entry), (old, one) -> old.with(entry));
    }

    /** Adds what a summary holds (the counts of log segments no longer read). */
    synchronized void restore(Map<String, StoreStatus> summary) {
        summary.forEach((name, s) -> stores.put(name, new StoreStatus(s.lastReceivedAt(), s.accepted(), s.rejected(),
            s.lastRejection(), s.lastType(), s.lastId(), null)));
    }

    synchronized void register(Collection<String> names) {
        names.forEach(n -> stores.putIfAbsent(n, StoreStatus.empty()));
    }

    public synchronized Map<String, StoreStatus> snapshot() {
        return new TreeMap<>(stores);
    }
}
