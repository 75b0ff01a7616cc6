package dev.notif.cli;

import dev.notif.core.Context;
import dev.notif.stripe.RotateStripeResult;
import dev.notif.stripe.StripeKey;
import dev.notif.stripe.StripeRotation;
import dev.notif.stripe.StripeSecretProbe;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "stripe", sortOptions = false,
    header = "Replace the endpoint for URL by a new one (new secret, optionally a new API version), never without one.",
    description = {
        "An endpoint's API version cannot be changed and its signing secret cannot be rolled through the API, so"
            + " upgrading or rotating means a new endpoint. rotate does it without a moment with no endpoint and with"
            + " two only as long as needed:",
        "  1. creates the new endpoint for URL (exactly the allowed events; --api-version, else the old endpoint's"
            + " pinned version) and saves the rotation, with the new secret, in notif's config directory (0600);",
        "  2. hands over the new secret: redacted on stderr, whole with --show-secret or into --secret-file;",
        "  3. waits up to --wait seconds, probing every --interval, until the differential probe of check stripe (one"
            + " delivery signed with the new secret, one with a random one) shows that the backend holds it;",
        "  4. deletes the old endpoint.",
        "Interrupted or out of time, it leaves both endpoints and exits 1 (phase waiting): rerun the same command to"
            + " resume, or pass --abort to delete the new endpoint and keep the old one. --wait 0 creates and returns"
            + " at once (a pipeline deploys the secret, then reruns). When the backend answers a random secret the same"
            + " as the right one the probe cannot tell: --confirmed deletes the old endpoint on your word.",
        "",
        "JSON (--json): {ok, store, mode, url, phase: completed|waiting|aborted|lost, old_endpoint_id, new_endpoint_id,"
            + " api_version, events, secret, secret_file, state_file, steps, probe: <check>, next}.",
    },
    footerHeading = "%nExamples:%n",
    footer = {
        "  notif rotate stripe --url https://api.example.com/stripe --secret-file new-secret.txt",
        "  notif rotate stripe --url https://api.example.com/stripe --api-version 2025-09-30.clover --wait 900",
        "  notif rotate stripe --url https://api.example.com/stripe --wait 0 --secret-file s.txt   # CI: then deploy",
        "  notif rotate stripe --url https://api.example.com/stripe                    # resume after deploying",
        "  notif rotate stripe --url https://api.example.com/stripe --abort",
    })
public final class RotateStripeCommand extends BaseCommand {

    @Option(names = "--url", required = true, paramLabel = "URL", description = "The ingestion URL Stripe delivers to.")
    String url;

    @Option(names = "--track-new-purchases",
        description = "The new endpoint also gets customer.subscription.created and checkout.session.completed.")
    boolean trackNewPurchases;

    @Option(names = "--api-version", paramLabel = "VERSION",
        description = "Pin the new endpoint to this Stripe API version (default: the old endpoint's pinned version,"
            + " else the account's default).")
    String apiVersion;

    @Option(names = "--secret-file", paramLabel = "FILE",
        description = "Write the new signing secret to FILE (mode 0600).")
    Path secretFile;

    @Option(names = "--show-secret", description = "Print the new signing secret whole instead of redacted.")
    boolean showSecret;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "600",
        description = "How long to wait for the backend to hold the new secret, 0 to 86400 (default: ${DEFAULT-VALUE}).")
    long waitSeconds;

    @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "10",
        description = "Seconds between probes while waiting, 1 to 3600 (default: ${DEFAULT-VALUE}).")
    long intervalSeconds;

    @Option(names = "--abort", description = "Undo a rotation in progress: delete the new endpoint, keep the old one.")
    boolean abort;

    @Option(names = "--confirmed",
        description = "Delete the old endpoint without probing: you confirm the backend holds the new secret.")
    boolean confirmed;

    @Option(names = "--subscription", paramLabel = "SUB_ID",
        description = "Subscription id for the probe deliveries (pass one the backend knows).")
    String subscription;

    @Option(names = "--customer", paramLabel = "CUS_ID", description = "Customer id for the probe deliveries.")
    String customer;

    @Mixin
    StripeApiOptions stripe;

    @Mixin
    NetworkOptions network;

    RotateStripeCommand(Context ctx) {
        super(ctx);
    }

    @Override
    protected RotateStripeResult execute() {
        StripeRotation.Request request = new StripeRotation.Request(url, trackNewPurchases, apiVersion, secretFile,
            showSecret, Duration.ofSeconds(waitSeconds), Duration.ofSeconds(intervalSeconds), abort, confirmed);
        StripeKey key = stripe.key();
        Duration timeout = network.timeout();
        StripeSecretProbe probe = new StripeSecretProbe(network.sender());
        StripeRotation rotation = new StripeRotation(stripe.account(ctx, key, timeout),
            new StderrProgress(this::stderr, ctx.progress()),
            (u, secret, live, now) -> probe.confirm(u, secret, subscription, customer, live, now),
            d -> Thread.sleep(d.toMillis()), ctx.clock(), ctx.configDir());
        return rotation.run(request);
    }
}
