package dev.notif.apple;

import dev.notif.probe.Delivery;
import java.util.Map;

/**
 * One App Store Server Notification to POST as Apple does (a JSON body); {@code testRoot} is the certificate a
 * receiver must trust to accept it (V2), null for V1.
 */
public record AppleDelivery(String url, AppleNotificationBuilder.Notification notification, String testRoot)
    implements Delivery {

    @Override
    public Map<String, String> headers() {
        return Map.of("Content-Type", contentType());
    }

    @Override
    public byte[] body() {
        return notification.body();
    }

    @Override
    public String contentType() {
        return AppleNotificationBuilder.Notification.CONTENT_TYPE;
    }

    boolean v1() {
        return "V1".equals(notification.version());
    }
}
