package dev.notif.cli;

import dev.notif.core.Context;
import dev.notif.core.Urls;
import dev.notif.output.CheckReport;
import dev.notif.stripe.StripeAppUserIds;
import dev.notif.stripe.StripeChecks;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "stripe", sortOptions = false,
    header = "Check a Stripe webhook set-up end to end: account, endpoint, URL, secret, recent deliveries.",
    description = {
        "Runs every check, even when one fails, and exits 1 if any failed (3 when the API key is missing, rejected or"
            + " lacks a permission; 4 when Stripe cannot be reached). Checks:",
        "  stripe.credentials         the key is accepted; details.mode is test or live",
        "  stripe.endpoint.exists     an endpoint for URL exists (URLs compared normalised)",
        "  stripe.endpoint.single     exactly one endpoint for URL (one per event is a known cause of 400s)",
        "  stripe.endpoint.events     its events equal the allowed set; details.missing, details.extra ('*' flagged)",
        "  stripe.endpoint.enabled    its status is enabled",
        "  stripe.endpoint.api_version  the API version its events are rendered in: pinned, or the account's default",
        "  stripe.event_destinations  no v2 event destination sends thin events to URL, and the subscription events do"
            + " not go only to a non-webhook destination (Amazon EventBridge, ...)",
        "  stripe.endpoint.https      URL is https (warn in test mode, fail in live mode)",
        "  stripe.endpoint.reachable  URL answers an unsigned POST at all: DNS, TCP, TLS, no redirect (400 is healthy)",
        "  stripe.secret.format       with --secret: it looks like a whsec_ secret (flags sk_/rk_/pk_/we_, spaces,"
            + " quotes)",
        "  stripe.secret.accepted     with --secret: the differential probe, one delivery signed with it and one with a"
            + " random secret: accepted vs refused = right secret; refused alike = the backend holds another secret (or"
            + " refuses everything first); refused differently = right secret, payload refused for another reason. Only"
            + " answers count: a delivery without one makes it inconclusive (never pass). When the secret looks wrong,"
            + " up to four more deliveries signed with it tell a re-serialized body (compact JSON, json.dumps), a"
            + " base64-decoded secret (Standard Webhooks, Svix) and a receiver clock ahead apart from a wrong secret;"
            + " when it is right, one with two v1 signatures finds a receiver that checks only the first;"
            + " details.cause_code names the finding",
        "  stripe.deliveries          no allowed-type event of the last --days is pending or failed (Events API);"
            + " details.last_delivered_at; skip when there is nothing to judge; events younger than the Events API's"
            + " lag (about a minute) are not judged",
        "  stripe.app_user_id         with --app-user-id: how many of the recent Checkout Sessions and Subscriptions"
            + " (--sample each) would get an anonymous App User ID against the backend's method; details.examples",
        "",
        "JSON (--json): {ok, store: \"stripe\", target, checks: [{id, status: pass|warn|fail|skip, summary, fix,"
            + " details, cause}]}.",
    },
    footerHeading = "%nExamples:%n",
    footer = {
        "  notif check stripe --url https://api.example.com/stripe",
        "  notif check stripe --url https://api.example.com/stripe --secret whsec_... --json   # nightly in CI",
        "  notif check stripe --url URL --secret-file backend-secret.txt --subscription sub_123 --customer cus_123",
        "  notif check stripe --url URL --track-new-purchases --app-user-id metadata:app_user_id",
    })
public final class CheckStripeCommand extends BaseCommand {

    @Option(names = "--url", required = true, paramLabel = "URL", description = "The ingestion URL Stripe delivers to.")
    String url;

    @Option(names = "--track-new-purchases",
        description = "The backend also accepts customer.subscription.created and checkout.session.completed.")
    boolean trackNewPurchases;

    @Option(names = "--secret", paramLabel = "SECRET|-",
        description = "The signing secret the backend holds (whsec_...); '-' reads it from stdin (a hidden prompt on a"
            + " terminal); default: $STRIPE_WEBHOOK_SECRET.")
    String secret;

    @Option(names = "--secret-file", paramLabel = "FILE",
        description = "Read the signing secret from FILE (one line; kept out of shell history and ps).")
    Path secretFile;

    @Option(names = "--subscription", paramLabel = "SUB_ID",
        description = "Subscription id for the probe deliveries (default: generated; pass one the backend knows).")
    String subscription;

    @Option(names = "--customer", paramLabel = "CUS_ID", description = "Customer id for the probe deliveries.")
    String customer;

    @Option(names = "--days", paramLabel = "N", defaultValue = "30",
        description = "How many days of events stripe.deliveries looks at, 1 to 30 (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--app-user-id", paramLabel = "METHOD",
        description = "The backend's App User ID method for new purchases: anonymous, customer or metadata:KEY; checks"
            + " recent Checkout Sessions and Subscriptions against it (stripe.app_user_id).")
    String appUserId;

    @Option(names = "--sample", paramLabel = "N", defaultValue = "100",
        description = "With --app-user-id: how many recent Checkout Sessions and Subscriptions to read, 1 to 1000"
            + " (default: ${DEFAULT-VALUE}).")
    int sample;

    @Mixin
    StripeApiOptions stripe;

    @Mixin
    NetworkOptions network;

    CheckStripeCommand(Context ctx) {
        super(ctx);
    }

    @Override
    protected CheckReport execute() {
        Urls.http("--url", url);
        String signing = SecretInput.resolve(this, "--secret", secret, "--secret-file", secretFile);
        var request = new StripeChecks.Request(url, trackNewPurchases, signing, subscription, customer, days,
            appUserId == null ? null : StripeAppUserIds.Method.parse(appUserId), sample, null);
        StripeApiOptions.Access access = stripe.access(ctx, network.timeout(), url);
        return new StripeChecks(access.account(), access.problem(), network.probe(), ctx.clock())
            .run(request.during(access.rotation()));
    }
}
