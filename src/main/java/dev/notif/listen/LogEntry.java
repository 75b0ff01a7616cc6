package dev.notif.listen;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One line of the receiver's durable event log: what arrived for which store, whether it was accepted,
 * the error code when not, and the notification's type and id when known. {@code detail} holds store-specific
 * fields (never secrets).
 */
public record LogEntry(String store, Instant at, boolean accepted, String error, String type, String id,
                       JsonNode detail) {

    public static LogEntry accepted(String store, Instant at, String type, String id, JsonNode detail) {
        return new LogEntry(store, at, true, null, type, id, detail);
    }

    public static LogEntry rejected(String store, Instant at, String error, String type, String id) {
        return new LogEntry(store, at, false, error, type, id, null);
    }
}
