package dev.notif.cli;

import dev.notif.amazon.AmazonSend;
import dev.notif.amazon.RtnMessage;
import dev.notif.amazon.RtnTypes;
import dev.notif.amazon.SendAmazonResult;
import dev.notif.core.Context;
import dev.notif.core.Urls;
import java.util.ArrayList;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "amazon", sortOptions = false,
    header = "Send one signed Amazon Appstore Real-time Notification (over SNS) to an ingestion URL and explain the answer.",
    description = {
        "Builds an SNS Notification whose Message is a Real-time Notification of the given type (or, with --confirmation,"
            + " a SubscriptionConfirmation) exactly as SNS sends it: JSON body as text/plain; charset=UTF-8,"
            + " x-amz-sns-* headers, SignatureVersion 1 (SHA1withRSA) or 2 (SHA256withRSA) over SNS's string to sign."
            + " It is signed with a throwaway certificate that notif serves on loopback while it runs, never presented"
            + " as Amazon's: a backend that verifies SNS signatures refuses it by design (signature_rejected).",
        "",
        "Prints the status, latency, the start of the body, whether the endpoint fetched the certificate (and the"
            + " SubscribeURL), and a verdict (accepted, signature_rejected, event_rejected, rejected, server_error,"
            + " redirected, timeout, tls_error, unreachable) with its cause and fix. Amazon does not retry a 4xx."
            + " Exit 0 only when the message was accepted (2xx).",
        "",
        "JSON (--json): {ok, store, url, message_type, notification_type, message_id, topic_arn, signature_version,"
            + " http_status, latency_ms, verdict, cause, fix, response_body, signing_cert_url, certificate_fetched,"
            + " subscribe_url, subscribe_url_fetched, signed_by}.",
    },
    footerHeading = "%nExamples:%n",
    footer = {
        "  notif send amazon --url http://127.0.0.1:8085/amazon",
        "  notif send amazon --url https://api.example.com/amazon --type SUBSCRIPTION_RENEWED --signature-version 2",
        "  notif send amazon --url http://127.0.0.1:8085/amazon --confirmation --json",
        "  notif send amazon --url URL --receipt-id 'koxIn...=:3:11' --app-user-id 'io9o...=' --package com.example.app",
    })
public final class SendAmazonCommand extends BaseCommand {

    @Option(names = "--url", required = true, paramLabel = "URL", description = "The ingestion URL of Amazon RTN.")
    String url;

    @Option(names = "--type", paramLabel = "TYPE", defaultValue = RtnTypes.DEFAULT_TYPE,
        description = "RTN notificationType (default: ${DEFAULT-VALUE}); one of ${COMPLETION-CANDIDATES}.",
        completionCandidates = TypeCandidates.class)
    String type;

    @Option(names = "--confirmation",
        description = "Send a SubscriptionConfirmation (what Amazon sends when the endpoint is added) instead.")
    boolean confirmation;

    @Option(names = "--package", paramLabel = "NAME", defaultValue = RtnMessage.DEFAULT_PACKAGE,
        description = "appPackageName (default: ${DEFAULT-VALUE}).")
    String packageName;

    @Option(names = "--app-user-id", paramLabel = "ID", description = "appUserId (default: generated).")
    String appUserId;

    @Option(names = "--receipt-id", paramLabel = "ID", description = "receiptId (default: generated in Amazon's shape).")
    String receiptId;

    @Option(names = "--beta", description = "Mark it a Live App Testing purchase (betaProductTransaction: true).")
    boolean beta;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "5",
        description = "With --confirmation: how long to wait for the endpoint to fetch the SubscribeURL (default: ${DEFAULT-VALUE}).")
    double waitSeconds;

    @Mixin
    CallbackOptions callback;

    @Mixin
    NetworkOptions network;

    SendAmazonCommand(Context ctx) {
        super(ctx);
    }

    @Override
    protected SendAmazonResult execute() {
        var request = new AmazonSend.Request(Urls.http("--url", url).toString(), type, given("--type"), confirmation,
            packageName, appUserId, receiptId, beta, waitSeconds, callback.options());
        return new AmazonSend(network.sender(), ctx.clock(), ctx.progress(), ctx.configDir()).run(request);
    }

    /** The RTN types, for help and completion. */
    static final class TypeCandidates extends ArrayList<String> {
        TypeCandidates() {
            super(RtnTypes.names());
        }
    }
}
