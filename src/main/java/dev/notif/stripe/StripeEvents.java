package dev.notif.stripe;

import com.stripe.param.WebhookEndpointCreateParams;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Which Stripe events the ingestion service accepts, and which event types exist at all. */
public final class StripeEvents {
    /** Accepted on every endpoint. */
    public static final List<String> CORE = List.of(
        "customer.subscription.updated",
        "customer.subscription.deleted",
        "charge.refunded",
        "invoice.updated");

    /** Accepted only when "track new purchases from server-to-server notifications" is on. */
    public static final List<String> NEW_PURCHASES = List.of(
        "customer.subscription.created",
        "checkout.session.completed");

    public static final String DEFAULT_TYPE = "customer.subscription.updated";

    /** The event set of RevenueCat's older Stripe instructions: one event, where the backend now needs four. */
    public static final List<String> OLDER_SET = List.of("customer.subscription.updated");
    public static final String OLDER_WORDS = "the event set of RevenueCat's older setup instructions (only"
        + " customer.subscription.updated)";

    private static Set<String> known;

    private StripeEvents() {
    }

    public static List<String> allowed(boolean trackNewPurchases) {
        List<String> all = new ArrayList<>(CORE);
        if (trackNewPurchases) {
            all.addAll(NEW_PURCHASES);
        }
        return List.copyOf(all);
    }

    /** An endpoint's events are exactly the older instructions' set. */
    public static boolean isOlderSet(java.util.Collection<String> enabled) {
        return enabled.size() == OLDER_SET.size() && enabled.containsAll(OLDER_SET);
    }

    public static boolean isAllowed(String type, boolean trackNewPurchases) {
        return CORE.contains(type) || trackNewPurchases && NEW_PURCHASES.contains(type);
    }

    /** Every event type Stripe's API accepts for a webhook endpoint (from stripe-java's own list), without "*". */
    public static synchronized Set<String> known() {
        if (known == null) {
            Set<String> types = new TreeSet<>();
            for (WebhookEndpointCreateParams.EnabledEvent e : WebhookEndpointCreateParams.EnabledEvent.values()) {
                if (!"*".equals(e.getValue())) {
                    types.add(e.getValue());
                }
            }
            known = types;
        }
        return known;
    }

    public static boolean isKnown(String type) {
        return known().contains(type);
    }
}
