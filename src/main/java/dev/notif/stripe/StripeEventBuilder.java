package dev.notif.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notif.core.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Builds a Stripe {@code event} the way Stripe delivers it: the envelope of the Events API around a realistic
 * {@code data.object} taken from Stripe's published fixtures and made coherent (one customer, one subscription,
 * current timestamps, the status each event type implies).
 */
public final class StripeEventBuilder {
    public static final String API_VERSION = "2026-07-29.dahlia";
    private static final String ALPHANUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /** What the caller may choose; nulls get realistic generated values. */
    public record Options(String type, String customerId, String subscriptionId, boolean livemode, Instant now,
                          JsonNode dataObject) {
    }

    private StripeEventBuilder() {
    }

    /**
     * A Stripe-looking id: {@code prefix} followed by random letters and digits. Unique, not secret (no SecureRandom:
     * seeding one costs a short command 50 ms of CPU).
     */
    public static String id(String prefix, int length) {
        StringBuilder sb = new StringBuilder(prefix);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < length; i++) {
            sb.append(ALPHANUM.charAt(random.nextInt(ALPHANUM.length())));
        }
        return sb.toString();
    }

    public static ObjectNode build(Options o) {
        long now = o.now().getEpochSecond();
        String customer = o.customerId() != null ? o.customerId() : id("cus_", 14);
        String subscription = o.subscriptionId() != null ? o.subscriptionId() : id("sub_1", 24);
        ObjectNode previous = null;
        ObjectNode object;
        if (o.dataObject() != null) {
            object = o.dataObject().deepCopy();
        } else {
            Ids ids = new Ids(customer, subscription, o.livemode(), now);
            object = objectFor(o.type(), ids);
            previous = previousAttributes(o.type());
        }

        ObjectNode event = Json.object();
        event.put("id", id("evt_1", 24));
        event.put("object", "event");
        event.put("api_version", API_VERSION);
        event.put("created", now);
        ObjectNode data = event.putObject("data");
        data.set("object", idFirst(object));
        if (previous != null) {
            data.set("previous_attributes", previous);
        }
        event.put("livemode", o.livemode());
        event.put("pending_webhooks", 1);
        ObjectNode request = event.putObject("request");
        request.putNull("id");
        request.putNull("idempotency_key");
        event.put("type", o.type());
        return event;
    }

    private record Ids(String customer, String subscription, boolean livemode, long now) {
    }

    private static ObjectNode objectFor(String type, Ids ids) {
        if (type.startsWith("customer.subscription.")) {
            return subscription(type, ids);
        }
        if (type.startsWith("invoice.") || type.startsWith("invoice_payment.")) {
            return invoice(ids);
        }
        if (type.startsWith("charge.refund.") || type.startsWith("refund.")) {
            return refund(ids, id("ch_3", 24));
        }
        if (type.startsWith("charge.")) {
            return charge(type, ids);
        }
        if (type.startsWith("checkout.session.")) {
            return checkoutSession(type, ids);
        }
        if (type.startsWith("customer.") && type.split("\\.").length == 2) {
            ObjectNode customer = fixture("customer");
            customer.put("id", ids.customer());
            common(customer, ids, 30);
            return customer;
        }
        // Any other type: the plan object of Stripe's own event fixture, as realistic as notif can make it offline.
        ObjectNode plan = (ObjectNode) fixture("event").get("data").get("object");
        common(plan, ids, 60);
        return plan;
    }

    private static ObjectNode subscription(String type, Ids ids) {
        ObjectNode sub = fixture("subscription");
        sub.put("id", ids.subscription());
        sub.put("customer", ids.customer());
        common(sub, ids, 35);
        long start = ids.now() - Duration.ofDays(5).toSeconds();
        sub.put("start_date", ids.now() - Duration.ofDays(35).toSeconds());
        sub.put("billing_cycle_anchor", start);
        sub.put("latest_invoice", id("in_1", 24));
        sub.put("cancel_at_period_end", false);
        sub.putNull("cancel_at");
        sub.putNull("canceled_at");
        sub.putNull("ended_at");
        sub.putNull("trial_start");
        sub.putNull("trial_end");
        sub.put("status", "active");
        if (type.endsWith(".deleted")) {
            sub.put("status", "canceled");
            sub.put("canceled_at", ids.now());
            sub.put("ended_at", ids.now());
            ((ObjectNode) sub.get("cancellation_details")).put("reason", "cancellation_requested");
        }
        JsonNode items = sub.path("items");
        if (items.isObject()) {
            ((ObjectNode) items).put("url", "/v1/subscription_items?subscription=" + ids.subscription());
            for (JsonNode item : items.path("data")) {
                ObjectNode it = (ObjectNode) item;
                it.put("subscription", ids.subscription());
                it.put("current_period_start", start);
                it.put("current_period_end", start + Duration.ofDays(30).toSeconds());
                it.put("created", ids.now() - Duration.ofDays(35).toSeconds());
            }
        }
        return sub;
    }

    private static ObjectNode invoice(Ids ids) {
        ObjectNode inv = fixture("invoice");
        inv.put("id", id("in_1", 24));
        inv.put("customer", ids.customer());
        common(inv, ids, 0);
        inv.put("status", "paid");
        inv.put("billing_reason", "subscription_cycle");
        inv.put("amount_paid", inv.path("amount_due").asLong());
        inv.put("amount_remaining", 0);
        inv.put("attempted", true);
        inv.put("attempt_count", 1);
        inv.put("period_start", ids.now() - Duration.ofDays(30).toSeconds());
        inv.put("period_end", ids.now());
        inv.remove("subscription"); // moved to parent.subscription_details in this API version
        ObjectNode parent = inv.putObject("parent");
        parent.putNull("quote_details");
        ObjectNode details = parent.putObject("subscription_details");
        details.putObject("metadata");
        details.put("subscription", ids.subscription());
        parent.put("type", "subscription_details");
        ObjectNode transitions = (ObjectNode) inv.get("status_transitions");
        transitions.put("paid_at", ids.now());
        transitions.put("finalized_at", ids.now());
        for (JsonNode line : inv.path("lines").path("data")) {
            ObjectNode l = (ObjectNode) line;
            if (l.has("subscription")) {
                l.put("subscription", ids.subscription());
            }
            JsonNode lineParent = l.path("parent");
            if (lineParent.isObject()) {
                replaceText((ObjectNode) lineParent, "subscription", ids.subscription());
            }
        }
        return inv;
    }

    private static ObjectNode charge(String type, Ids ids) {
        ObjectNode ch = fixture("charge");
        String chargeId = id("ch_3", 24);
        ch.put("id", chargeId);
        ch.put("customer", ids.customer());
        ch.put("payment_intent", id("pi_3", 24));
        common(ch, ids, 2);
        if (type.equals("charge.refunded")) {
            long amount = ch.path("amount").asLong();
            ch.put("refunded", true);
            ch.put("amount_refunded", amount);
            ObjectNode refunds = (ObjectNode) ch.get("refunds");
            ArrayNode data = refunds.putArray("data");
            data.add(idFirst(refund(ids, chargeId)));
            refunds.put("total_count", 1);
            refunds.put("url", "/v1/charges/" + chargeId + "/refunds");
        } else if (ch.has("refunds")) {
            ((ObjectNode) ch.get("refunds")).put("url", "/v1/charges/" + chargeId + "/refunds");
        }
        return ch;
    }

    private static ObjectNode refund(Ids ids, String chargeId) {
        ObjectNode re = fixture("refund");
        re.put("id", id("re_3", 24));
        re.put("charge", chargeId);
        re.put("status", "succeeded");
        re.put("reason", "requested_by_customer");
        common(re, ids, 0);
        return re;
    }

    private static ObjectNode checkoutSession(String type, Ids ids) {
        ObjectNode cs = fixture("checkout.session");
        cs.put("id", id(ids.livemode() ? "cs_live_a1" : "cs_test_a1", 56));
        cs.put("customer", ids.customer());
        cs.put("subscription", ids.subscription());
        cs.put("mode", "subscription");
        cs.put("invoice", id("in_1", 24));
        cs.putNull("payment_intent");
        cs.put("amount_subtotal", 2000);
        cs.put("amount_total", 2000);
        cs.put("currency", "usd");
        if (type.endsWith(".completed")) {
            cs.put("status", "complete");
            cs.put("payment_status", "paid");
            cs.putNull("url");
        }
        common(cs, ids, 0);
        cs.put("expires_at", ids.now() + Duration.ofHours(23).toSeconds());
        return cs;
    }

    private static ObjectNode previousAttributes(String type) {
        ObjectNode prev = Json.object();
        switch (type) {
            case "customer.subscription.updated":
                prev.put("cancel_at_period_end", true);
                return prev;
            case "invoice.updated":
                prev.put("status", "open");
                return prev;
            default:
                return null;
        }
    }

    /** Sets {@code livemode} and moves {@code created} to a realistic past time. */
    private static void common(ObjectNode object, Ids ids, int createdDaysAgo) {
        if (object.has("livemode")) {
            object.put("livemode", ids.livemode());
        }
        if (object.has("created")) {
            object.put("created", ids.now() - Duration.ofDays(createdDaysAgo).toSeconds() - 60);
        }
    }

    private static void replaceText(ObjectNode node, String field, String value) {
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals(field) && e.getValue().isTextual()) {
                e.setValue(com.fasterxml.jackson.databind.node.TextNode.valueOf(value));
            } else if (e.getValue().isObject()) {
                replaceText((ObjectNode) e.getValue(), field, value);
            }
        }
    }

    /** Stripe puts {@code id} and {@code object} first, then the other fields. */
    static ObjectNode idFirst(ObjectNode object) {
        ObjectNode ordered = Json.object();
        if (object.has("id")) {
            ordered.set("id", object.get("id"));
        }
        if (object.has("object")) {
            ordered.set("object", object.get("object"));
        }
        object.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("id") && !e.getKey().equals("object")) {
                ordered.set(e.getKey(), e.getValue());
            }
        });
        return ordered;
    }

    static ObjectNode fixture(String name) {
        try (InputStream in = StripeEventBuilder.class.getResourceAsStream("/dev/notif/stripe/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return (ObjectNode) Json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
