package dev.notif.stripe;

import dev.notif.probe.HttpProbe;
import dev.notif.probe.Outcome;
import dev.notif.probe.Verdict;

/** Posts a signed delivery and judges the answer. */
public final class StripeSender {
    private final HttpProbe probe;

    public StripeSender(HttpProbe probe) {
        this.probe = probe;
    }

    public record Sent(StripeDelivery delivery, Outcome outcome, Verdict verdict) {
    }

    public Sent send(StripeDelivery d) {
        Outcome outcome = probe.post(d.url(), d.headers(), d.body(), StripeDelivery.CONTENT_TYPE);
        Verdict verdict = StripeVerdicts.classify(new StripeVerdicts.Sent(d.eventType(), d.livemode()), outcome);
        return new Sent(d, outcome, verdict);
    }
}
