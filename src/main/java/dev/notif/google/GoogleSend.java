package dev.notif.google;

import dev.notif.core.NotifException;
import dev.notif.google.DeveloperNotification.Kind;
import dev.notif.probe.Sender;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * {@code notif send google}: the DeveloperNotification asked for (kind, code, package, ids), then published to the
 * topic as Play does, or pushed straight to a URL as a push subscription does and judged.
 */
public final class GoogleSend {
    private static final Pattern PACKAGE = Pattern.compile("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)+");

    /** What the notification holds: each value as given (null: the default). */
    public record Request(String type, String packageName, String notificationType, String purchaseToken,
                          String product, String orderId, String refundType, String productType) {
    }

    private GoogleSend() {
    }

    /** Exactly one of --topic (publish) and --url (push). */
    public static void oneTarget(String topic, String url) {
        if ((topic == null) == (url == null)) {
            throw NotifException.usage(topic == null ? "pass --topic (publish) or --url (push)"
                : "--topic and --url exclude each other", "--topic publishes as Play does; --url posts straight to"
                + " the ingestion URL");
        }
    }

    /** An Android package name (com.acme.app), or a usage error naming {@code option}. */
    public static String packageName(String option, String value) {
        if (value != null && !PACKAGE.matcher(value).matches()) {
            throw NotifException.usage(option + " '" + value + "' is not an Android package name",
                "for example " + option + " com.acme.app");
        }
        return value;
    }

    /** The notification: codes by number or name (an undocumented number is sent with a warning). */
    public static GoogleNotification notification(Request r, Instant now, Consumer<String> warn) {
        Kind kind = Kind.of(r.type());
        Map<Integer, String> table = DeveloperNotification.codes(kind);
        RtdnCodes.Code code = null;
        if (r.notificationType() != null) {
            if (table == null) {
                throw NotifException.usage("--notification-type applies to --type subscription and one-time, not "
                    + kind.word, kind == Kind.VOIDED ? "use --refund-type and --product-type" : "drop it");
            }
            code = RtdnCodes.parse("--notification-type", r.notificationType(), table);
            if (!code.documented()) {
                warn.accept("notification type " + code.value() + " is not documented for " + kind.word
                    + " notifications; sending it to see how the backend copes");
            }
        } else if (table != null) {
            code = RtdnCodes.of(kind == Kind.SUBSCRIPTION ? 4 : 1, table);
        }
        if ((r.refundType() != null || r.productType() != null) && kind != Kind.VOIDED
            || r.orderId() != null && kind != Kind.VOIDED && kind != Kind.REFUND_REVIEW) {
            throw NotifException.usage("--refund-type and --product-type apply to --type voided, --order-id to voided"
                + " and refund-review", "add --type voided");
        }
        var options = new DeveloperNotification.Options(kind, packageName("--package", r.packageName()), code,
            r.purchaseToken(), r.product(), r.orderId(),
            r.productType() == null ? null : RtdnCodes.parse("--product-type", r.productType(), RtdnCodes.PRODUCT_TYPE),
            r.refundType() == null ? null : RtdnCodes.parse("--refund-type", r.refundType(), RtdnCodes.REFUND_TYPE),
            now);
        return GoogleNotification.of(kind, code, DeveloperNotification.build(options));
    }

    /**
     * Pushes to {@code url} in the envelope of {@code subscription} (null: the push subscription of {@code project},
     * or of notif-test).
     */
    public static SendGoogleResult push(Sender sender, String url, String subscription, String project,
                                        GoogleNotification n, Instant now) {
        String sub = subscription != null ? subscription
            : "projects/" + (project != null ? project : "notif-test") + "/subscriptions/play-rtdn-push";
        return SendGoogleResult.pushed(sender.send(GooglePush.of(url, sub, n, now), GoogleVerdicts.CLASSIFIER));
    }

    /** Publishes to the topic; warns when it has no subscription (listing it may be refused: then it is not known). */
    public static SendGoogleResult publish(GoogleAccess access, GoogleNames.Topic topic, GoogleNotification n,
                                           Consumer<String> warn) {
        Integer subscriptions;
        try {
            subscriptions = access.pubsub().topicSubscriptions(topic).size();
        } catch (GoogleApiException e) {
            subscriptions = null; // listing needs more than publishing; not knowing is fine
        }
        if (subscriptions != null && subscriptions == 0) {
            warn.accept(topic.full() + " has no subscription: Pub/Sub drops what is published to it");
        }
        try {
            return TopicPublisher.publish(access.pubsub(), topic, n, subscriptions);
        } catch (GoogleApiException e) {
            throw GoogleErrors.explain(e, GoogleErrors.Step.PUBLISH, access, topic.project());
        }
    }
}
