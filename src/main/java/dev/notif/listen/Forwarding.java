package dev.notif.listen;

import java.time.Instant;

/**
 * A relay's line in {@code /status} ({@code stores.<store>.forwarding}): where it relays to, what is pending, delivered
 * and failed, and the latest failure (its error scrubbed of secrets).
 */
public record Forwarding(String to, long pending, long delivered, long failed, String failedDir,
                         Instant lastDeliveredAt, Instant nextAttemptAt, Failure lastFailure) {

    /** The latest failed attempt. */
    public record Failure(Instant at, String id, String error) {
    }
}
