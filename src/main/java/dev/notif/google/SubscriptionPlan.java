package dev.notif.google;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notif.core.Json;
import dev.notif.core.NotifException;
import dev.notif.core.Urls;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decides what to do about the push subscription: a pure function of the topic's subscriptions and the wanted
 * {@link PushSettings}. A subscription that already pushes to the URL is reused whatever its name; otherwise the
 * named one (default {@code <topic>-push}) is created or fixed. Only differing fields are changed, and an existing
 * push configuration keeps its authentication and attributes.
 */
public record SubscriptionPlan(String action, String name, ObjectNode fields, List<String> mask, List<String> changes) {
    public static final String CREATE = "create";
    public static final String UPDATE = "update";
    public static final String NONE = "none";

    public static String defaultId(GoogleNames.Topic topic) {
        String id = topic.id() + "-push";
        return id.length() <= 255 ? id : id.substring(0, 255);
    }

    /**
     * @param topicSubscriptions the topic's subscriptions (full name to resource)
     * @param requestedId        {@code --subscription}, or null
     * @param named              the resource of the requested (or default) name when it is not on this topic, or null
     */
    public static SubscriptionPlan plan(GoogleNames.Topic topic, Map<String, JsonNode> topicSubscriptions,
                                        String requestedId, JsonNode named, PushSettings want) {
        String target = null;
        if (requestedId == null) {
            for (Map.Entry<String, JsonNode> e : topicSubscriptions.entrySet()) {
                if (pushesTo(e.getValue(), want.endpoint())) {
                    target = e.getKey();
                    break;
                }
            }
        }
        if (target == null) {
            target = topic.subscription(requestedId != null ? requestedId : defaultId(topic));
        }
        JsonNode existing = topicSubscriptions.containsKey(target) ? topicSubscriptions.get(target) : named;
        if (existing == null) {
            List<String> changes = new ArrayList<>(List.of("push to " + want.endpoint(), "ack deadline "
                + want.ackDeadlineSeconds() + " s", "retention " + PushSettings.human(want.retention()),
                wrapping(want.unwrapped()), "never expires"));
            if (want.pushAuth() != null) {
                changes.add(auth(want.pushAuth(), want.audience()));
            }
            return new SubscriptionPlan(CREATE, target, create(topic, want), List.of(), changes);
        }
        String onTopic = Json.text(existing, "topic");
        if (onTopic != null && !onTopic.equals(topic.full())) {
            throw NotifException.usage("the subscription " + target + " exists but receives from " + onTopic
                + ", not from " + topic.full(), "choose another name with --subscription (a subscription's topic"
                + " cannot change)");
        }
        return update(target, existing, want);
    }

    private static ObjectNode create(GoogleNames.Topic topic, PushSettings want) {
        ObjectNode body = Json.object();
        body.put("topic", topic.full());
        body.set("pushConfig", pushConfig(Json.object(), want));
        body.put("ackDeadlineSeconds", want.ackDeadlineSeconds());
        body.put("messageRetentionDuration", PushSettings.googleDuration(want.retention()));
        body.putObject("expirationPolicy");
        return body;
    }

    private static SubscriptionPlan update(String name, JsonNode existing, PushSettings want) {
        ObjectNode fields = Json.object();
        List<String> mask = new ArrayList<>();
        List<String> changes = new ArrayList<>();
        JsonNode push = existing.path("pushConfig");
        String endpoint = Json.text(push, "pushEndpoint");
        boolean unwrapped = push.has("noWrapper");
        String account = Json.text(push.path("oidcToken"), "serviceAccountEmail");
        String audience = Json.text(push.path("oidcToken"), "audience");
        boolean authDiffers = want.pushAuth() != null && (!want.pushAuth().equals(account)
            || want.audience() != null && !want.audience().equals(audience));
        if (endpoint == null || !Urls.normalize(endpoint).equals(Urls.normalize(want.endpoint()))
            || unwrapped != want.unwrapped() || authDiffers) {
            ObjectNode base = push.isObject() ? ((ObjectNode) push).deepCopy() : Json.object();
            fields.set("pushConfig", pushConfig(base, want));
            mask.add("pushConfig");
            if (endpoint == null) {
                changes.add("pull -> push to " + want.endpoint());
            } else if (!Urls.normalize(endpoint).equals(Urls.normalize(want.endpoint()))) {
                changes.add("push endpoint " + endpoint + " -> " + want.endpoint());
            }
            if (unwrapped != want.unwrapped()) {
                changes.add(wrapping(unwrapped) + " -> " + wrapping(want.unwrapped()));
            }
            if (authDiffers) {
                changes.add((account == null ? "push auth off" : auth(account, audience)) + " -> "
                    + auth(want.pushAuth(), want.audience()));
            }
        }
        int ack = existing.path("ackDeadlineSeconds").asInt(10);
        if (want.ackDeadlineGiven() && ack != want.ackDeadlineSeconds()) {
            fields.put("ackDeadlineSeconds", want.ackDeadlineSeconds());
            mask.add("ackDeadlineSeconds");
            changes.add("ack deadline " + ack + " s -> " + want.ackDeadlineSeconds() + " s");
        }
        Duration retention = PushSettings.parseGoogleDuration(Json.text(existing, "messageRetentionDuration"));
        if (want.retentionGiven() && !want.retention().equals(retention)) {
            fields.put("messageRetentionDuration", PushSettings.googleDuration(want.retention()));
            mask.add("messageRetentionDuration");
            changes.add("retention " + (retention == null ? "default" : PushSettings.human(retention)) + " -> "
                + PushSettings.human(want.retention()));
        }
        Duration ttl = expiry(existing);
        if (ttl != null) {
            fields.putObject("expirationPolicy");
            mask.add("expirationPolicy");
            changes.add("expires after " + PushSettings.human(ttl) + " without activity -> never expires");
        }
        return new SubscriptionPlan(mask.isEmpty() ? NONE : UPDATE, name, fields, mask, changes);
    }

    /** The inactivity period after which the subscription is deleted, or null when it never expires. */
    public static Duration expiry(JsonNode subscription) {
        JsonNode policy = subscription.get("expirationPolicy");
        if (policy == null) {
            return Duration.ofDays(31); // Pub/Sub's default when the field is absent
        }
        Duration ttl = PushSettings.parseGoogleDuration(Json.text(policy, "ttl"));
        return ttl == null || ttl.isZero() ? null : ttl;
    }

    public static boolean pushesTo(JsonNode subscription, String url) {
        String endpoint = Json.text(subscription.path("pushConfig"), "pushEndpoint");
        return endpoint != null && Urls.normalize(endpoint).equals(Urls.normalize(url));
    }

    private static ObjectNode pushConfig(ObjectNode base, PushSettings want) {
        base.put("pushEndpoint", want.endpoint());
        base.remove("pubsubWrapper");
        base.remove("noWrapper");
        if (want.unwrapped()) {
            base.putObject("noWrapper").put("writeMetadata", true);
        }
        if (want.pushAuth() != null) {
            ObjectNode oidc = base.putObject("oidcToken").put("serviceAccountEmail", want.pushAuth());
            if (want.audience() != null) {
                oidc.put("audience", want.audience());
            }
        }
        return base;
    }

    static String auth(String account, String audience) {
        return "push auth: OIDC token of " + account + " (audience " + (audience == null ? "the endpoint URL"
            : audience) + ")";
    }

    static String wrapping(boolean unwrapped) {
        return unwrapped ? "payload unwrapped" : "Pub/Sub envelope kept";
    }
}
