package dev.notif.cli;

import dev.notif.core.Context;
import dev.notif.core.Urls;
import dev.notif.google.DeveloperNotification;
import dev.notif.google.GoogleAccess;
import dev.notif.google.GoogleNotification;
import dev.notif.google.GoogleSend;
import dev.notif.google.SendGoogleResult;
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

    @Option(names = "--type", paramLabel = "TYPE", defaultValue = "test", completionCandidates = Candidates.GoogleKinds.class,
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
        GoogleSend.oneTarget(topic, url);
        GoogleNotification n = GoogleSend.notification(new GoogleSend.Request(type, packageName, notificationType,
            purchaseToken, product, orderId, refundType, productType), ctx.clock().instant(), this::warn);
        if (url != null) {
            return GoogleSend.push(network.sender(), Urls.http("--url", url).toString(), subscription, google.project,
                n, ctx.clock().instant());
        }
        GoogleAccess access = google.open(ctx, network.timeout(), null, null);
        return GoogleSend.publish(access, google.topic(topic, access, ctx), n, this::warn);
    }
}
