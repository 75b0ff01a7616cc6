package dev.notif.cli;

import dev.notif.core.Context;
import dev.notif.core.Http;
import dev.notif.core.NotifException;
import dev.notif.core.Urls;
import dev.notif.google.DeveloperNotification;
import dev.notif.google.DeveloperNotification.Kind;
import dev.notif.google.GoogleAccess;
import dev.notif.google.GoogleApiException;
import dev.notif.google.GoogleErrors;
import dev.notif.google.GoogleNames;
import dev.notif.google.GoogleNotification;
import dev.notif.google.GooglePush;
import dev.notif.google.GoogleVerdicts;
import dev.notif.google.RtdnCodes;
import dev.notif.google.SendGoogleResult;
import dev.notif.google.TopicPublisher;
import dev.notif.probe.HttpProbe;
import dev.notif.probe.Sender;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "google", sortOptions = false,
    header = "Publish a Google Play notification to the topic, or push one straight to an ingestion URL.",
    description = {
        "With --topic: publishes a DeveloperNotification to the Pub/Sub topic, which is what Play Console's \"Send test notification\" does; Pub/Sub then pushes it to the topic's subscriptions (see the answer with notif check google). Needs pubsub.topics.publish (roles/pubsub.publisher).",
        "With --url: POSTs a Pub/Sub push envelope {message: {data: base64, messageId, publishTime, attributes}, subscription} to URL as a push subscription does, and explains the answer. Exit 0 only when accepted (2xx); verdicts: accepted, event_rejected (package refused), rejected, server_error, redirected, timeout, tls_error, unreachable.",
        "",
        "--type test (default), subscription (code 4 SUBSCRIPTION_PURCHASED unless --notification-type), one-time (1 ONE_TIME_PRODUCT_PURCHASED), voided (--refund-type, --product-type), refund-review (a pendingRefundReviewNotification: a refund Play holds for the developer's review, --order-id). Codes are numbers or names; undocumented numbers are sent with a warning.",
        "",
        "JSON (--json): {ok, store, mode: topic|push, topic, url, message_id, notification_kind, notification_type, notification_type_name, package_name, notification, http_status, latency_ms, verdict, cause, fix, response_body}.",
    },
    footerHeading = "%nExamples:%n",
    footer = {
        "  notif send google --credentials sa.json --project acme-prod --topic play-rtdn",
        "  notif send google --topic projects/acme-prod/topics/play-rtdn --type subscription --notification-type SUBSCRIPTION_RENEWED --package com.acme.app",
        "  notif send google --url https://api.example.com/google --package com.acme.app",
        "  notif send google --url http://127.0.0.1:8085/google --type voided --refund-type 2 --json",
    })
public final class SendGoogleCommand extends BaseCommand {
    @Mixin
    GoogleOptions google;

    @Option(names = "--topic", paramLabel = "TOPIC", description = "Publish to this topic (id or projects/P/topics/T).")
    String topic;

    @Option(names = "--url", paramLabel = "URL", description = "Push the envelope straight to this URL instead.")
    String url;

    @Option(names = "--type", paramLabel = "TYPE", defaultValue = "test",
        description = "test, subscription, one-time, voided or refund-review (default: ${DEFAULT-VALUE}).")
    String type;

    @Option(names = "--package", paramLabel = "NAME", description = "The app's package name (default: "
        + DeveloperNotification.DEFAULT_PACKAGE + ").")
    String packageName;

    @Option(names = "--notification-type", paramLabel = "CODE",
        description = "subscription or one-time code: a number or a name such as SUBSCRIPTION_RENEWED.")
    String notificationType;

    @Option(names = "--purchase-token", paramLabel = "TOKEN", description = "Purchase token (default: generated).")
    String purchaseToken;

    @Option(names = "--product", paramLabel = "ID", description = "subscriptionId or sku (default: monthly, coins_100).")
    String product;

    @Option(names = "--order-id", paramLabel = "ID", description = "voided: the order id (default: generated GPA.…).")
    String orderId;

