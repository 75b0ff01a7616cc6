package dev.notif.stripe;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notif.core.Json;
import dev.notif.listen.Answer;
import dev.notif.listen.ErrorCodes;
import dev.notif.listen.Inbound;
import dev.notif.listen.LogEntry;
import dev.notif.listen.StoreRoute;
import java.io.IOException;
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
        ObjectNode detail = Json.object();
        detail.put("livemode", event.livemode());
        detail.put("object", event.object().kind());
        detail.put("object_id", event.object().id());
        if (event.object().customer() != null) {
            detail.put("customer", event.object().customer());
        }
        return Answer.accepted(LogEntry.accepted(store(), at, type, id, detail));
    }

    /**
     * The few fields of an event the route needs, read in one streaming pass over the bytes (which still checks
     * that the whole body is JSON): a tree of the whole event is most of the cost of a delivery otherwise.
     */
    record EventFields(String id, String type, boolean livemode, DataObject object) {
        /** {@code data.object}: its {@code object} (kind), {@code id} and {@code customer} when a string. */
        record DataObject(String kind, String id, String customer) {
        }

        /** The fields, or null when the body is not a JSON object. */
        static EventFields read(byte[] body) {
            try (JsonParser p = Json.mapper().getFactory().createParser(body)) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    return null;
                }
                String id = null;
                String type = null;
                boolean livemode = false;
                DataObject object = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken t = p.nextToken();
                    switch (name) {
                        case "id" -> id = t == JsonToken.VALUE_STRING ? p.getText() : id;
                        case "type" -> type = t == JsonToken.VALUE_STRING ? p.getText() : type;
                        case "livemode" -> livemode = t == JsonToken.VALUE_TRUE;
                        case "data" -> object = t == JsonToken.START_OBJECT ? data(p) : skip(p);
                        default -> p.skipChildren();
                    }
                }
                return p.currentToken() == JsonToken.END_OBJECT ? new EventFields(id, type, livemode, object) : null;
            } catch (IOException e) {
                return null;
            }
        }

        private static DataObject data(JsonParser p) throws IOException {
            DataObject found = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (name.equals("object") && t == JsonToken.START_OBJECT) {
                    String kind = null;
                    String id = null;
                    String customer = null;
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String field = p.currentName();
                        JsonToken v = p.nextToken();
                        if (v == JsonToken.VALUE_STRING && field.equals("object")) {
                            kind = p.getText();
                        } else if (v == JsonToken.VALUE_STRING && field.equals("id")) {
                            id = p.getText();
                        } else if (v == JsonToken.VALUE_STRING && field.equals("customer")) {
                            customer = p.getText();
                        } else {
                            p.skipChildren();
                        }
                    }
                    found = new DataObject(kind, id, customer);
                } else {
                    p.skipChildren();
                }
            }
            return found;
        }

        private static DataObject skip(JsonParser p) throws IOException {
            p.skipChildren();
            return null;
        }
    }

    /**
     * The contract's error body with the signature's {@code reason}: missing_header, bad_header, no_v1, no_match or
     * timestamp_outside_tolerance.
     */
    record SignatureRejection(String error, String message, String reason) {
    }
}
