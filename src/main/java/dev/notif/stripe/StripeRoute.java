package dev.notif.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notif.core.Json;
import dev.notif.listen.Answer;
import dev.notif.listen.Inbound;
import dev.notif.listen.LogEntry;
import dev.notif.listen.StoreRoute;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    @Override
    public Answer handle(Inbound request) {
        var at = request.receivedAt();
        StripeSignature.Verification v = StripeSignature.verify(request.header(StripeSignature.HEADER), request.body(),
            secrets, at.getEpochSecond(), toleranceSeconds);
        if (!v.ok()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", "signature_mismatch");
            body.put("message", v.detail());
            body.put("reason", v.reason()); // missing_header, bad_header, no_v1, no_match, timestamp_outside_tolerance
            return new Answer(400, Answer.JSON, Json.compact(body),
                LogEntry.rejected(store(), at, "signature_mismatch", null, null));
        }
        JsonNode event = Json.parseOrNull(new String(request.body(), StandardCharsets.UTF_8));
        String type = Json.text(event, "type");
        String id = Json.text(event, "id");
        if (event == null || !event.isObject() || type == null || !event.path("data").path("object").isObject()) {
            return Answer.rejected(400, "malformed", "the body is not a Stripe event (JSON with type and data.object)",
                LogEntry.rejected(store(), at, "malformed", type, id));
        }
        if (!StripeEvents.isAllowed(type, trackNewPurchases)) {
            String accepted = String.join(", ", StripeEvents.allowed(trackNewPurchases));
            return Answer.rejected(400, "unsupported_event_type", "event type " + type + " is not accepted; accepted: "
                + accepted, LogEntry.rejected(store(), at, "unsupported_event_type", type, id));
        }
        ObjectNode detail = Json.object();
        detail.put("livemode", event.path("livemode").asBoolean());
        JsonNode object = event.path("data").path("object");
        detail.put("object", Json.text(object, "object"));
        detail.put("object_id", Json.text(object, "id"));
        if (object.hasNonNull("customer") && object.get("customer").isTextual()) {
            detail.put("customer", object.get("customer").asText());
        }
        return Answer.accepted(LogEntry.accepted(store(), at, type, id, detail));
    }
}
