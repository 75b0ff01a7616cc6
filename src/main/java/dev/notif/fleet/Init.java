package dev.notif.fleet;

import dev.notif.config.ConfigError;
import dev.notif.config.ConfigReader;
import dev.notif.config.Durations;
import dev.notif.config.Schema;
import dev.notif.core.NotifException;
import dev.notif.core.Urls;
import dev.notif.output.Text;
import dev.notif.stripe.StripeAccount;
import dev.notif.stripe.StripeEndpoint;
import dev.notif.stripe.StripeEvents;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import okhttp3.HttpUrl;

/**
 * notif init: a commented starting notif.toml from the flags' values and from the webhook endpoints a Stripe account
 * already has, read back with the file's own schema before it is written.
 */
public final class Init {
    public static final String DEFAULT_FILE = "notif.toml";

    /** What the flags say of the one app they describe (each may be null). */
    public record Flags(String app, String stripeUrl, boolean trackNewPurchases, String appleBundleId, String appleUrl,
                        String googleTopic, String googleProject, String googleUrl, String amazonUrl) {
    }

    /** Where and how to write: {@code file} "-" prints it. */
    public record Request(String file, boolean force, String maxSilence, Flags flags) {
        public Request {
            if (Durations.parse(maxSilence) == null) {
                throw NotifException.usage("--max-silence must be a duration such as 24h, 90m or 7d, got '"
                    + maxSilence + "'", "for example --max-silence 24h");
            }
            if (!file.equals("-") && Files.exists(Path.of(file)) && !force) {
                throw NotifException.usage(file + " already exists", "pass --force to replace it, or --config"
                    + " OTHER_FILE");
            }
        }
    }

    private Init() {
    }

