package dev.notif.amazon;

import dev.notif.probe.Delivery;
import java.util.Map;

/**
 * One SNS message to POST as SNS does: its x-amz-sns-* headers and its JSON body, sent as {@code text/plain} unless a
 * differential probe says otherwise. {@code notificationType} is the RTN type a Notification carries (null for a
 * confirmation, or when its Message is not an RTN).
 */
public record AmazonDelivery(String url, SnsMessage message, String subscriptionArn, String contentType,
                             String notificationType) implements Delivery {

    /** {@code message} as SNS would send it to {@code url} for the subscription {@code subscriptionArn}. */
    public static AmazonDelivery of(String url, SnsMessage message, String subscriptionArn) {
        String type = null;
        if (message.isNotification()) {
            RtnMessage.Parsed p = RtnMessage.parse(message.message());
            type = p.message() == null ? null : p.message().notificationType();
        }
        return new AmazonDelivery(url, message, subscriptionArn, SnsMessage.CONTENT_TYPE, type);
    }

    /** The same message with another Content-Type (a differential probe of text/plain). */
    public AmazonDelivery as(String otherContentType) {
        return new AmazonDelivery(url, message, subscriptionArn, otherContentType, notificationType);
    }

    boolean confirmation() {
        return message.isConfirmation();
    }

    @Override
    public Map<String, String> headers() {
        return message.headers(subscriptionArn);
    }

    @Override
    public byte[] body() {
        return message.bodyBytes();
    }
}
