package dev.notif.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.core.Json;
import dev.notif.core.NotifException;
import dev.notif.core.Secrets;
import dev.notif.probe.Sender;
import java.io.InputStream;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * {@code notif send stripe}: builds the event (or takes the one in --data, byte for byte), signs it as Stripe does,
 * sends it and judges the answer. Doubts about the secret or the event type are warnings; the delivery goes anyway.
 */
public final class StripeSend {
    /** What to send; {@code eventGiven}: --event was on the command line (it must then agree with --data). */
    public record Request(String url, String secret, String event, boolean eventGiven, String data, Long timestamp,
                          String customer, String subscription, boolean livemode, boolean showSecret) {
    }

    private final Sender sender;
    private final Clock clock;
    private final InputStream stdin;
    private final Consumer<String> warn;

    public StripeSend(Sender sender, Clock clock, InputStream stdin, Consumer<String> warn) {
        this.sender = sender;
        this.clock = clock;
        this.stdin = stdin;
        this.warn = warn;
    }

    public SendStripeResult run(Request r) {
        if (r.secret() == null) {
            throw NotifException.usage("no signing secret: pass --secret-file FILE, --secret - (stdin) or"
                + " --secret SECRET, or set STRIPE_WEBHOOK_SECRET",
                "the secret is the endpoint's whsec_... value (Stripe Dashboard > Developers > Webhooks > Reveal)");
        }
        for (StripeSecret.Problem p : StripeInputs.secret("--secret", r.secret())) {
            warn.accept(p.message() + "; " + p.fix());
        }
        long t = StripeInputs.timestamp(r.timestamp(), clock.instant().getEpochSecond());
        StripeDelivery delivery = r.data() == null ? built(r, StripeInputs.eventType(r.event()), null, t)
            : fromData(r, t);
        if (!StripeEvents.isAllowed(delivery.eventType(), true)) {
            warn.accept(delivery.eventType() + " is not an event the ingestion service accepts ("
                + String.join(", ", StripeEvents.allowed(true)) + "); expect it to be refused");
        }
        return SendStripeResult.of(sender.send(delivery, StripeVerdicts.CLASSIFIER),
            Secrets.show(r.secret(), r.showSecret()));
    }

    private StripeDelivery fromData(Request r, long t) {
        StripeInputs.Data file = StripeInputs.dataFile(r.data(), stdin);
        if (!file.isEvent()) {
            return built(r, StripeInputs.eventType(r.event()), file.json(), t);
        }
        String type = Json.text(file.json(), "type");
        if (r.eventGiven() && !type.equals(r.event())) {
            throw NotifException.usage("--event " + r.event() + " contradicts the event in --data, of type " + type,
                "drop --event to replay the event as it is, or pass a data object instead of a whole event");
        }
        return StripeDelivery.signed(r.url(), r.secret(), type, Json.text(file.json(), "id"),
            file.json().path("livemode").asBoolean(), t, file.bytes());
    }

    private StripeDelivery built(Request r, String type, JsonNode dataObject, long t) {
        var options = new StripeEventBuilder.Options(type, r.customer(), r.subscription(), r.livemode(),
            clock.instant(), dataObject);
        return StripeDelivery.of(r.url(), r.secret(), StripeEventBuilder.build(options), t);
    }
}
