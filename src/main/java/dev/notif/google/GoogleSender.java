package dev.notif.google;

import dev.notif.core.Json;
import dev.notif.probe.HttpProbe;
import dev.notif.probe.Outcome;
import dev.notif.probe.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Sends a DeveloperNotification: published to the topic (what Play does), or pushed to a URL (what Pub/Sub does). */
public final class GoogleSender {
    private GoogleSender() {
    }

    /** Publishes the notification; Pub/Sub then pushes it to each subscription of the topic. */
    public static SendGoogleResult publish(PubSub pubsub, GoogleNames.Topic topic, SendGoogleResult.Sent sent,
                                           Integer subscriptions) {
        byte[] data = Json.compact(sent.notification()).getBytes(StandardCharsets.UTF_8);
        String id = pubsub.publish(topic, data, Map.of());
        String cause = "Pub/Sub accepted message " + id + " on " + topic.full() + (subscriptions == null ? ""
            : subscriptions == 0 ? "; the topic has no subscription, so nobody will receive it"
            : " and delivers it to its " + subscriptions + " subscription(s)");
        String fix = subscriptions != null && subscriptions == 0
            ? "create the push subscription: notif setup google --topic " + topic.full() + " --push-url URL"
            : "see the push's answer in a few minutes with notif check google --topic " + topic.full()
            + " (this publish tests the path from the topic to the backend, not Play's right to publish:"
            + " google.topic.publisher checks that)";
        return SendGoogleResult.published(topic.full(), id, sent, cause, fix);
    }

    /** POSTs the push envelope to {@code url} the way a push subscription does and judges the answer. */
    public static SendGoogleResult push(HttpProbe probe, String url, String subscription, SendGoogleResult.Sent sent,
                                        Instant now) {
        byte[] data = Json.compact(sent.notification()).getBytes(StandardCharsets.UTF_8);
        String messageId = String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000_000_000L,
            10_000_000_000_000_000L)); // numeric, like the ids Pub/Sub gives
        byte[] body = Json.compact(PushEnvelope.build(data, messageId, now, Map.of(), subscription))
            .getBytes(StandardCharsets.UTF_8);
        Outcome outcome = probe.post(url, Map.of("User-Agent", PushEnvelope.USER_AGENT), body,
            PushEnvelope.CONTENT_TYPE);
        Verdict v = GoogleVerdicts.classify(new GoogleVerdicts.Sent(sent.kind(), sent.packageName()), outcome);
        return SendGoogleResult.pushed(url, messageId, sent, outcome, v);
    }
}
