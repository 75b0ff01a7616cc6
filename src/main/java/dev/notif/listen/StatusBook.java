package dev.notif.listen;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/** Per-store counts and last-received times, derived from log entries (replayed at start, then live). */
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

    public synchronized Map<String, StoreStatus> snapshot() {
        return new TreeMap<>(stores);
    }
}