    /** What init wrote (the JSON of notif init). */
    public record Result(boolean ok, String file, boolean written, List<AppLine> apps, List<String> discovered,
                             String content) implements dev.notif.output.Result {
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
            out.line("next: fill in what the comments ask, then notif check" + (file.equals(DEFAULT_FILE)
                ? "" : " --config " + file));
        }
    }

    /**
     * Builds the file from the flags and, when {@code account} is given, one app per endpoint of it that receives an
     * event the ingestion service accepts; checks it reads back with {@code schema}; writes or returns it.
     */
    public static Result run(Request request, StripeAccount account, String mode, Schema schema, String version,
            Consumer<String> warn) {
        List<StarterFile.App> apps = new ArrayList<>();
        List<String> discovered = new ArrayList<>();
        StarterFile.App given = fromFlags(request.flags());
        if (given != null) {
            apps.add(given);
        }
        if (account != null) {
            apps.addAll(discoverStripe(account, mode, request.flags().stripeUrl(), discovered, given, warn));
        }
        if (apps.isEmpty()) {
            apps.add(example());
        }
        String header = "notif.toml: the apps and stores that notif check, plan and apply work on; docs/config.md"
            + " lists every key.\nValues may be \"${ENV_VAR}\" (read from the environment) or \"file:PATH\" (a file's"
            + " content): keep secrets out of this file.\nWritten by notif init " + version + ".";
        String content = StarterFile.render(header, request.maxSilence(), apps);
        verify(content, schema);
        List<Result.AppLine> lines = apps.stream().map(a -> new Result.AppLine(a.name(),
            a.stores().stream().map(StarterFile.Store::name).toList())).toList();
        if (request.file().equals("-")) {
            return new Result(true, "-", false, lines, discovered, content);
        }
        Path path = Path.of(request.file());
        try {
            Files.writeString(path, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw NotifException.usage("cannot write " + path + ": " + e.getMessage(), "choose a writable path");
        }
        return new Result(true, path.toString(), true, lines, discovered, null);
    }

    private static StarterFile.App fromFlags(Flags f) {
        List<StarterFile.Store> stores = new ArrayList<>();
        String firstHost = null;
        if (f.stripeUrl() != null) {
            firstHost = Urls.http("--stripe-url", f.stripeUrl()).host();
            stores.add(stripeStore(f.stripeUrl(), f.trackNewPurchases(), null));
        }
        if (f.appleBundleId() != null) {
            StarterFile.Store s = new StarterFile.Store("apple", "Apple: the In-App Purchase key (App Store Server API)"
                + " checks; plan/apply need the team key (asc_*)")
                .put("bundle_id", f.appleBundleId());
            if (f.appleUrl() != null) {
                firstHost = firstHost != null ? firstHost : Urls.http("--apple-url", f.appleUrl()).host();
                s.put("url", f.appleUrl());
            } else {
                s.example("url", "url = \"https://backend.example.com/apple\"   # the URL Apple should deliver to");
            }
            s.put("environments", List.of("production", "sandbox")).put("key_file", "${APPLE_IAP_KEY_FILE}")
                .put("key_id", "${APPLE_IAP_KEY_ID}").put("issuer_id", "${APPLE_ISSUER_ID}")
                .example("asc_key_file", "asc_key_file = \"${ASC_KEY_FILE}\"   # with asc_key_id and asc_issuer_id,"
                    + " for plan/apply");
            stores.add(s);
        }
        if (f.googleTopic() != null) {
            StarterFile.Store s = new StarterFile.Store("google", "Google Play: the Pub/Sub topic Play publishes to");
            if (f.googleProject() != null) {
                s.put("project", f.googleProject());
            }
            s.put("topic", f.googleTopic());
            if (f.googleUrl() != null) {
                firstHost = firstHost != null ? firstHost : Urls.http("--google-url", f.googleUrl()).host();
                s.put("url", f.googleUrl());
            }
            s.put("credentials", "${GOOGLE_APPLICATION_CREDENTIALS}");
            stores.add(s);
        }
        if (f.amazonUrl() != null) {
            firstHost = firstHost != null ? firstHost : Urls.http("--amazon-url", f.amazonUrl()).host();
            stores.add(new StarterFile.Store("amazon", "Amazon Appstore: Real-time Notifications over SNS; for"
                + " max_silence set receiver = \"http://HOST:8085\" (a notif listen receiver)").put("url", f.amazonUrl()));
        }
        if (stores.isEmpty()) {
            if (f.app() != null || f.appleUrl() != null || f.googleUrl() != null || f.googleProject() != null) {
                throw NotifException.usage("name at least one store: --stripe-url, --apple-bundle-id, --google-topic"
                    + " or --amazon-url", "for example notif init --app " + (f.app() == null ? "my-app" : f.app())
                    + " --stripe-url https://api.example.com/stripe");
            }
            return null;
        }
        return new StarterFile.App(f.app() != null ? f.app() : StarterFile.nameFor(firstHost, "my-app"), null, stores);
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
    private static List<StarterFile.App> discoverStripe(StripeAccount account, String mode, String stripeUrl,
            List<String> discovered, StarterFile.App given, Consumer<String> warn) {
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
                : e.enabledEvents().size() + " event types") + ") found in the " + mode + "-mode account";
            apps.add(new StarterFile.App(unique, null, List.of(stripeStore(e.url(), track, note))));
            discovered.add(e.id() + " " + e.url());
        }
        if (apps.isEmpty()) {
            warn.accept("the Stripe account has no webhook endpoint that receives the ingestion service's events");
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
                    .put("url", "https://backend.example.com/google")
                    .put("credentials", "${GOOGLE_APPLICATION_CREDENTIALS}"),
                new StarterFile.Store("amazon", "Amazon Appstore").put("url", "https://backend.example.com/amazon")));
    }

    /** The file must read back: a mistake here would be notif's own. */
    private static void verify(String content, Schema schema) {
        try {
            Path tmp = Files.createTempFile("notif-init", ".toml");
            try {
                Files.writeString(tmp, content, StandardCharsets.UTF_8);
                ConfigReader.read(tmp, schema, java.util.Map.of());
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
