package dev.notif.amazon;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The notification types of Amazon Appstore Real-time Notifications (the RTN {@code notificationType}), each with
 * what it means. The product kind decides the receipt id's shape ({@code <id>=:1:11} consumable, {@code :2:11}
 * entitlement, {@code :3:11} subscription).
 */
public final class RtnTypes {
    public static final String DEFAULT_TYPE = "SUBSCRIPTION_PURCHASED";

    /** What the customer bought: decides the receipt id's shape and which fields the notification carries. */
    public enum Kind { CONSUMABLE, ENTITLEMENT, SUBSCRIPTION }

    public record Type(String name, Kind kind, String meaning) {
    }

    private static final Map<String, Type> TYPES = new LinkedHashMap<>();

    static {
        add("CONSUMABLE_PURCHASED", Kind.CONSUMABLE, "a consumable was purchased");
        add("CONSUMABLE_CANCELLED", Kind.CONSUMABLE, "a consumable purchase was cancelled (refunded)");
        add("ENTITLEMENT_PURCHASED", Kind.ENTITLEMENT, "an entitlement was purchased");
        add("ENTITLEMENT_CANCELLED", Kind.ENTITLEMENT, "an entitlement purchase was cancelled (refunded)");
        add("SUBSCRIPTION_PURCHASED", Kind.SUBSCRIPTION, "a subscription was purchased");
        add("SUBSCRIPTION_RENEWED", Kind.SUBSCRIPTION, "an active subscription renewed");
        add("SUBSCRIPTION_CONVERTED_FREE_TRIAL_TO_PAID", Kind.SUBSCRIPTION, "a free trial converted to a paid subscription");
        add("SUBSCRIPTION_CANCELLED", Kind.SUBSCRIPTION, "a subscription was cancelled (refunded or revoked)");
        add("SUBSCRIPTION_EXPIRED", Kind.SUBSCRIPTION, "a subscription expired");
        add("SUBSCRIPTION_AUTO_RENEWAL_ON", Kind.SUBSCRIPTION, "auto-renewal was turned on");
        add("SUBSCRIPTION_AUTO_RENEWAL_OFF", Kind.SUBSCRIPTION, "auto-renewal was turned off");
        add("SUBSCRIPTION_SCHEDULED_TO_END", Kind.SUBSCRIPTION, "a subscription whose auto-renewal is off is about to end");
        add("SUBSCRIPTION_IN_GRACE_PERIOD", Kind.SUBSCRIPTION, "a renewal payment failed; the subscription is in its grace period");
        add("SUBSCRIPTION_OUT_OF_GRACE_PERIOD", Kind.SUBSCRIPTION, "the grace period ended without payment");
        add("SUBSCRIPTION_MODIFIED_IMMEDIATE", Kind.SUBSCRIPTION,
            "the plan changed at once; relatedReceipts.cancelledReceiptId names the cancelled receipt");
        add("SUBSCRIPTION_MODIFIED_DEFERRED", Kind.SUBSCRIPTION, "the plan changes at the next renewal");
    }

    private RtnTypes() {
    }

    private static void add(String name, Kind kind, String meaning) {
        TYPES.put(name, new Type(name, kind, meaning));
    }

    public static boolean isKnown(String name) {
        return TYPES.containsKey(name);
    }

    /** The type, or null when Amazon does not send it. */
    public static Type get(String name) {
        return TYPES.get(name);
    }

    public static List<String> names() {
        return List.copyOf(TYPES.keySet());
    }
}
