package dev.notif.cli;

import dev.notif.core.Version;
import dev.notif.fleet.Init;
import dev.notif.stripe.StripeAccount;
import dev.notif.stripe.StripeKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "init", sortOptions = false,
    header = "Write a commented starting notif.toml from flags and from what the accounts already hold.",
    description = {
        "Writes notif.toml (or --config FILE; - prints it) for notif check, plan and apply: one app with the stores"
            + " the flags name, and with --discover one app per webhook endpoint the Stripe account already has that"
            + " receives an event the ingestion service accepts (its URL, and track_new_purchases when it receives"
            + " the new-purchase events). Credentials are written as references (\"${STRIPE_API_KEY}\"), never as"
            + " values. With no store flag and nothing discovered, writes an example app to edit. The file is read"
            + " back before it is written; an existing file is kept unless --force.",
        "",
        "JSON (--json): {ok, file, written, apps: [{name, stores}], discovered: [...], content}.",
    },
    footerHeading = "%nExamples:%n",
    footer = {
        "  notif init --app game-ios --stripe-url https://api.example.com/stripe --apple-bundle-id com.example.game",
        "  STRIPE_API_KEY=sk_live_... notif init --discover          # one app per Stripe endpoint of the account",
        "  notif init --config - --amazon-url https://api.example.com/amazon   # print instead of writing",
    })
public final class InitCommand extends BaseCommand {
    @Option(names = "--config", paramLabel = "FILE", defaultValue = FleetOptions.DEFAULT_FILE,
        description = "Where to write it (default: ${DEFAULT-VALUE}; - prints it on stdout).")
    String file;

    @Option(names = "--force", description = "Replace the file when it exists.")
    boolean force;

    @Option(names = "--app", paramLabel = "NAME", description = "The app's name (default: from the first URL).")
    String app;

    @Option(names = "--stripe-url", paramLabel = "URL", description = "The app's Stripe ingestion URL.")
    String stripeUrl;

    @Option(names = "--track-new-purchases", description = "The backend tracks new purchases from Stripe's events.")
    boolean trackNewPurchases;

    @Option(names = "--apple-bundle-id", paramLabel = "ID", description = "The app's bundle id.")
    String appleBundleId;

    @Option(names = "--apple-url", paramLabel = "URL", description = "The app's App Store Server Notifications URL.")
    String appleUrl;

    @Option(names = "--google-topic", paramLabel = "TOPIC", description = "The Pub/Sub topic Play publishes to.")
    String googleTopic;

    @Option(names = "--google-project", paramLabel = "PROJECT", description = "The topic's project.")
    String googleProject;

    @Option(names = {"--google-url", "--google-push-url"}, paramLabel = "URL",
        description = "The URL the subscription pushes to (notif.toml's url). --google-push-url is its former name.")
    String googleUrl;

    @Option(names = "--amazon-url", paramLabel = "URL", description = "The app's Amazon RTN ingestion URL.")
    String amazonUrl;

    @Option(names = "--max-silence", paramLabel = "DURATION", defaultValue = "24h",
        description = "max_silence in [defaults] (default: ${DEFAULT-VALUE}).")
    String maxSilence;

    @Option(names = "--discover", description = "Also one app per webhook endpoint of the Stripe account (needs the"
        + " key: --api-key or $STRIPE_API_KEY).")
    boolean discover;

    @Mixin
    StripeApiOptions stripe;

    @Mixin
    NetworkOptions network;

    InitCommand(dev.notif.core.Context ctx) {
        super(ctx);
    }

    @Override
    protected Init.Result execute() {
        Init.Request request = new Init.Request(file, force, maxSilence, new Init.Flags(app, stripeUrl,
            trackNewPurchases, appleBundleId, appleUrl, googleTopic, googleProject, googleUrl, amazonUrl));
        StripeKey key = discover ? stripe.key() : null;
        StripeAccount account = key == null ? null : stripe.account(ctx, key, network.timeout());
        return Init.run(request, account, key == null ? null : String.valueOf(key.mode()), new FleetStores(ctx).schema(),
            Version.get(), this::warn);
    }
}
