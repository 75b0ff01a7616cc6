package dev.notif.google;

import dev.notif.core.Json;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Publishes a DeveloperNotification to the topic, as Play does; Pub/Sub then pushes it to each subscription. */
public final class TopicPublisher {
    private TopicPublisher() {
    }

    /** {@code subscriptions}: how many the topic has, null when they could not be listed. */
    public static SendGoogleResult publish(PubSub pubsub, GoogleNames.Topic topic, GoogleNotification notification,
                                           Integer subscriptions) {
        byte[] data = Json.compact(notification.notification()).getBytes(StandardCharsets.UTF_8);
        String id = pubsub.publish(topic, data, Map.of());
        String cause = "Pub/Sub accepted message " + id + " on " + topic.full() + (subscriptions == null ? ""
            : subscriptions == 0 ? "; the topic has no subscription, so nobody will receive it"
            : " and delivers it to its " + subscriptions + " subscription(s)");
        String fix = subscriptions != null && subscriptions == 0
            ? "create the push subscription: notif setup google --topic " + topic.full() + " --url URL"
            : "see the push's answer in a few minutes with notif check google --topic " + topic.full()
            + " (this publish tests the path from the topic to the backend, not Play's right to publish:"
            + " google.topic.publisher checks that)";
        return SendGoogleResult.published(topic.full(), id, notification, cause, fix);
    }
}
