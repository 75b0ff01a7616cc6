package dev.notif.cli;

import dev.notif.config.ConfigError;
import dev.notif.config.ConfigReader;
import dev.notif.config.Durations;
import dev.notif.core.NotifException;
import dev.notif.core.Urls;
import dev.notif.core.Version;
import dev.notif.fleet.StarterFile;
import dev.notif.output.Result;
import dev.notif.output.Text;
import dev.notif.stripe.StripeAccount;
import dev.notif.stripe.StripeEndpoint;
import dev.notif.stripe.StripeEvents;
import dev.notif.stripe.StripeKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import okhttp3.HttpUrl;
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

    @Option(names = "--google-push-url", paramLabel = "URL", description = "The URL the subscription pushes to.")
    String googlePushUrl;

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

    /** What init wrote. */
    public record InitResult(boolean ok, String file, boolean written, List<AppLine> apps, List<String> discovered,
                             String content) implements Result {
        public record AppLine(String name, List<String> stores) {
        }

        @Override
        public void printText(Text out) {
            if (!written) {
                out.print(content);
                return;
            }
            out.line(out.green("wrote ") + file + ": " + apps.size() + " app" + (apps.size() == 1 ? "" : "s"));
            for (AppLine a : apps) {
                out.line("  " + a.name() + "  " + String.join(", ", a.stores()));
            }
            for (String d : discovered) {
                out.line("  " + out.dim("discovered: " + d));
            }
            out.line("next: fill in what the comments ask, then notif check" + (file.equals(FleetOptions.DEFAULT_FILE)
                ? "" : " --config " + file));
        }
    }

    @Override
    protected InitResult execute() {
        if (Durations.parse(maxSilence) == null) {
            throw NotifException.usage("--max-silence must be a duration such as 24h, 90m or 7d, got '" + maxSilence + "'",
                "for example --max-silence 24h");
        }
        boolean toStdout = file.equals("-");
        Path path = Path.of(toStdout ? FleetOptions.DEFAULT_FILE : file);
        if (!toStdout && Files.exists(path) && !force) {
            throw NotifException.usage(path + " already exists", "pass --force to replace it, or --config OTHER_FILE");
        }
        List<StarterFile.App> apps = new ArrayList<>();
        List<String> discovered = new ArrayList<>();
        StarterFile.App given = fromFlags();
        if (given != null) {
            apps.add(given);
        }
        if (discover) {
            apps.addAll(discoverStripe(discovered, given));
        }
        if (apps.isEmpty()) {
            apps.add(example());
        }
        String header = "notif.toml: the apps and stores that notif check, plan and apply work on; docs/config.md"
            + " lists every key.\nValues may be \"${ENV_VAR}\" (read from the environment) or \"file:PATH\" (a file's"
            + " content): keep secrets out of this file.\nWritten by notif init " + Version.get() + ".";
        String content = StarterFile.render(header, maxSilence, apps);
        verify(content);
        List<InitResult.AppLine> lines = apps.stream().map(a -> new InitResult.AppLine(a.name(),
            a.stores().stream().map(StarterFile.Store::name).toList())).toList();
        if (toStdout) {
            return new InitResult(true, "-", false, lines, discovered, content);
        }
        try {
            Files.writeString(path, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw NotifException.usage("cannot write " + path + ": " + e.getMessage(), "choose a writable path");
        }
        return new InitResult(true, path.toString(), true, lines, discovered, null);
    }

    private StarterFile.App fromFlags() {
        List<StarterFile.Store> stores = new ArrayList<>();
        String firstHost = null;
        if (stripeUrl != null) {
            firstHost = Urls.http("--stripe-url", stripeUrl).host();
            stores.add(stripeStore(stripeUrl, trackNewPurchases, null));
        }
        if (appleBundleId != null) {
            StarterFile.Store s = new StarterFile.Store("apple", "Apple: the In-App Purchase key (App Store Server API)"
                + " checks; plan/apply need the team key (asc_*)")
                .put("bundle_id", appleBundleId);
            if (appleUrl != null) {
                firstHost = firstHost != null ? firstHost : Urls.http("--apple-url", appleUrl).host();
                s.put("url", appleUrl);
            } else {
                s.example("url", "url = \"https://backend.example.com/apple\"   # the URL Apple should deliver to");
            }
            s.put("environments", List.of("production", "sandbox")).put("key_file", "${APPLE_IAP_KEY_FILE}")
                .put("key_id", "${APPLE_IAP_KEY_ID}").put("issuer_id", "${APPLE_ISSUER_ID}")
                .example("asc_key_file", "asc_key_file = \"${ASC_KEY_FILE}\"   # with asc_key_id and asc_issuer_id,"
                    + " for plan/apply");
            stores.add(s);
        }
        if (googleTopic != null) {
            StarterFile.Store s = new StarterFile.Store("google", "Google Play: the Pub/Sub topic Play publishes to");
            if (googleProject != null) {
                s.put("project", googleProject);
            }
            s.put("topic", googleTopic);
            if (googlePushUrl != null) {
                firstHost = firstHost != null ? firstHost : Urls.http("--google-push-url", googlePushUrl).host();
                s.put("push_url", googlePushUrl);
            }
            s.put("credentials", "${GOOGLE_APPLICATION_CREDENTIALS}");
            stores.add(s);
        }
        if (amazonUrl != null) {
            firstHost = firstHost != null ? firstHost : Urls.http("--amazon-url", amazonUrl).host();
            stores.add(new StarterFile.Store("amazon", "Amazon Appstore: Real-time Notifications over SNS; for"
                + " max_silence set receiver = \"http://HOST:8085\" (a notif listen receiver)").put("url", amazonUrl));
        }
        if (stores.isEmpty()) {
            if (app != null || appleUrl != null || googlePushUrl != null || googleProject != null) {
                throw NotifException.usage("name at least one store: --stripe-url, --apple-bundle-id, --google-topic"
                    + " or --amazon-url", "for example notif init --app " + (app == null ? "my-app" : app)
                    + " --stripe-url https://api.example.com/stripe");
            }
            return null;
        }
        return new StarterFile.App(app != null ? app : StarterFile.nameFor(firstHost, "my-app"), null, stores);
    }

    private static StarterFile.Store stripeStore(String url, boolean track, String note) {
        return new StarterFile.Store("stripe", note != null ? note : "Stripe: the key may be a restricted key with"
            + " Webhook Endpoints read (write for apply) and Events read")
            .put("url", url).put("api_key", "${STRIPE_API_KEY}")
            .example("secret", "secret = \"file:secrets/stripe-whsec\"   # the signing secret the backend holds:"
                + " enables the secret probe")
            .put("track_new_purchases", track);
    }

    /** One app per endpoint of the account that receives an event the ingestion service accepts. */
    private List<StarterFile.App> discoverStripe(List<String> discovered, StarterFile.App given) {
        StripeKey key = stripe.key();
        StripeAccount account = stripe.account(ctx, key, network.timeout());
        List<StarterFile.App> apps = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        if (given != null) {
            names.add(given.name());
        }
        for (StripeEndpoint e : account.endpoints()) {
            boolean relevant = e.wildcard() || e.enabledEvents().stream().anyMatch(t -> StripeEvents.isAllowed(t, true));
            if (!relevant || stripeUrl != null && stripeUrl.equals(e.url())) {
                continue;
            }
            boolean track = e.enabledEvents().containsAll(StripeEvents.NEW_PURCHASES);
            HttpUrl u = HttpUrl.parse(e.url());
            String name = StarterFile.nameFor(u == null ? null : u.host() + u.encodedPath(), "stripe-endpoint");
            String unique = name;
            for (int i = 2; !names.add(unique); i++) {
                unique = name + "-" + i;
            }
            String note = "Stripe endpoint " + e.id() + " (" + e.status() + ", " + (e.wildcard() ? "every event type"
                : e.enabledEvents().size() + " event types") + ") found in the " + key.mode() + "-mode account";
            apps.add(new StarterFile.App(unique, null, List.of(stripeStore(e.url(), track, note))));
            discovered.add(e.id() + " " + e.url());
        }
        if (apps.isEmpty()) {
            warn("the Stripe account has no webhook endpoint that receives the ingestion service's events");
        }
        return apps;
    }

    private static StarterFile.App example() {
        return new StarterFile.App("my-app", "an example app: replace the values, remove the stores it does not use",
            List.of(stripeStore("https://backend.example.com/stripe", false, null),
                new StarterFile.Store("apple", "Apple").put("bundle_id", "com.example.app")
                    .put("url", "https://backend.example.com/apple").put("environments", List.of("production",
                        "sandbox")).put("key_file", "${APPLE_IAP_KEY_FILE}").put("key_id", "${APPLE_IAP_KEY_ID}")
                    .put("issuer_id", "${APPLE_ISSUER_ID}"),
                new StarterFile.Store("google", "Google Play").put("project", "my-project").put("topic", "play-rtdn")
                    .put("push_url", "https://backend.example.com/google")
                    .put("credentials", "${GOOGLE_APPLICATION_CREDENTIALS}"),
                new StarterFile.Store("amazon", "Amazon Appstore").put("url", "https://backend.example.com/amazon")));
    }

    /** The file must read back: a mistake here would be notif's own. */
    private void verify(String content) {
        try {
            Path tmp = Files.createTempFile("notif-init", ".toml");
            try {
                Files.writeString(tmp, content, StandardCharsets.UTF_8);
                ConfigReader.read(tmp, new FleetStores(ctx).schema(), java.util.Map.of());
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (ConfigError e) {
            throw NotifException.usage("the values given make a file notif cannot read: " + e.getMessage()
                .replaceFirst("^[^:]*:\\d+:\\d+: ", ""), "check the flags' values");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
