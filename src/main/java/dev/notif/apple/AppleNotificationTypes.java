package dev.notif.apple;

import dev.notif.core.NotifException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The App Store Server Notifications types notif can send, with their subtypes (the first is the default), for V2
 * ({@code notificationType}/{@code subtype}) and V1 ({@code notification_type}).
 */
public final class AppleNotificationTypes {
    public static final String DEFAULT_V2 = "TEST";
    public static final String DEFAULT_V1 = "DID_RENEW";

    /** V2 type to its subtypes; an empty string is "no subtype". The first entry is the default. */
    static final Map<String, List<String>> V2 = new LinkedHashMap<>();

    static {
        V2.put("TEST", List.of(""));
        V2.put("SUBSCRIBED", List.of("INITIAL_BUY", "RESUBSCRIBE"));
        V2.put("DID_RENEW", List.of("", "BILLING_RECOVERY"));
        V2.put("DID_CHANGE_RENEWAL_STATUS", List.of("AUTO_RENEW_DISABLED", "AUTO_RENEW_ENABLED"));
        V2.put("DID_CHANGE_RENEWAL_PREF", List.of("DOWNGRADE", "UPGRADE", ""));
        V2.put("DID_FAIL_TO_RENEW", List.of("", "GRACE_PERIOD"));
        V2.put("GRACE_PERIOD_EXPIRED", List.of(""));
        V2.put("EXPIRED", List.of("VOLUNTARY", "BILLING_RETRY", "PRICE_INCREASE", "PRODUCT_NOT_FOR_SALE"));
        V2.put("OFFER_REDEEMED", List.of("", "INITIAL_BUY", "RESUBSCRIBE", "UPGRADE", "DOWNGRADE"));
        V2.put("PRICE_INCREASE", List.of("PENDING", "ACCEPTED"));
        V2.put("REFUND", List.of(""));
        V2.put("REFUND_DECLINED", List.of(""));
        V2.put("REFUND_REVERSED", List.of(""));
        V2.put("REVOKE", List.of(""));
        V2.put("RENEWAL_EXTENDED", List.of(""));
        V2.put("CONSUMPTION_REQUEST", List.of(""));
        V2.put("ONE_TIME_CHARGE", List.of(""));
        V2.put("RESCIND_CONSENT", List.of("")); // appData in place of data
        V2.put("METADATA_UPDATE", List.of("")); // Advanced Commerce API subscriptions
        V2.put("MIGRATION", List.of(""));
        V2.put("PRICE_CHANGE", List.of(""));
        V2.put("RENEWAL_EXTENSION", List.of("SUMMARY", "FAILURE")); // summary in place of data
        V2.put("EXTERNAL_PURCHASE_TOKEN", List.of("UNREPORTED")); // externalPurchaseToken in place of data
    }

    private static final java.util.regex.Pattern TYPE_WORD = java.util.regex.Pattern.compile("[A-Z][A-Z0-9_]*");

    /** V1 types (statusUpdateNotification), deprecated by Apple but still delivered to V1 URLs. */
    static final List<String> V1 = List.of("INITIAL_BUY", "DID_RENEW", "INTERACTIVE_RENEWAL", "DID_CHANGE_RENEWAL_PREF",
        "DID_CHANGE_RENEWAL_STATUS", "DID_FAIL_TO_RENEW", "DID_RECOVER", "CANCEL", "REFUND", "REVOKE",
        "PRICE_INCREASE_CONSENT", "CONSUMPTION_REQUEST");

    private AppleNotificationTypes() {
    }

    /**
     * A V2 type and subtype (null when it has none). {@code known} is false for a type Apple may add after this
     * release: it is sent as a subscription notification, so a receiver's handling of new types can be tried.
     */
    public record V2Type(String type, String subtype, boolean known) {
        public V2Type(String type, String subtype) {
            this(type, subtype, true);
        }
    }

    /** Every type notif can send: the V2 ones, then the V1 ones V2 does not have (for completion). */
    public static List<String> all() {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(V2.keySet());
        all.addAll(V1);
        return List.copyOf(all);
    }

    /** Every V2 subtype (for completion). */
    public static List<String> subtypes() {
        return V2.values().stream().flatMap(List::stream).filter(s -> !s.isEmpty()).distinct().toList();
    }

    /** Whether notif knows this V2 type (a receiver must accept the others too: Apple adds types). */
    public static boolean knownV2(String type) {
        return type != null && V2.containsKey(type);
    }

    public static V2Type v2(String type, String subtype) {
        String t = type == null ? DEFAULT_V2 : type.strip().toUpperCase(Locale.ROOT);
        List<String> subtypes = V2.get(t);
        if (subtypes == null) {
            if (!TYPE_WORD.matcher(t).matches()) {
                throw NotifException.usage("'" + type + "' is not an App Store Server Notifications V2 type",
                    "one of " + String.join(", ", V2.keySet()) + " (or a newer one in Apple's spelling, like"
                        + " NEW_TYPE)");
            }
            return new V2Type(t, subtype == null || subtype.isBlank() ? null
                : subtype.strip().toUpperCase(Locale.ROOT), false);
        }
        if (subtype == null) {
            String first = subtypes.get(0);
            return new V2Type(t, first.isEmpty() ? null : first);
        }
        String s = subtype.strip().toUpperCase(Locale.ROOT);
        if (!subtypes.contains(s)) {
            List<String> named = subtypes.stream().filter(x -> !x.isEmpty()).toList();
            throw NotifException.usage(t + " has no subtype '" + subtype + "'",
                named.isEmpty() ? t + " has no subtype: drop --subtype" : "one of " + String.join(", ", named));
        }
        return new V2Type(t, s.isEmpty() ? null : s);
    }

    public static String v1(String type) {
        String t = type == null ? DEFAULT_V1 : type.strip().toUpperCase(Locale.ROOT);
        if (!V1.contains(t)) {
            String hint = "V1 types: " + String.join(", ", V1);
            if (t.equals("SUBSCRIBED")) {
                hint = "V1 calls it INITIAL_BUY; " + hint;
            } else if (t.equals("TEST")) {
                hint = "V1 has no TEST notification (request one with notif check apple); " + hint;
            }
            throw NotifException.usage("'" + type + "' is not an App Store Server Notifications V1 type", hint);
        }
        return t;
    }
}
