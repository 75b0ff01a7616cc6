package dev.notif.google;

import dev.notif.core.Json;
import dev.notif.probe.Delivery;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** A DeveloperNotification in the envelope a Pub/Sub push subscription POSTs to its endpoint. */
public record GooglePush(String url, String messageId, GoogleNotification notification, byte[] body)
    implements Delivery {

    /** The push of {@code notification} by {@code subscription}, published at {@code now}. */
    public static GooglePush of(String url, String subscription, GoogleNotification notification, Instant now) {
        byte[] data = Json.compact(notification.notification()).getBytes(StandardCharsets.UTF_8);
        String messageId = String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000_000_000L,
            10_000_000_000_000_000L)); // numeric, like the ids Pub/Sub gives
        byte[] body = Json.compact(PushEnvelope.build(data, messageId, now, Map.of(), subscription))
            .getBytes(StandardCharsets.UTF_8);
        return new GooglePush(url, messageId, notification, body);
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("User-Agent", PushEnvelope.USER_AGENT);
    }

    @Override
    public String contentType() {
        return PushEnvelope.CONTENT_TYPE;
    }
}
