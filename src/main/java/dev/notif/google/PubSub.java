package dev.notif.google;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notif.core.Json;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The Cloud Pub/Sub v1 REST calls notif makes: topics, their IAM policy, subscriptions, publish. */
public final class PubSub {
    public static final String DEFAULT_BASE = "https://pubsub.googleapis.com";
    /** Policy version 3 keeps conditional bindings intact through a read-modify-write. */
    static final String POLICY_VERSION = "3";

    private final GoogleApi api;

    public PubSub(GoogleApi api) {
        this.api = api;
    }

    public Optional<JsonNode> topic(GoogleNames.Topic topic) {
        try {
            return Optional.of(api.get("v1/" + topic.full(), Map.of()));
        } catch (GoogleApiException e) {
            if (e.notFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Creates the topic; one that already exists (created meanwhile, or by a retried call) is fetched instead. */
    public JsonNode createTopic(GoogleNames.Topic topic) {
        try {
            return api.send("PUT", "v1/" + topic.full(), Json.object(), false);
        } catch (GoogleApiException e) {
            if (e.is("ALREADY_EXISTS")) {
                return topic(topic).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    public JsonNode topicPolicy(GoogleNames.Topic topic) {
        return api.get("v1/" + topic.full() + ":getIamPolicy", Map.of("options.requestedPolicyVersion", POLICY_VERSION));
    }

    /** Sets the policy; its etag makes the write conditional (409/ABORTED when someone changed it meanwhile). */
    public JsonNode setTopicPolicy(GoogleNames.Topic topic, JsonNode policy) {
        ObjectNode body = Json.object();
        body.set("policy", policy);
        return api.send("POST", "v1/" + topic.full() + ":setIamPolicy", body, policy.hasNonNull("etag"));
    }

    /** Full names of the topic's subscriptions, every page. */
    public List<String> topicSubscriptions(GoogleNames.Topic topic) {
        List<String> names = new ArrayList<>();
        String page = null;
        do {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("pageSize", "100");
            if (page != null) {
                query.put("pageToken", page);
            }
            JsonNode answer = api.get("v1/" + topic.full() + "/subscriptions", query);
            answer.path("subscriptions").forEach(s -> names.add(s.asText()));
            page = Json.text(answer, "nextPageToken");
        } while (page != null && !page.isEmpty());
        return names;
    }

    public Optional<JsonNode> subscription(String fullName) {
        try {
            return Optional.of(api.get("v1/" + fullName, Map.of()));
        } catch (GoogleApiException e) {
            if (e.notFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public JsonNode createSubscription(String fullName, ObjectNode subscription) {
        return api.send("PUT", "v1/" + fullName, subscription, false);
    }

    /** Changes the fields named in {@code mask} to the values in {@code fields}; repeating it changes nothing more. */
    public JsonNode updateSubscription(String fullName, ObjectNode fields, List<String> mask) {
        ObjectNode body = Json.object();
        body.set("subscription", fields);
        body.put("updateMask", String.join(",", mask));
        return api.send("PATCH", "v1/" + fullName, body, true);
    }

    /** Publishes one message; returns its message id. Not retried: a retry could publish it twice. */
    public String publish(GoogleNames.Topic topic, byte[] data, Map<String, String> attributes) {
        ObjectNode message = Json.object();
        message.put("data", Base64.getEncoder().encodeToString(data));
        if (!attributes.isEmpty()) {
            ObjectNode attrs = message.putObject("attributes");
            attributes.forEach(attrs::put);
        }
        ObjectNode body = Json.object();
        body.putArray("messages").add(message);
        JsonNode answer = api.send("POST", "v1/" + topic.full() + ":publish", body, false);
        return answer.path("messageIds").path(0).asText(null);
    }
}
