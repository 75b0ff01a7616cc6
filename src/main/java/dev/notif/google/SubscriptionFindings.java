package dev.notif.google;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.core.Json;
import dev.notif.output.Check;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code google.subscription}: a pure judgement of the topic's subscriptions. Without one Pub/Sub drops every message;
 * with --url one must push to it, keep the envelope (unless unwrapped is expected), not expire, not filter,
 * and give the backend a sensible acknowledgement deadline.
 */
public final class SubscriptionFindings {
    public static final String ID = "google.subscription";
    static final int SHORT_ACK_DEADLINE = 20;

    private SubscriptionFindings() {
    }

    /** @param subscriptions the topic's subscriptions (full name to resource) */
    public static Check check(GoogleNames.Topic topic, Map<String, JsonNode> subscriptions, String pushUrl,
                              boolean expectUnwrapped) {
        return check(topic, subscriptions, pushUrl, expectUnwrapped, null);
    }

    /**
     * {@code pushAuth}: the service account the backend expects in the push's OIDC token (null: only report whether
     * push authentication is on, and warn when it is off).
     */
    public static Check check(GoogleNames.Topic topic, Map<String, JsonNode> subscriptions, String pushUrl,
                              boolean expectUnwrapped, String pushAuth) {
        List<View> listed = subscriptions.values().stream().map(View::of).toList();
        String setup = "notif setup google --topic " + topic.full() + " --url " + (pushUrl == null ? "URL" : pushUrl)
            + (pushAuth == null ? "" : " --push-auth " + pushAuth);
        if (subscriptions.isEmpty()) {
            return Check.fail(ID, "the topic has no subscription: Pub/Sub drops every notification Play publishes",
                setup).detail("subscriptions", listed);
        }
        List<JsonNode> targets = new ArrayList<>();
        for (JsonNode s : subscriptions.values()) {
            if (pushUrl == null || SubscriptionPlan.pushesTo(s, pushUrl)) {
                targets.add(s);
            }
        }
        if (targets.isEmpty()) {
            return Check.fail(ID, "none of the topic's " + subscriptions.size() + " subscription(s) pushes to " + pushUrl,
                setup).detail("subscriptions", listed);
        }
        List<String> fails = new ArrayList<>();
        List<String> warns = new ArrayList<>();
        if (pushUrl != null && targets.size() > 1) {
            warns.add(targets.size() + " subscriptions push to the URL: the backend gets every notification "
                + targets.size() + " times");
        }
        for (JsonNode s : targets) {
            judge(s, expectUnwrapped, fails, warns);
            auth(s, pushAuth, fails);
        }
        String names = String.join(", ", targets.stream().map(s -> GoogleNames.shortName(Json.text(s, "name"))).toList());
        Check check;
        if (!fails.isEmpty()) {
            List<String> all = new ArrayList<>(fails);
            all.addAll(warns);
            check = Check.fail(ID, String.join("; ", all), setup);
        } else if (!warns.isEmpty()) {
            check = Check.warn(ID, String.join("; ", warns), setup);
        } else {
            check = Check.pass(ID, pushUrl == null ? subscriptions.size() + " subscription(s): " + names
                : names + " pushes to " + pushUrl + summaryTail(targets.get(0)));
        }
        return check.detail("subscriptions", listed).detail("push_auth", targets.stream()
            .map(t -> Json.text(t.path("pushConfig").path("oidcToken"), "serviceAccountEmail")).toList());
    }

    /**
     * Push authentication: on (an OIDC token of a service account on each push) or off; a finding only against what
     * the backend expects (--push-auth), as many backends take unauthenticated pushes. Reported either way.
     */
    private static void auth(JsonNode s, String expected, List<String> fails) {
        JsonNode push = s.path("pushConfig");
        if (Json.text(push, "pushEndpoint") == null) {
            return;
        }
        String name = GoogleNames.shortName(Json.text(s, "name"));
        String account = Json.text(push.path("oidcToken"), "serviceAccountEmail");
        if (expected != null && !expected.equals(account)) {
            fails.add(name + (account == null ? " pushes without authentication" : " pushes with the OIDC token of "
                + account) + ", but the backend expects " + expected + "'s: it refuses these pushes");
        }
    }

