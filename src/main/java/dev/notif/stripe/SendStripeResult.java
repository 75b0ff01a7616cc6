package dev.notif.stripe;

import dev.notif.output.Result;
import dev.notif.output.Text;
import dev.notif.probe.DeliveryText;
import dev.notif.probe.Outcome;
import dev.notif.probe.Verdict;

/** The result of {@code notif send stripe}: what was sent, what came back, and the verdict with cause and fix. */
public record SendStripeResult(boolean ok, String store, String url, String eventType, String eventId, Integer httpStatus,
                               long latencyMs, String verdict, String cause, String fix, String responseBody,
                               String secret, long timestamp) implements Result {
    static final int BODY_SHOWN = 500;

    public static SendStripeResult of(StripeDelivery d, Outcome outcome, Verdict v, String shownSecret) {
        return new SendStripeResult(v.accepted(), "stripe", d.url(), d.eventType(), d.eventId(), outcome.status(),
            outcome.latencyMs(), v.verdict(), v.cause(), v.fix(),
            dev.notif.core.Secrets.scrub(outcome.bodyStart(BODY_SHOWN)), shownSecret, d.timestamp());
    }

    @Override
    public void printText(Text out) {
        out.line(out.bold("POST " + url) + "  " + eventType + "  " + out.dim(eventId));
        out.line(out.dim("  signed with " + secret + " at t=" + timestamp));
        DeliveryText.print(out, httpStatus, latencyMs, responseBody, verdict, cause, fix);
    }
}
