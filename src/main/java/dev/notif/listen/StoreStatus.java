package dev.notif.listen;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One store's line in {@code /status} (JSON: its components in snake_case): when it last delivered something the
 * receiver accepted, how many deliveries were accepted and rejected, the latest rejection, and for a store that
 * relays what it accepts, its forwarding queue (absent otherwise).
 */
public record StoreStatus(Instant lastReceivedAt, long accepted, long rejected, Rejection lastRejection,
                          String lastType, String lastId,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Forwarding forwarding) {

    public record Rejection(Instant at, String error) {
    }

    public static StoreStatus empty() {
        return new StoreStatus(null, 0, 0, null, null, null, null);
    }

    StoreStatus with(LogEntry e) {
        if (e.accepted()) {
            Instant last = lastReceivedAt == null || e.at().isAfter(lastReceivedAt) ? e.at() : lastReceivedAt;
            boolean newest = last.equals(e.at());
            return new StoreStatus(last, accepted + 1, rejected, lastRejection, newest ? e.type() : lastType,
                newest ? e.id() : lastId, forwarding);
        }
        Rejection r = lastRejection == null || !e.at().isBefore(lastRejection.at()) ? new Rejection(e.at(), e.error())
            : lastRejection;
        return new StoreStatus(lastReceivedAt, accepted, rejected + 1, r, lastType, lastId, forwarding);
    }

    StoreStatus withForwarding(Forwarding f) {
        return new StoreStatus(lastReceivedAt, accepted, rejected, lastRejection, lastType, lastId, f);
    }
}
