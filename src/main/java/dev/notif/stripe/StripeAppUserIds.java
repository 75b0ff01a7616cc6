package dev.notif.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.core.Json;
import dev.notif.core.NotifException;
import dev.notif.output.Check;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code stripe.app_user_id}: with "track new purchases", the backend gives each purchase an App User ID by one of
 * three methods: anonymous, the Stripe customer id, or a metadata field of the Checkout Session or Subscription. Read
 * against a sample of recent Checkout Sessions and Subscriptions, this says how many would end on an anonymous id
 * against the chosen method: a guest checkout (no customer) in customer mode, the metadata key missing or empty in
 * metadata mode. A pure judgement of the objects the API listed.
 */
public final class StripeAppUserIds {
    public static final String ID = "stripe.app_user_id";
    static final int EXAMPLES = 5;

    /** anonymous, customer, or metadata with its key. */
    public record Method(String name, String key) {
        public static Method parse(String value) {
            if ("anonymous".equals(value) || "customer".equals(value)) {
                return new Method(value, null);
            }
            if (value != null && value.startsWith("metadata:") && !value.substring(9).isBlank()) {
                return new Method("metadata", value.substring(9));
            }
            throw NotifException.usage("--app-user-id " + value + " is not a method the backend offers",
                "use anonymous, customer or metadata:KEY (the metadata field holding the App User ID, e.g."
                    + " metadata:app_user_id), as set in the backend's Stripe app settings");
        }

        @Override
        public String toString() {
            return key == null ? name : name + ":" + key;
        }
    }

    private StripeAppUserIds() {
    }

    /**
     * @param sessions recent Checkout Sessions (completed ones count), newest first
     * @param subscriptions recent Subscriptions, newest first
     */
    public static Check judge(Method method, List<JsonNode> sessions, List<JsonNode> subscriptions, boolean track) {
        Map<String, JsonNode> subs = new LinkedHashMap<>();
        subscriptions.forEach(s -> subs.put(Json.text(s, "id"), s));
        List<JsonNode> completed = sessions.stream().filter(s -> !"open".equals(Json.text(s, "status"))
            && !"expired".equals(Json.text(s, "status"))).toList();
        Set<String> fromSessions = new TreeSet<>();
        completed.forEach(s -> {
            if (Json.text(s, "subscription") != null) {
                fromSessions.add(Json.text(s, "subscription"));
            }
        });
        List<String> anonymous = new ArrayList<>();
        Set<String> keysSeen = new TreeSet<>();
        int purchases = 0;
        for (JsonNode s : completed) {
            purchases++;
            JsonNode sub = subs.get(Json.text(s, "subscription"));
            keys(s, keysSeen);
            keys(sub, keysSeen);
            if (anonymousAgainstIntent(method, s, sub)) {
                anonymous.add(Json.text(s, "id"));
            }
        }
        for (JsonNode sub : subscriptions) {
            if (fromSessions.contains(Json.text(sub, "id"))) {
                continue; // judged with its Checkout Session
            }
            purchases++;
            keys(sub, keysSeen);
            if (anonymousAgainstIntent(method, null, sub)) {
                anonymous.add(Json.text(sub, "id"));
            }
        }
        String sample = purchases + " recent purchase" + (purchases == 1 ? "" : "s") + " (" + completed.size()
            + " completed Checkout Sessions, " + subscriptions.size() + " Subscriptions)";
        String trackNote = track ? "" : " (the App User ID method matters only when the backend tracks new purchases"
            + " from server-to-server notifications: --track-new-purchases)";
        Check check;
        if (purchases == 0) {
            check = Check.skip(ID, "no recent completed Checkout Session or Subscription to look at: nothing tells"
                + " which App User ID purchases will get");
        } else if ("anonymous".equals(method.name())) {
            check = Check.pass(ID, "every one of " + sample + " gets an anonymous App User ID, as chosen" + trackNote);
        } else if (anonymous.isEmpty()) {
            check = Check.pass(ID, "each of " + sample + " carries " + (method.key() == null ? "a Stripe customer"
                : "metadata." + method.key()) + ", so none would get an anonymous App User ID" + trackNote);
        } else {
            String why = "customer".equals(method.name())
                ? "guest checkouts with no Stripe customer, so the backend cannot use the customer id"
                : "no non-empty metadata." + method.key() + " on the Checkout Session or its Subscription";
            String fix = "customer".equals(method.name())
                ? "create every Checkout Session with a customer (pass customer=cus_..., or customer_creation=always in"
                    + " payment mode), or switch the backend to the metadata method"
                : "set metadata[" + method.key() + "] to the App User ID when creating the Checkout Session (and"
                    + " subscription_data[metadata][" + method.key() + "] for subscriptions)"
                    + (keysSeen.isEmpty() ? "" : "; metadata keys seen: " + String.join(", ", keysSeen));
            check = Check.fail(ID, anonymous.size() + " of " + sample + " would end on an anonymous App User ID"
                + " against the chosen method (" + method + "): " + why + trackNote, fix);
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("method", method.toString());
        d.put("purchases", purchases);
        d.put("anonymous", anonymous.size());
        d.put("examples", anonymous.stream().limit(EXAMPLES).toList());
        d.put("metadata_keys_seen", List.copyOf(keysSeen));
        return check.details(d);
    }

    static boolean anonymousAgainstIntent(Method method, JsonNode session, JsonNode subscription) {
        switch (method.name()) {
            case "customer":
                return session != null ? Json.text(session, "customer") == null
                    : Json.text(subscription, "customer") == null;
            case "metadata":
                return blank(metadata(session, method.key())) && blank(metadata(subscription, method.key()));
            default:
                return false;
        }
    }

    private static String metadata(JsonNode object, String key) {
        return object == null ? null : Json.text(object.path("metadata"), key);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static void keys(JsonNode object, Set<String> seen) {
        if (object != null) {
            object.path("metadata").fieldNames().forEachRemaining(seen::add);
        }
    }
}
