package dev.notif.probe;

/** Posts a store's delivery the way the store does (exact bytes, no redirects followed) and judges the answer. */
public final class Sender {
    private final HttpProbe probe;

    public Sender(HttpProbe probe) {
        this.probe = probe;
    }

    public <D extends Delivery> Sent<D> send(D delivery, Classifier<? super D> classifier) {
        Outcome outcome = probe.post(delivery.url(), delivery.headers(), delivery.body(), delivery.contentType());
        return new Sent<>(delivery, outcome, classifier.classify(delivery, outcome));
    }
}
