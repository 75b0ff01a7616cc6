package dev.notif.amazon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.core.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Amazon SNS message as SNS POSTs it to an HTTP(S) subscriber: a JSON body (sent as
 * {@code text/plain; charset=UTF-8}) with these fields, all strings. {@code Token} and {@code SubscribeURL} belong to
 * confirmations, {@code Subject} (optional) and {@code UnsubscribeURL} to notifications. Null means absent.
 */
public record SnsMessage(String type, String messageId, String token, String topicArn, String subject, String message,
                         String subscribeUrl, String timestamp, String signatureVersion, String signature,
                         String signingCertUrl, String unsubscribeUrl) {
    public static final String NOTIFICATION = "Notification";
    public static final String SUBSCRIPTION_CONFIRMATION = "SubscriptionConfirmation";
    public static final String UNSUBSCRIBE_CONFIRMATION = "UnsubscribeConfirmation";
    public static final List<String> TYPES = List.of(NOTIFICATION, SUBSCRIPTION_CONFIRMATION, UNSUBSCRIBE_CONFIRMATION);
    public static final String CONTENT_TYPE = "text/plain; charset=UTF-8";
    public static final String USER_AGENT = "Amazon Simple Notification Service Agent";

    /** A body that is not an SNS message at all (not JSON, not an object, a field that is not a string). */
    public static final class Malformed extends Exception {
        public Malformed(String message) {
            super(message);
        }
    }

    public boolean isNotification() {
        return NOTIFICATION.equals(type);
    }

    public boolean isConfirmation() {
        return SUBSCRIPTION_CONFIRMATION.equals(type);
    }

    /**
     * The fields of the string to sign, in AWS's fixed order: for a Notification {@code Message, MessageId, Subject}
     * (only when present){@code , Timestamp, TopicArn, Type}; for the two confirmations {@code Message, MessageId,
     * SubscribeURL, Timestamp, Token, TopicArn, Type}. Empty for an unknown type.
     */
    public List<String> signedFields() {
        if (NOTIFICATION.equals(type)) {
            List<String> fields = new ArrayList<>(List.of("Message", "MessageId"));
            if (subject != null) {
                fields.add("Subject");
            }
            fields.addAll(List.of("Timestamp", "TopicArn", "Type"));
            return fields;
        }
        if (SUBSCRIPTION_CONFIRMATION.equals(type) || UNSUBSCRIBE_CONFIRMATION.equals(type)) {
            return List.of("Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type");
        }
        return List.of();
    }

    /** The fields a message of this type must carry to be verified. */
    public List<String> missingFields() {
        List<String> required = new ArrayList<>(signedFields());
        required.remove("Subject");
        required.addAll(List.of("SignatureVersion", "Signature", "SigningCertURL"));
        List<String> missing = new ArrayList<>();
        for (String field : required) {
            if (field(field) == null) {
                missing.add(field);
            }
        }
        return missing;
    }

    /** {@code "Name\nvalue\n"} for each signed field in order: what SNS signs. Absent fields are left out. */
    public String stringToSign() {
        StringBuilder sb = new StringBuilder();
        for (String name : signedFields()) {
            String value = field(name);
            if (value != null) {
                sb.append(name).append('\n').append(value).append('\n');
            }
        }
        return sb.toString();
    }

    /** A field by its SNS name. */
    public String field(String name) {
        return switch (name) {
            case "Type" -> type;
            case "MessageId" -> messageId;
            case "Token" -> token;
            case "TopicArn" -> topicArn;
            case "Subject" -> subject;
            case "Message" -> message;
            case "SubscribeURL" -> subscribeUrl;
            case "Timestamp" -> timestamp;
            case "SignatureVersion" -> signatureVersion;
            case "Signature" -> signature;
            case "SigningCertURL" -> signingCertUrl;
            case "UnsubscribeURL" -> unsubscribeUrl;
            default -> null;
        };
    }

    /** The fields in the order SNS writes them, absent ones left out. */
    public Map<String, String> fields() {
        Map<String, String> f = new LinkedHashMap<>();
        for (String name : List.of("Type", "MessageId", "Token", "TopicArn", "Subject", "Message", "SubscribeURL",
            "Timestamp", "SignatureVersion", "Signature", "SigningCertURL", "UnsubscribeURL")) {
            if (field(name) != null) {
                f.put(name, field(name));
            }
        }
        return f;
    }

    /** The body as SNS lays it out: {@code {\n  "Type" : "Notification",\n  ...\n}}. */
    public String body() {
        StringBuilder sb = new StringBuilder("{\n");
        var entries = new ArrayList<>(fields().entrySet());
        for (int i = 0; i < entries.size(); i++) {
            sb.append("  ").append(Json.quote(entries.get(i).getKey())).append(" : ")
                .append(Json.quote(entries.get(i).getValue()));
            sb.append(i < entries.size() - 1 ? ",\n" : "\n");
        }
        return sb.append('}').toString();
    }

    public byte[] bodyBytes() {
        return body().getBytes(StandardCharsets.UTF_8);
    }

    /** The {@code x-amz-sns-*} headers and User-Agent SNS sends with this message (Content-Type is the body's). */
    public Map<String, String> headers(String subscriptionArn) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("x-amz-sns-message-type", type);
        h.put("x-amz-sns-message-id", messageId);
        h.put("x-amz-sns-topic-arn", topicArn);
        if (subscriptionArn != null && !isConfirmation()) {
            h.put("x-amz-sns-subscription-arn", subscriptionArn);
        }
        h.put("User-Agent", USER_AGENT);
        return h;
    }

    public SnsMessage withSignature(String version, String sig, String certUrl) {
        return new SnsMessage(type, messageId, token, topicArn, subject, message, subscribeUrl, timestamp, version, sig,
            certUrl, unsubscribeUrl);
    }

    /** Reads a captured body. Fields are taken as they are: the string to sign uses the values exactly as sent. */
    public static SnsMessage parse(String body) throws Malformed {
        JsonNode json;
        try {
            json = body == null || body.isBlank() ? null : Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw new Malformed("the body is not JSON (" + e.getOriginalMessage() + ")");
        }
        if (json == null || !json.isObject()) {
            throw new Malformed("the body is not a JSON object");
        }
        for (String name : List.of("Type", "MessageId", "Token", "TopicArn", "Subject", "Message", "SubscribeURL",
            "Timestamp", "SignatureVersion", "Signature", "SigningCertURL", "UnsubscribeURL")) {
            JsonNode v = json.get(name);
            if (v != null && !v.isNull() && !v.isTextual()) {
                throw new Malformed(name + " is not a string (SNS sends every field as a string)");
            }
        }
        return new SnsMessage(Json.text(json, "Type"), Json.text(json, "MessageId"), Json.text(json, "Token"),
            Json.text(json, "TopicArn"), Json.text(json, "Subject"), Json.text(json, "Message"),
            Json.text(json, "SubscribeURL"), Json.text(json, "Timestamp"), Json.text(json, "SignatureVersion"),
            Json.text(json, "Signature"), Json.text(json, "SigningCertURL"), Json.text(json, "UnsubscribeURL"));
    }

}
