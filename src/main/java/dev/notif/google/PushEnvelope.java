package dev.notif.google;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notif.core.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * What a Pub/Sub push subscription POSTs: {@code {"message": {"data": base64, "messageId", "message_id",
 * "publishTime", "publish_time", "attributes"}, "subscription": "projects/…/subscriptions/…"}} (Pub/Sub writes
 * both spellings of the id and time), with {@code Content-Type: application/json}.
 */
public final class PushEnvelope {
    public static final String CONTENT_TYPE = "application/json";
    public static final String USER_AGENT = "APIs-Google; (+https://developers.google.com/webmasters/APIs-Google.html)";

    private PushEnvelope() {
    }

    public static ObjectNode build(byte[] data, String messageId, Instant publishTime, Map<String, String> attributes,
                                   String subscription) {
        ObjectNode envelope = Json.object();
        ObjectNode message = envelope.putObject("message");
        ObjectNode attrs = message.putObject("attributes");
        attributes.forEach(attrs::put);
        message.put("data", Base64.getEncoder().encodeToString(data));
        message.put("messageId", messageId);
        message.put("message_id", messageId);
        message.put("publishTime", publishTime.toString());
        message.put("publish_time", publishTime.toString());
        envelope.put("subscription", subscription);
        return envelope;
    }

    /** A decoded push: the message id, the subscription, and the data's bytes. */
    public record Decoded(String messageId, String subscription, byte[] data) {
        public String text() {
            return new String(data, StandardCharsets.UTF_8);
        }
    }

    /** Decodes a push body; throws {@link IllegalArgumentException} with the reason when it is not an envelope. */
    public static Decoded decode(byte[] body) {
        JsonNode json = Json.parseOrNull(new String(body, StandardCharsets.UTF_8));
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("the body is not a JSON object");
        }
        JsonNode message = json.get("message");
        if (message == null || !message.isObject()) {
            throw new IllegalArgumentException("no \"message\" object: not a Pub/Sub push envelope (an unwrapped"
                + " subscription sends the bare notification)");
        }
        JsonNode data = message.get("data");
        if (data == null || !data.isTextual()) {
            throw new IllegalArgumentException("message.data is missing or not a string");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(data.asText().strip());
        } catch (IllegalArgumentException e) {
            try {
                bytes = Base64.getUrlDecoder().decode(data.asText().strip());
            } catch (IllegalArgumentException e2) {
                throw new IllegalArgumentException("message.data is not base64");
            }
        }
        String id = Json.text(message, "messageId");
        if (id == null) {
            id = Json.text(message, "message_id");
        }
        return new Decoded(id, Json.text(json, "subscription"), bytes);
    }
}