    @Option(names = "--refund-type", paramLabel = "CODE", description = "voided: 1 full refund (default), 2 partial.")
    String refundType;

    @Option(names = "--product-type", paramLabel = "CODE",
        description = "voided: 1 subscription (default), 2 one-time product.")
    String productType;

    @Option(names = "--subscription", paramLabel = "NAME", description = "--url: the envelope's subscription"
        + " (default: projects/<project or notif-test>/subscriptions/play-rtdn-push).")
    String subscription;

    @Mixin
    NetworkOptions network;

    SendGoogleCommand(Context ctx) {
        super(ctx);
    }

    @Override
    protected SendGoogleResult execute() {
        if ((topic == null) == (url == null)) {
            throw NotifException.usage(topic == null ? "pass --topic (publish) or --url (push)"
                : "--topic and --url exclude each other", "--topic publishes as Play does; --url posts straight to"
                + " the ingestion URL");
        }
        GoogleNotification sent = notification();
        if (url != null) {
            String target = Urls.http("--url", url).toString();
            String sub = subscription != null ? subscription
                : "projects/" + (google.project != null ? google.project : "notif-test") + "/subscriptions/play-rtdn-push";
            return SendGoogleResult.pushed(new Sender(new HttpProbe(Http.client(network.timeout())))
                .send(GooglePush.of(target, sub, sent, ctx.clock().instant()), GoogleVerdicts.CLASSIFIER));
        }
        GoogleAccess access = google.open(ctx, network.timeout(), null, null);
        GoogleNames.Topic t = google.topic(topic, access, ctx);
        Integer subscriptions;
        try {
            subscriptions = access.pubsub().topicSubscriptions(t).size();
        } catch (GoogleApiException e) {
            subscriptions = null; // listing needs more than publishing; not knowing is fine
        }
        if (subscriptions != null && subscriptions == 0) {
            warn(t.full() + " has no subscription: Pub/Sub drops what is published to it");
        }
        try {
            return TopicPublisher.publish(access.pubsub(), t, sent, subscriptions);
        } catch (GoogleApiException e) {
            throw GoogleErrors.explain(e, GoogleErrors.Step.PUBLISH, access, t.project());
        }
    }

    private GoogleNotification notification() {
        Kind kind = Kind.of(type);
        Map<Integer, String> table = DeveloperNotification.codes(kind);
        RtdnCodes.Code code = null;
        if (notificationType != null) {
            if (table == null) {
                throw NotifException.usage("--notification-type applies to --type subscription and one-time, not "
                    + kind.word, kind == Kind.VOIDED ? "use --refund-type and --product-type" : "drop it");
            }
            code = RtdnCodes.parse("--notification-type", notificationType, table);
            if (!code.documented()) {
                warn("notification type " + code.value() + " is not documented for " + kind.word
                    + " notifications; sending it to see how the backend copes");
            }
        } else if (table != null) {
            code = RtdnCodes.of(kind == Kind.SUBSCRIPTION ? 4 : 1, table);
        }
        if ((refundType != null || productType != null) && kind != Kind.VOIDED
            || orderId != null && kind != Kind.VOIDED && kind != Kind.REFUND_REVIEW) {
            throw NotifException.usage("--refund-type and --product-type apply to --type voided, --order-id to voided"
                + " and refund-review", "add --type voided");
        }
        if (packageName != null && !packageName.matches("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)+")) {
            throw NotifException.usage("--package '" + packageName + "' is not an Android package name",
                "for example --package com.acme.app");
        }
        var options = new DeveloperNotification.Options(kind, packageName, code, purchaseToken, product, orderId,
            productType == null ? null : RtdnCodes.parse("--product-type", productType, RtdnCodes.PRODUCT_TYPE),
            refundType == null ? null : RtdnCodes.parse("--refund-type", refundType, RtdnCodes.REFUND_TYPE),
            ctx.clock().instant());
        return GoogleNotification.of(kind, code, DeveloperNotification.build(options));
    }
}
