package dev.notif.listen;

import java.time.Instant;
import java.util.Map;

/**
 * One store's line in {@code /status}: when it last delivered something the receiver accepted, how many
 * deliveries were accepted and rejected, and the latest rejection. {@code extra} holds store-specific fields
 * (forwarding queues, for example).
 */
public record StoreStatus(Instant lastReceivedAt, long accepted, long rejected, Rejection lastRejection,
                          String lastType, String lastId, Map<String, Object> extra) {

    public record Rejection(Instant at, String error) {
    }

    public static StoreStatus empty() {
        return new StoreStatus(null, 0, 0, null, null, null, Map.of());
    }

    StoreStatus with(LogEntry e) {
        if (e.accepted()) {
            Instant last = lastReceivedAt == null || e.at().isAfter(lastReceivedAt) ? e.at() : lastReceivedAt;
            boolean newest = last.equals(e.at());
            return new StoreStatus(last, accepted + 1, rejected, lastRejection, newest ? e.type() : lastType,
                newest ? e.id() : lastId, extra);
        }
        Rejection r = lastRejection == null || !e.at().isBefore(lastRejection.at()) ? new Rejection(e.at(), e.error())
            : lastRejection;
        return new StoreStatus(lastReceivedAt, accepted, rejected + 1, r, lastType, lastId, extra);
    }

    StoreStatus withExtra(Map<String, Object> fields) {
        return new StoreStatus(lastReceivedAt, accepted, rejected, lastRejection, lastType, lastId, fields);
    }
}
