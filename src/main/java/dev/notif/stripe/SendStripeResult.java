package dev.notif.stripe;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.notif.output.Result;
import dev.notif.output.Text;
import dev.notif.probe.DeliveryAnswer;
import dev.notif.probe.Sent;

/** The result of {@code notif send stripe}: what was sent, what came back, and the verdict with cause and fix. */
public record SendStripeResult(boolean ok, String store, String url, String eventType, String eventId,
                               @JsonUnwrapped DeliveryAnswer answer, String secret, long timestamp) implements Result {

    public static SendStripeResult of(Sent<StripeDelivery> sent, String shownSecret) {
        StripeDelivery d = sent.delivery();
        DeliveryAnswer answer = sent.answer();
        return new SendStripeResult(answer.accepted(), "stripe", d.url(), d.eventType(), d.eventId(), answer,
            shownSecret, d.timestamp());
    }

    @Override
    public void printText(Text out) {
        out.line(out.bold("POST " + url) + "  " + eventType + "  " + out.dim(eventId));
        out.line(out.dim("  signed with " + secret + " at t=" + timestamp));
        answer.printText(out);
    }
}