    private static void judge(JsonNode s, boolean expectUnwrapped, List<String> fails, List<String> warns) {
        String name = GoogleNames.shortName(Json.text(s, "name"));
        JsonNode push = s.path("pushConfig");
        boolean isPush = Json.text(push, "pushEndpoint") != null;
        if ("RESOURCE_ERROR".equals(Json.text(s, "state"))) {
            fails.add(name + " is in state RESOURCE_ERROR: Pub/Sub cannot deliver through it (a dead-letter topic"
                + " or push permission it lacks)");
        }
        if (isPush && push.has("noWrapper") != expectUnwrapped) {
            if (expectUnwrapped) {
                fails.add(name + " pushes the Pub/Sub envelope but the bare notification is expected");
            } else {
                fails.add(name + " pushes the bare notification (payload unwrapping): ingestion services decode"
                    + " message.data from the Pub/Sub envelope and refuse it");
            }
        }
        int ack = s.path("ackDeadlineSeconds").asInt(10);
        if (isPush && ack < SHORT_ACK_DEADLINE) {
            warns.add(name + "'s acknowledgement deadline is " + ack + " s: a backend slower than that counts as a"
                + " failed push (deadline_exceeded)");
        }
        Duration ttl = SubscriptionPlan.expiry(s);
        if (ttl != null) {
            warns.add(name + " is deleted after " + PushSettings.human(ttl) + " without activity: a quiet app loses"
                + " its notifications");
        }
        String filter = Json.text(s, "filter");
        if (filter != null && !filter.isBlank()) {
            warns.add(name + " filters messages (" + filter + "): Play's messages carry no attributes, so the"
                + " filter may drop them");
        }
    }

    private static String summaryTail(JsonNode s) {
        StringBuilder sb = new StringBuilder(" (envelope kept, ack deadline " + s.path("ackDeadlineSeconds").asInt(10) + " s");
        String account = Json.text(s.path("pushConfig").path("oidcToken"), "serviceAccountEmail");
        sb.append(account != null ? ", push auth as " + account : ", push auth off");
        JsonNode dlq = s.path("deadLetterPolicy");
        if (dlq.hasNonNull("deadLetterTopic")) {
            sb.append(", dead-letter ").append(GoogleNames.shortName(dlq.path("deadLetterTopic").asText()))
                .append(" after ").append(dlq.path("maxDeliveryAttempts").asInt(5)).append(" attempts");
        }
        return sb.append(")").toString();
    }

    /** One subscription as the check's details show it (JSON: its components; text: one line). */
    public record View(String name, String type, String pushEndpoint, Boolean wrapped, String pushAuth,
                       int ackDeadlineSeconds, String messageRetention, String expiresAfterInactive,
                       String deadLetterTopic, Integer maxDeliveryAttempts, String filter, String state) {
        static View of(JsonNode s) {
            JsonNode push = s.path("pushConfig");
            String endpoint = Json.text(push, "pushEndpoint");
            Duration ttl = SubscriptionPlan.expiry(s);
            JsonNode dlq = s.path("deadLetterPolicy");
            boolean hasDlq = dlq.hasNonNull("deadLetterTopic");
            return new View(Json.text(s, "name"), endpoint == null ? "pull" : "push", endpoint,
                endpoint == null ? null : !push.has("noWrapper"), Json.text(push.path("oidcToken"), "serviceAccountEmail"),
                s.path("ackDeadlineSeconds").asInt(10), Json.text(s, "messageRetentionDuration"),
                ttl == null ? null : PushSettings.googleDuration(ttl), Json.text(dlq, "deadLetterTopic"),
                hasDlq ? dlq.path("maxDeliveryAttempts").asInt(5) : null, Json.text(s, "filter"), Json.text(s, "state"));
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(GoogleNames.shortName(name)).append(": ");
            sb.append(pushEndpoint == null ? "pull" : "push to " + pushEndpoint
                + (Boolean.TRUE.equals(wrapped) ? ", envelope kept" : ", unwrapped"));
            sb.append(", ack deadline ").append(ackDeadlineSeconds).append(" s");
            Duration keep = PushSettings.parseGoogleDuration(messageRetention);
            if (keep != null) {
                sb.append(", retention ").append(PushSettings.human(keep));
            }
            Duration ttl = PushSettings.parseGoogleDuration(expiresAfterInactive);
            sb.append(ttl == null ? ", never expires" : ", expires after " + PushSettings.human(ttl) + " idle");
            if (deadLetterTopic != null) {
                sb.append(", dead-letter ").append(GoogleNames.shortName(deadLetterTopic)).append(" after ")
                    .append(maxDeliveryAttempts).append(" attempts");
            }
            if (pushAuth != null) {
                sb.append(", push auth as ").append(pushAuth);
            }
            if (filter != null) {
                sb.append(", filter ").append(filter);
            }
            return sb.toString();
        }
    }
}
