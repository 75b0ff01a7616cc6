package dev.notif.probe;

/** A delivery sent: what it was, what came back, and the verdict on it. */
public record Sent<D extends Delivery>(D delivery, Outcome outcome, Verdict verdict) {

    /** The answer and its verdict, as every {@code send} result and the demo show them. */
    public DeliveryAnswer answer() {
        return DeliveryAnswer.of(outcome, verdict);
    }
}
