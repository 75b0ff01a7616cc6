package dev.notif.cli;

import dev.notif.core.Context;
import dev.notif.core.NotifException;
import dev.notif.core.Urls;
import dev.notif.stripe.ResendStripeResult;
import dev.notif.stripe.StripeKey;
import dev.notif.stripe.StripeResend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "stripe", sortOptions = false,
    header = "Have Stripe deliver again the allowed-type events it could not deliver to the endpoint for URL.",
    description = {
        "Lists the events of the allowed types created in the last --since (at most Stripe's 30 days, and not before"
            + " the endpoint existed) that Stripe reports as not delivered (delivery_success=false), then asks Stripe to"
            + " deliver each of them again to the endpoint, one at a time, as the Stripe CLI's `stripe events resend"
            + " --webhook-endpoint` does (POST /v1/events/{id}/retry). --dry-run prints the plan and sends nothing.",
        "",
        "Stripe's answer means the delivery was queued, not that the backend took it: fix the cause first (notif check"
            + " stripe --url URL --secret whsec_...), resend, then check again. Stripe does not say which endpoint"
            + " missed an event, so with other endpoints on the same types an event may arrive twice.",
        "",
        "JSON (--json): {ok, store, mode, url, endpoint_id, dry_run, since, events: [{id, type, created_at, pending_webhooks,"
            + " status: planned|resent|failed, error}], counts: {planned, resent, failed}, notes, error}.",
    },
    footerHeading = "%nExamples:%n",
    footer = {
        "  notif resend stripe --url https://api.example.com/stripe --since 7d --dry-run",
        "  notif resend stripe --url https://api.example.com/stripe --since 30d --json",
    })
public final class ResendStripeCommand extends BaseCommand {

    @Option(names = "--url", required = true, paramLabel = "URL", description = "The ingestion URL Stripe delivers to.")
    String url;

    @Option(names = "--since", paramLabel = "DURATION", defaultValue = "7d",
        description = "How far back: Nd, Nh or Nm, at most 30d (default: ${DEFAULT-VALUE}).")
    String since;

    @Option(names = "--dry-run", description = "Print the plan (the events that would be resent); send nothing.")
    boolean dryRun;

    @Option(names = "--track-new-purchases",
        description = "Also resend customer.subscription.created and checkout.session.completed.")
    boolean trackNewPurchases;

    @Option(names = "--endpoint", paramLabel = "ENDPOINT_ID",
        description = "With several endpoints for URL: the one to resend to.")
    String endpoint;

    @Option(names = "--max", paramLabel = "N", defaultValue = "100",
        description = "At most this many events, the newest first, 1 to 1000 (default: ${DEFAULT-VALUE}).")
    int max;

    @Mixin
    StripeApiOptions stripe;

    @Mixin
    NetworkOptions network;

    ResendStripeCommand(Context ctx) {
        super(ctx);
    }

    @Override
    protected ResendStripeResult execute() {
        Urls.http("--url", url);
        if (max < 1 || max > 1000) {
            throw NotifException.usage("--max must be between 1 and 1000, got " + max, "for example --max 100");
        }
        var window = StripeResend.since(since);
        StripeKey key = stripe.key();
        if (key.live() && !dryRun) {
            warn("LIVE mode (" + key.redacted() + "): the backend gets these events again");
        }
        var progress = new StderrProgress(this::stderr, ctx.progress());
        return new StripeResend(stripe.account(ctx, key, network.timeout()), progress, ctx.clock()).run(new StripeResend.Request(url, window, dryRun, max, endpoint, trackNewPurchases));
    }
}
