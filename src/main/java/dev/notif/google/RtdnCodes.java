package dev.notif.google;

import dev.notif.core.NotifException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The documented codes of Real-time developer notifications (Play's RTDN reference), by number and by name. */
public final class RtdnCodes {
    public static final Map<Integer, String> SUBSCRIPTION = table(
        1, "SUBSCRIPTION_RECOVERED", 2, "SUBSCRIPTION_RENEWED", 3, "SUBSCRIPTION_CANCELED",
        4, "SUBSCRIPTION_PURCHASED", 5, "SUBSCRIPTION_ON_HOLD", 6, "SUBSCRIPTION_IN_GRACE_PERIOD",
        7, "SUBSCRIPTION_RESTARTED", 8, "SUBSCRIPTION_PRICE_CHANGE_CONFIRMED", 9, "SUBSCRIPTION_DEFERRED",
        10, "SUBSCRIPTION_PAUSED", 11, "SUBSCRIPTION_PAUSE_SCHEDULE_CHANGED", 12, "SUBSCRIPTION_REVOKED",
        13, "SUBSCRIPTION_EXPIRED", 17, "SUBSCRIPTION_ITEMS_CHANGED", 18, "SUBSCRIPTION_CANCELLATION_SCHEDULED",
        19, "SUBSCRIPTION_PRICE_CHANGE_UPDATED", 20, "SUBSCRIPTION_PENDING_PURCHASE_CANCELED",
        22, "SUBSCRIPTION_PRICE_STEP_UP_CONSENT_UPDATED");
    public static final Map<Integer, String> ONE_TIME = table(
        1, "ONE_TIME_PRODUCT_PURCHASED", 2, "ONE_TIME_PRODUCT_CANCELED");
    public static final Map<Integer, String> REFUND_TYPE = table(
        1, "REFUND_TYPE_FULL_REFUND", 2, "REFUND_TYPE_QUANTITY_BASED_PARTIAL_REFUND");
    public static final Map<Integer, String> PRODUCT_TYPE = table(
        1, "PRODUCT_TYPE_SUBSCRIPTION", 2, "PRODUCT_TYPE_ONE_TIME");

    private RtdnCodes() {
    }

    /** A code given as a number (any positive one: Google adds codes) or as a documented name. */
    public record Code(int value, String name) {
        public boolean documented() {
            return name != null;
        }
    }

    public static Code parse(String option, String value, Map<Integer, String> table) {
        String v = value.strip();
        if (v.matches("\\d{1,6}")) {
            int n = Integer.parseInt(v);
            if (n > 0) {
                return new Code(n, table.get(n));
            }
        }
        String upper = v.toUpperCase(Locale.ROOT).replace('-', '_');
        for (Map.Entry<Integer, String> e : table.entrySet()) {
            if (e.getValue().equals(upper) || e.getValue().endsWith("_" + upper)) {
                return new Code(e.getKey(), e.getValue());
            }
        }
        throw NotifException.usage(option + " '" + value + "' is not a documented code", "use a number or one of: "
            + String.join(", ", table.values()));
    }

    public static Code of(int value, Map<Integer, String> table) {
        return new Code(value, table.get(value));
    }

    private static Map<Integer, String> table(Object... pairs) {
        Map<Integer, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((Integer) pairs[i], (String) pairs[i + 1]);
        }
        return Collections.unmodifiableMap(m);
    }
}
