package dev.notif.amazon;

import dev.notif.probe.HttpProbe;
import dev.notif.probe.Outcome;
import dev.notif.probe.Verdict;

/** POSTs SNS messages as SNS does (its headers, the JSON body as text/plain unless told otherwise) and judges them. */
public final class AmazonSender {
    private final HttpProbe probe;

    public AmazonSender(HttpProbe probe) {
        this.probe = probe;
    }

    public record Sent(SnsMessage message, String notificationType, Outcome outcome, Verdict verdict) {
    }

    public Sent send(String url, SnsMessage m, String subscriptionArn) {
        return send(url, m, subscriptionArn, SnsMessage.CONTENT_TYPE);
    }

    /** As SNS would send it, but with {@code contentType} (a differential probe of text/plain). */
    public Sent send(String url, SnsMessage m, String subscriptionArn, String contentType) {
        Outcome outcome = probe.post(url, m.headers(subscriptionArn), m.bodyBytes(), contentType);
        String type = m.isNotification() ? notificationType(m) : null;
        return new Sent(m, type, outcome, AmazonVerdicts.classify(new AmazonVerdicts.Sent(m.type(), type), outcome));
    }

    private static String notificationType(SnsMessage m) {
        RtnMessage.Parsed p = RtnMessage.parse(m.message());
        return p.message() == null ? null : p.message().notificationType();
    }
}
