package dev.notif.cli;

import dev.notif.core.Context;
import dev.notif.core.NotifException;
import dev.notif.core.Urls;
import dev.notif.stripe.SendStripeResult;
import dev.notif.stripe.StripeEvents;
import dev.notif.stripe.StripeSend;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "stripe", sortOptions = false,
    header = "Send one signed Stripe webhook delivery to an ingestion URL and explain the answer.",
    description = {
        "Builds an event the way Stripe does (envelope and a realistic data.object), signs it with Stripe-Signature: t=...,v1=HMAC-SHA256(secret, \"<t>.<body>\") and POSTs it without following redirects. Prints the status, latency, the start of the body and a verdict (accepted, signature_rejected, event_rejected, rejected, server_error, redirected, timeout, tls_error, unreachable) with its cause and fix. Exit 0 only when the delivery was accepted (2xx).",
        "",
        "JSON (--json): {ok, store, url, event_type, event_id, http_status, latency_ms, verdict, cause, fix, response_body, secret (redacted), timestamp}.",
    },
    footerHeading = "%nExamples:%n",
    footer = {
        "  notif send stripe --url https://api.example.com/stripe --secret whsec_...",
        "  notif send stripe --url http://127.0.0.1:8085/stripe --event charge.refunded   # to notif listen: its secret",
        "  STRIPE_WEBHOOK_SECRET=whsec_... notif send stripe --url URL --subscription sub_123 --customer cus_123",
        "  notif send stripe --url URL --secret-file ~/.config/notif/stripe/we_123.secret",
        "  notif send stripe --url URL --secret whsec_... --data captured-event.json   # replays it byte for byte",
    })
public final class SendStripeCommand extends BaseCommand {

    @Option(names = "--url", required = true, paramLabel = "URL", description = "The ingestion URL that receives Stripe webhooks.")
    String url;

    @Option(names = "--secret", paramLabel = "SECRET|-",
        description = "The endpoint's signing secret (whsec_...); '-' reads it from stdin (a hidden prompt on a"
            + " terminal); default: $STRIPE_WEBHOOK_SECRET, else, for a notif listen on this machine (a loopback"
            + " URL ending in /stripe whose /status answers), the secret that listen generated in its default data"
            + " directory, said on stderr.")
    String secret;

    @Option(names = "--secret-file", paramLabel = "FILE",
        description = "Read the signing secret from FILE (one line; kept out of shell history and ps).")
    Path secretFile;

    @Option(names = "--event", paramLabel = "TYPE", completionCandidates = Candidates.StripeEventTypes.class,
        description = "Event type (default: ${DEFAULT-VALUE}). Types outside the accepted set are sent with a warning.",
        defaultValue = StripeEvents.DEFAULT_TYPE)
    String event;

    @Option(names = "--data", paramLabel = "FILE",
        description = "JSON to send: a Stripe object becomes data.object; a whole event is sent byte for byte. '-' reads stdin.")
    String data;

    @Option(names = "--timestamp", paramLabel = "EPOCH", description = "Signature timestamp in Unix seconds (default: now).")
    Long timestamp;

    @Option(names = "--customer", paramLabel = "CUS_ID", description = "Customer id to put in the event (default: generated).")
    String customer;

    @Option(names = "--subscription", paramLabel = "SUB_ID",
        description = "Subscription id to put in the event (default: generated).")
    String subscription;

    @Option(names = "--livemode", description = "Mark the event as live mode (default: test mode).")
    boolean livemode;

    @Option(names = "--show-secret", description = "Print the secret whole instead of redacted.")
    boolean showSecret;

    @Mixin
    NetworkOptions network;

    SendStripeCommand(Context ctx) {
        super(ctx);
    }

    private void note(String message) {
        var t = stderr();
        t.line("note: " + message);
        t.flush();
    }

    @Override
    protected SendStripeResult execute() {
        if (SecretInput.STDIN.equals(secret) && given("--secret") && "-".equals(data)) {
            throw NotifException.usage("--secret - and --data - both read stdin", "pass one of them as a file");
        }
        String signing = SecretInput.resolve(this, "--secret", secret, "--secret-file", secretFile);
        String target = Urls.http("--url", url).toString();
        if (signing == null) {
            signing = ListenSecret.find(ctx, network.probe(), target, this::note);
        }
        var request = new StripeSend.Request(target, signing, event, given("--event"), data,
            timestamp, customer, subscription, livemode, showSecret);
        return new StripeSend(network.sender(), ctx.clock(), ctx.in(), this::warn).run(request);
    }
}
