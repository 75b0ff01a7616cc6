package dev.notif.cli;

import dev.notif.core.Context;
import dev.notif.core.Urls;
import dev.notif.stripe.RotationState;
import dev.notif.stripe.PruneEvidence;
import dev.notif.stripe.SetupStripeResult;
import dev.notif.stripe.StripeApiVersions;
import dev.notif.stripe.StripeKey;
import dev.notif.stripe.StripeSecretProbe;
import dev.notif.stripe.StripeSetup;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "stripe", sortOptions = false,
    header = "Make the Stripe account hold exactly one enabled webhook endpoint for URL with exactly the allowed events.",
    description = {
        "Lists every webhook endpoint of the account (all pages), picks the ones whose URL is URL (scheme and host case"
            + " and a trailing slash do not matter) and converges: none -> create one; one -> set its events to exactly"
            + " the allowed set and re-enable it (a second run changes nothing); several (duplicates, or one endpoint"
            + " per event) -> report them with a plan and exit 1, or with --prune keep one, fix it and delete the others."
            + " Endpoints for other URLs are never touched.",
        "",
        "Allowed events: customer.subscription.updated, customer.subscription.deleted, charge.refunded, invoice.updated;"
            + " with --track-new-purchases also customer.subscription.created, checkout.session.completed.",
        "",
        "Stripe returns an endpoint's signing secret only when it creates it: notif writes it whole to --secret-file"
            + " (mode 0600), prints it with --show-secret, or else, on a terminal, offers to save it to"
            + " <config dir>/stripe/<endpoint id>.secret (mode 0600; Enter saves), a file send and check read with"
            + " --secret-file; otherwise it is shown redacted. The secret of an existing endpoint cannot"
            + " be read back: reveal it in the Dashboard, or use --recreate (a new endpoint and secret). Test or live"
            + " mode follows the key; an http:// URL with a live key is refused before any request. Creation uses an"
            + " idempotency key derived from the account, URL and events: retries never make a second endpoint.",
        "",
        "--api-version pins a new endpoint's API version. Stripe allows 16 webhook endpoints per account: a creation"
            + " beyond that is refused before any write, naming the disabled endpoints worth deleting. setup works on"
            + " webhook endpoints only and never creates a v2 event destination (check stripe reports those).",
        "",
        "JSON (--json): {ok, store, mode, dry_run, applied, url, account, api_key, events, actions: [{action:"
            + " create|update|delete|none, resource, name, changes, reason, applied, cause, fix, endpoint_id, url,"
            + " add_events, remove_events, enable}], endpoint: {id, url, status, enabled_events, description,"
            + " created, api_version}, secret, secret_file, secret_note, problem, notes, error}.",
    },
    footerHeading = "%nExamples:%n",
    footer = {
        "  export STRIPE_API_KEY=sk_test_...",
        "  notif setup stripe --url https://api.example.com/stripe --dry-run",
        "  notif setup stripe --url https://api.example.com/stripe --secret-file stripe-webhook-secret.txt",
        "  notif setup stripe --url https://api.example.com/stripe --track-new-purchases --json",
        "  notif setup stripe --url https://api.example.com/stripe --prune --secret - --yes   # several -> the one the"
            + " backend holds",
        "  notif setup stripe --url https://api.example.com/stripe --recreate --yes --show-secret",
        "  notif setup stripe --url https://api.example.com/stripe --api-version 2025-09-30.clover",
    })
public final class SetupStripeCommand extends BaseCommand {

    @Option(names = "--url", required = true, paramLabel = "URL", description = "The ingestion URL Stripe must deliver to.")
    String url;

    @Option(names = "--track-new-purchases",
        description = "Also customer.subscription.created and checkout.session.completed (when the backend tracks new"
            + " purchases from server-to-server notifications).")
    boolean trackNewPurchases;

    @Option(names = "--dry-run", description = "Print the plan (create/update/delete, events added/removed); send no write.")
    boolean dryRun;

    @Option(names = "--prune", description = "With several endpoints for URL: keep one, fix it, delete the others.")
    boolean prune;

    @Option(names = "--keep", paramLabel = "ENDPOINT_ID",
        description = "With --prune: the endpoint to keep (default: the one whose signing secret the backend holds, as"
            + " the differential probe shows; none is deleted when that cannot be told).")
    String keep;

    @Option(names = "--secret", paramLabel = "SECRET|-",
        description = "With --prune: the signing secret the backend holds (whsec_...); the probe tells which endpoint"
            + " signs with it. '-' reads it from stdin (a hidden prompt on a terminal); default: $STRIPE_WEBHOOK_SECRET.")
    String secret;

    @Option(names = "--recreate",
        description = "Replace the endpoint by a new one to get a new signing secret (the old one stops working).")
    boolean recreate;

    @Option(names = {"-y", "--yes"}, description = "Confirm deletions (--prune, --recreate) without a prompt;"
        + " required when stdin is not a terminal or CI is set.")
    boolean yes;

    @Option(names = "--api-version", paramLabel = "VERSION",
        description = "Pin a created endpoint to this Stripe API version (e.g. 2025-09-30.clover); default: the"
            + " account's default version. An existing endpoint's version cannot be changed: see notif rotate stripe.")
    String apiVersion;

    @Option(names = "--secret-file", paramLabel = "FILE",
        description = "Write the new endpoint's signing secret to FILE (mode 0600), without asking.")
    Path secretFile;

    @Option(names = "--show-secret", description = "Print the new signing secret whole instead of redacted.")
    boolean showSecret;

    @Mixin
    StripeApiOptions stripe;

    @Mixin
    NetworkOptions network;

    SetupStripeCommand(Context ctx) {
        super(ctx);
    }

    @Override
    protected SetupStripeResult execute() {
        Urls.http("--url", url);
        String held = prune ? SecretInput.resolve(this, "--secret", secret, "--secret-file", null) : null;
        var request = new StripeSetup.Request(url, trackNewPurchases, dryRun, prune, recreate, keep, yes, secretFile,
            showSecret, StripeApiVersions.parse("--api-version", apiVersion), held, null);
        StripeKey key = stripe.key();
        TerminalUi ui = new TerminalUi(this::stderr, ctx);
        var evidence = new PruneEvidence(new StripeSecretProbe(network.sender()), ctx.configDir(), ctx.clock(),
            ui::progress);
        return new StripeSetup(stripe.account(ctx, key, network.timeout()), ui, evidence)
            .run(request.during(RotationState.find(ctx.configDir(), key.mode(), url)));
    }
}
