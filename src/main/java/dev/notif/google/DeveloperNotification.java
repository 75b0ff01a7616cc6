package dev.notif.google;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notif.core.Json;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;

/**
 * Builds the JSON Google Play publishes to the topic (a DeveloperNotification): {@code version}, {@code packageName},
 * {@code eventTimeMillis} (a string, as Play sends it) and exactly one of {@code testNotification},
 * {@code subscriptionNotification}, {@code oneTimeProductNotification}, {@code voidedPurchaseNotification}.
 */
public final class DeveloperNotification {
    public static final String DEFAULT_PACKAGE = "com.example.app";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The kinds {@code --type} names, with the JSON field of each. */
    public enum Kind {
        TEST("test", "testNotification"),
        SUBSCRIPTION("subscription", "subscriptionNotification"),
        ONE_TIME("one-time", "oneTimeProductNotification"),
        VOIDED("voided", "voidedPurchaseNotification");

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
            throw dev.notif.core.NotifException.usage("--type must be test, subscription, one-time or voided, got '"
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
            default -> throw new IllegalStateException(o.kind().name());
        }
        return n;
    }

    /** The kind's code table for {@code --notification-type}, or null when the kind has none. */
    public static java.util.Map<Integer, String> codes(Kind kind) {
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
        return sb + ".AO-J1O" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(tail);
    }

    static String orderId() {
        return String.format(Locale.ROOT, "GPA.%04d-%04d-%04d-%05d", RANDOM.nextInt(10000), RANDOM.nextInt(10000),
            RANDOM.nextInt(10000), RANDOM.nextInt(100000));
    }
}
