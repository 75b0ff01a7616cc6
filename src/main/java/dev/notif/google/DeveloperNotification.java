package dev.notif.google;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notif.core.Json;
import dev.notif.core.NotifException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the JSON Google Play publishes to the topic (a DeveloperNotification): {@code version}, {@code packageName},
 * {@code eventTimeMillis} (a string, as Play sends it) and exactly one of {@code testNotification},
 * {@code subscriptionNotification}, {@code oneTimeProductNotification}, {@code voidedPurchaseNotification},
 * {@code pendingRefundReviewNotification} (pendingRefundToken, orderId, refundReason); and
 * reads one back ({@link #parse}) for the receiver.
 */
public final class DeveloperNotification {
    public static final String DEFAULT_PACKAGE = "com.example.app";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The kinds {@code --type} names, with the JSON field of each. */
    public enum Kind {
        TEST("test", "testNotification"),
        SUBSCRIPTION("subscription", "subscriptionNotification"),
        ONE_TIME("one-time", "oneTimeProductNotification"),
        VOIDED("voided", "voidedPurchaseNotification"),
        /** A refund the user asked for that Play holds for the developer's review (the collaborative review). */
        REFUND_REVIEW("refund-review", "pendingRefundReviewNotification");

        public final String word;
        public final String field;

        Kind(String word, String field) {
            this.word = word;
            this.field = field;
        }

        public static Kind of(String word) {
            for (Kind k : values()) {
                if (k.word.equalsIgnoreCase(word) || k.name().equalsIgnoreCase(word)) {
                    return k;
                }
            }
            throw NotifException.usage("--type must be test, subscription, one-time, voided or refund-review, got '"
                + word + "'", "for example --type subscription");
        }
    }

    /**
     * What to put in it; null fields get realistic defaults ({@code code}: PURCHASED; a generated purchase token;
     * product {@code monthly}; a GPA order id; a full refund of a subscription).
     */
    public record Options(Kind kind, String packageName, RtdnCodes.Code code, String purchaseToken, String product,
                          String orderId, RtdnCodes.Code productType, RtdnCodes.Code refundType, Instant eventTime) {
    }

    private DeveloperNotification() {
    }

    public static ObjectNode build(Options o) {
        ObjectNode n = Json.object();
        n.put("version", "1.0");
        n.put("packageName", o.packageName() == null ? DEFAULT_PACKAGE : o.packageName());
        n.put("eventTimeMillis", String.valueOf(o.eventTime().toEpochMilli()));
        ObjectNode body = n.putObject(o.kind().field);
        String token = o.purchaseToken() == null ? purchaseToken() : o.purchaseToken();
        switch (o.kind()) {
            case TEST -> body.put("version", "1.0");
            case SUBSCRIPTION -> {
                body.put("version", "1.0");
                body.put("notificationType", o.code() == null ? 4 : o.code().value());
                body.put("purchaseToken", token);
                body.put("subscriptionId", o.product() == null ? "monthly" : o.product());
            }
            case ONE_TIME -> {
                body.put("version", "1.0");
                body.put("notificationType", o.code() == null ? 1 : o.code().value());
                body.put("purchaseToken", token);
                body.put("sku", o.product() == null ? "coins_100" : o.product());
            }
            case VOIDED -> {
                body.put("purchaseToken", token);
                body.put("orderId", o.orderId() == null ? orderId() : o.orderId());
                body.put("productType", o.productType() == null ? 1 : o.productType().value());
                body.put("refundType", o.refundType() == null ? 1 : o.refundType().value());
            }
            case REFUND_REVIEW -> {
                body.put("version", "1.0");
                body.put("pendingRefundToken", o.purchaseToken() == null ? purchaseToken() : o.purchaseToken());
                body.put("orderId", o.orderId() == null ? orderId() : o.orderId());
                body.put("refundReason", 1);
            }
            default -> throw new IllegalStateException(o.kind().name());
        }
        return n;
    }

    /**
     * A notification as the receiver reads it: its kind (the JSON field, e.g. {@code subscriptionNotification}; a
     * kind Google added later is kept as it is), package, event time and code with its name (null when undocumented).
     */
    public record Parsed(String kind, String packageName, Instant eventTime, Integer code, String codeName) {
        /** For the event log: {@code test}, {@code subscription:SUBSCRIPTION_RENEWED}, {@code subscription:99}. */
        public String type() {
            String word = kind;
            for (Kind k : Kind.values()) {
                if (k.field.equals(kind)) {
                    word = k.word;
                }
            }
            return code == null ? word : word + ":" + (codeName != null ? codeName : String.valueOf(code));
        }
    }

    /** Validates a DeveloperNotification; throws {@link IllegalArgumentException} saying what is wrong. */
    public static Parsed parse(JsonNode n) {
        JsonNode pkg = n.get("packageName");
        if (pkg == null || !pkg.isTextual() || pkg.asText().isBlank()) {
            throw new IllegalArgumentException("packageName is missing or not a string");
        }
        Instant eventTime = eventTime(n.get("eventTimeMillis"));
        String kind = null;
        for (var it = n.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (field.endsWith("Notification") && n.get(field).isObject()) {
                if (kind != null) {
                    throw new IllegalArgumentException("both " + kind + " and " + field + " are present; they exclude"
                        + " each other");
                }
                kind = field;
            }
        }
        if (kind == null) {
            throw new IllegalArgumentException("no notification in it (subscriptionNotification,"
                + " oneTimeProductNotification, voidedPurchaseNotification, testNotification...)");
        }
        JsonNode body = n.get(kind);
        if (!Kind.TEST.field.equals(kind) && isKnown(kind)) {
            String tokenField = Kind.REFUND_REVIEW.field.equals(kind) ? "pendingRefundToken" : "purchaseToken";
            JsonNode token = body.get(tokenField);
            if (token == null || !token.isTextual() || token.asText().isBlank()) {
                throw new IllegalArgumentException(kind + "." + tokenField + " is missing");
            }
        }
        Integer code = null;
        String codeName = null;
        JsonNode type = body.get("notificationType");
        if (type != null && !type.isNull()) {
            if (!type.canConvertToInt() || !(type.isIntegralNumber() || type.isTextual() && type.asText().matches("\\d+"))) {
                throw new IllegalArgumentException(kind + ".notificationType is not an integer");
            }
            code = type.asInt();
            for (Kind k : Kind.values()) {
                if (k.field.equals(kind) && codes(k) != null) {
                    codeName = codes(k).get(code);
                }
            }
        }
        return new Parsed(kind, pkg.asText(), eventTime, code, codeName);
    }

    private static boolean isKnown(String field) {
        for (Kind k : Kind.values()) {
            if (k.field.equals(field)) {
                return true;
            }
        }
        return false;
    }

    /** {@code eventTimeMillis}: Play sends a string of digits; a JSON number is accepted too. */
    private static Instant eventTime(JsonNode v) {
        if (v != null && v.isIntegralNumber()) {
            return Instant.ofEpochMilli(v.asLong());
        }
        if (v != null && v.isTextual() && v.asText().strip().matches("\\d{1,15}")) {
            return Instant.ofEpochMilli(Long.parseLong(v.asText().strip()));
        }
        throw new IllegalArgumentException("eventTimeMillis is missing or not milliseconds since the epoch");
    }

    /** The kind's code table for {@code --notification-type}, or null when the kind has none. */
    public static Map<Integer, String> codes(Kind kind) {
        return switch (kind) {
            case SUBSCRIPTION -> RtdnCodes.SUBSCRIPTION;
            case ONE_TIME -> RtdnCodes.ONE_TIME;
            default -> null;
        };
    }

    /** A purchase token shaped like Play's: 24 letters, a dot, then a long base64url tail. */
    static String purchaseToken() {
        StringBuilder sb = new StringBuilder();
        String letters = "abcdefghijklmnopqrstuvwxyz";
        for (int i = 0; i < 24; i++) {
            sb.append(letters.charAt(RANDOM.nextInt(letters.length())));
        }
        byte[] tail = new byte[96];
        RANDOM.nextBytes(tail);
        return sb + ".AO-J1O" + Base64.getUrlEncoder().withoutPadding().encodeToString(tail);
    }

    static String orderId() {
        return String.format(Locale.ROOT, "GPA.%04d-%04d-%04d-%05d", RANDOM.nextInt(10000), RANDOM.nextInt(10000),
            RANDOM.nextInt(10000), RANDOM.nextInt(100000));
    }
}
