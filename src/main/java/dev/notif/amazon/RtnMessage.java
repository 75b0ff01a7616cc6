package dev.notif.amazon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notif.core.Json;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The Real-time Notification that travels in an SNS Notification's {@code Message} (a JSON string):
 * {@code appPackageName, notificationType, appUserId, receiptId, relatedReceipts, timestamp (ms),
 * betaProductTransaction}, in the order Amazon's examples show.
 */
public record RtnMessage(String appPackageName, String notificationType, String appUserId, String receiptId,
                         JsonNode relatedReceipts, Long timestamp, Boolean betaProductTransaction) {
    public static final String DEFAULT_PACKAGE = "com.example.app";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A notification of {@code type} about a purchase; null ids are generated in Amazon's shapes. */
    public static RtnMessage of(String type, String packageName, String appUserId, String receiptId, boolean beta,
                                Instant at) {
        RtnTypes.Type t = RtnTypes.get(type);
        if (t == null) {
            throw new IllegalArgumentException("unknown RTN type " + type);
        }
        String receipt = receiptId != null ? receiptId : receiptId(t.kind());
        ObjectNode related = Json.object();
        if ("SUBSCRIPTION_MODIFIED_IMMEDIATE".equals(type)) {
            related.put("cancelledReceiptId", receiptId(t.kind()));
        }
        return new RtnMessage(packageName == null ? DEFAULT_PACKAGE : packageName, type,
            appUserId != null ? appUserId : randomId(), receipt, related, at.toEpochMilli(), beta);
    }

    /** A receipt id as Amazon shapes them: 32 random bytes in URL-safe base64, then {@code :<kind>:11}. */
    static String receiptId(RtnTypes.Kind kind) {
        return randomId() + ":" + (kind.ordinal() + 1) + ":11";
    }

    private static String randomId() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().encodeToString(bytes);
    }

    /** The compact JSON that becomes the SNS Message, fields in Amazon's order. */
    public String toJson() {
        ObjectNode node = Json.object();
        node.put("appPackageName", appPackageName);
        node.put("notificationType", notificationType);
        node.put("appUserId", appUserId);
        node.put("receiptId", receiptId);
        node.set("relatedReceipts", relatedReceipts == null ? Json.object() : relatedReceipts);
        node.put("timestamp", timestamp);
        node.put("betaProductTransaction", betaProductTransaction);
        return Json.compact(node);
    }

    /** The mapper's reader that takes a trailing comma: made once (immutable, shared by threads), when first used. */
    private static final class Lenient {
        static final ObjectReader READER = Json.mapper().reader().with(JsonReadFeature.ALLOW_TRAILING_COMMA);
    }

    /** Amazon's own RTN examples carry a trailing comma; a backend that chokes on it would lose the notification. */
    private static JsonNode lenient(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Lenient.READER.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** A parsed Message, or the problems that make it something other than an RTN. */
    public record Parsed(RtnMessage message, List<String> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** Reads an SNS Message as an RTN: JSON object with a notificationType, a receiptId and an appPackageName. */
    public static Parsed parse(String message) {
        JsonNode json = lenient(message);
        if (json == null || !json.isObject()) {
            return new Parsed(null, List.of("the Message is not a JSON object"));
        }
        List<String> problems = new ArrayList<>();
        for (String field : List.of("notificationType", "receiptId", "appPackageName")) {
            JsonNode v = json.get(field);
            if (v == null || !v.isTextual() || v.asText().isBlank()) {
                problems.add("the Message has no " + field);
            }
        }
        JsonNode ts = json.get("timestamp");
        JsonNode beta = json.get("betaProductTransaction");
        RtnMessage m = new RtnMessage(Json.text(json, "appPackageName"), Json.text(json, "notificationType"),
            Json.text(json, "appUserId"), Json.text(json, "receiptId"), json.get("relatedReceipts"),
            ts != null && ts.canConvertToLong() ? ts.asLong() : null,
            beta != null && beta.isBoolean() ? beta.asBoolean() : null);
        return new Parsed(m, problems);
    }
}
