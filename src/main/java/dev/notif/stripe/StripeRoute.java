package dev.notif.stripe;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notif.core.Json;
import dev.notif.listen.Answer;
import dev.notif.listen.ErrorCodes;
import dev.notif.listen.Inbound;
import dev.notif.listen.LogEntry;
import dev.notif.listen.StoreRoute;
import java.util.List;

/**
 * {@code POST /stripe} of the receiver, behaving as the ingestion service does: the signature first (any v1 of the
 * header against any configured secret, timestamp tolerance), then the event, then the accepted event set.
 */
public final class StripeRoute implements StoreRoute {
    private final List<String> secrets;
    private final boolean trackNewPurchases;
    private final long toleranceSeconds;

    public StripeRoute(List<String> secrets, boolean trackNewPurchases, long toleranceSeconds) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("at least one signing secret");
        }
        this.secrets = List.copyOf(secrets);
        this.trackNewPurchases = trackNewPurchases;
        this.toleranceSeconds = toleranceSeconds;
    }

    @Override
    public String store() {
        return "stripe";
    }

    /** An HMAC and one pass over the body, no I/O. */
    @Override
    public boolean decidesWithoutBlocking() {
        return true;
    }

    @Override
    public Answer handle(Inbound request) {
        var at = request.receivedAt();
        StripeSignature.Verification v = StripeSignature.verify(request.header(StripeSignature.HEADER), request.body(),
            secrets, at.getEpochSecond(), toleranceSeconds);
        if (!v.ok()) {
            return new Answer(400, Answer.JSON, Json.compact(new SignatureRejection(ErrorCodes.SIGNATURE_MISMATCH,
                v.detail(), v.reason())), LogEntry.rejected(store(), at, ErrorCodes.SIGNATURE_MISMATCH, null, null));
        }
        EventFields event = EventFields.read(request.body());
        String type = event == null ? null : event.type();
        String id = event == null ? null : event.id();
        if (event == null || type == null || event.object() == null) {
            return Answer.rejected(400, ErrorCodes.MALFORMED,
                "the body is not a Stripe event (JSON with type and data.object)",
                LogEntry.rejected(store(), at, ErrorCodes.MALFORMED, type, id));
        }
        if (!StripeEvents.isAllowed(type, trackNewPurchases)) {
            String accepted = String.join(", ", StripeEvents.allowed(trackNewPurchases));
            return Answer.rejected(400, ErrorCodes.UNSUPPORTED_EVENT_TYPE,
                "event type " + type + " is not accepted; accepted: "
                + accepted, LogEntry.rejected(store(), at, ErrorCodes.UNSUPPORTED_EVENT_TYPE, type, id));
        }
        ObjectNode detail = JsonNodeFactory.instance.objectNode(); // a tree without the object mapper
        detail.put("livemode", event.livemode());
        detail.put("object", event.object().kind());
        detail.put("object_id", event.object().id());
        if (event.object().customer() != null) {
            detail.put("customer", event.object().customer());
        }
        return Answer.accepted(LogEntry.accepted(store(), at, type, id, detail));
    }

    /**
     * The contract's error body with the signature's {@code reason}: missing_header, bad_header, no_v1, no_match or
     * timestamp_outside_tolerance.
     */
    record SignatureRejection(String error, String message, String reason) {
    }
}
