package dev.notif.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.core.Json;
import dev.notif.probe.Delivery;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** One signed delivery, ready to POST: the exact body bytes and the headers Stripe sends with them. */
public record StripeDelivery(String url, String eventType, String eventId, boolean livemode, long timestamp,
                             byte[] body, Map<String, String> headers) implements Delivery {
    public static final String CONTENT_TYPE = "application/json; charset=utf-8";
    public static final String USER_AGENT = "Stripe/1.0 (+https://stripe.com/docs/webhooks)";

    /** Serialises the event as Stripe does (pretty, two spaces) and signs it. */
    public static StripeDelivery of(String url, String secret, JsonNode event, long timestamp) {
        byte[] body = Json.pretty(event).getBytes(StandardCharsets.UTF_8);
        return signed(url, secret, Json.text(event, "type"), Json.text(event, "id"),
            event.path("livemode").asBoolean(false), timestamp, body);
    }

    /** Signs body bytes exactly as given (a captured event replayed byte for byte). */
    public static StripeDelivery signed(String url, String secret, String type, String id, boolean livemode,
                                        long timestamp, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", CONTENT_TYPE);
        headers.put("User-Agent", USER_AGENT);
        headers.put("Accept", "*/*; q=0.5, application/xml");
        headers.put("Cache-Control", "no-cache");
        headers.put(StripeSignature.HEADER, StripeSignature.header(secret, timestamp, body));
        return new StripeDelivery(url, type, id, livemode, timestamp, body, Map.copyOf(headers));
    }

    /** The event in other bytes (as a re-serializer writes it), signed with {@code secret} over those bytes. */
    public static StripeDelivery signed(String url, String secret, JsonNode event, long timestamp, byte[] body) {
        return signed(url, secret, Json.text(event, "type"), Json.text(event, "id"),
            event.path("livemode").asBoolean(false), timestamp, body);
    }

    /** This delivery with another Stripe-Signature value. */
    public StripeDelivery withSignature(String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(StripeSignature.HEADER, value);
        return new StripeDelivery(url, eventType, eventId, livemode, timestamp, body, Map.copyOf(h));
    }

    /** This delivery signed with an HMAC key given as bytes (not the UTF-8 bytes of a secret). */
    public StripeDelivery signedWith(byte[] key) {
        return withSignature("t=" + timestamp + ",v1=" + java.util.HexFormat.of().formatHex(StripeSignature.hmac(key,
            timestamp, body)));
    }

    @Override
    public String contentType() {
        return CONTENT_TYPE;
    }
}
