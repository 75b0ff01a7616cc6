package dev.notif.listen;

/**
 * One store's endpoint on the receiver: {@code POST /<store>}. The receiver writes the answer's log entry durably
 * before it sends the answer, so a route only decides; it must never throw on bad input (answer 400 instead).
 */
public interface StoreRoute {
    /** The store's name: the path segment and the key under {@code stores} in {@code /status}. */
    String store();

    /** Decides on one request; called concurrently from several threads. */
    Answer handle(Inbound request);

    /**
     * Whether {@link #handle} does no I/O and only bounded work (a signature check, a parse): the receiver then calls
     * it on its I/O thread for small bodies, sparing a hand-off to a worker per delivery. Otherwise on a worker.
     */
    default boolean decidesWithoutBlocking() {
        return false;
    }

    /** Called once the entry of an accepted request is durable, before the answer (for example to queue a forward). */
    default void afterRecorded(LogEntry entry, Inbound request) {
    }

    /** Whether {@link #afterRecorded} does anything (I/O): the answer then waits for it on a worker thread. */
    default boolean actsAfterRecording() {
        return false;
    }

    /** The store's forwarding queue in {@code /status} when it relays what it accepts; none by default. */
    default Forwarding forwarding() {
        return null;
    }

    /** Releases what the route holds (threads, files) when the receiver stops. */
    default void close() {
    }
}
