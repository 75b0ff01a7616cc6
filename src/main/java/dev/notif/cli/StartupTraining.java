package dev.notif.cli;

import com.sun.net.httpserver.HttpServer;
import dev.notif.core.Context;
import dev.notif.core.Json;
import dev.notif.core.LocalServers;
import dev.notif.core.Pem;
import dev.notif.stripe.StripeEvents;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * The workload that records the classes notif loads into a class-data sharing archive (the AOT cache on Java 25+,
 * a dynamic CDS archive before). An archive holds one family of commands, the ones that load the same libraries,
 * because the JVM maps (and, for an AOT cache, loads and links) every class of the archive at start: a store's
 * deliveries ({@code stripe}: send and verify stripe; {@code apple}, {@code google}, {@code amazon}), a store's API
 * commands ({@code stripe-api}: setup, check, rotate and resend stripe, with stripe-java; {@code apple-api}...), the
 * runs over notif.toml ({@code fleet}: check, plan and apply, which load every store's libraries), or {@code base}
 * (help, version, listen, status, completion, demo, init); with no family, all of them in one archive. The launcher
 * names the family of the command it runs ({@code src/dist/bin/notif}); the release build records every family into
 * the standalone image ({@code --families} prints them). Each family runs its commands' help, through the
 * pre-rendered pages and through picocli, and real runs against a loopback server that answers as the Stripe API,
 * as Google's token endpoint and as an ingestion endpoint (Amazon's visits the SubscribeURL). It prints nothing and
 * writes only under a temporary directory; the JVM writes the archive when it exits.
 */
public final class StartupTraining {
    /** The families, in the order the launcher knows them. */
    public static final List<String> FAMILIES = List.of("stripe", "stripe-api", "apple", "apple-api", "google",
        "google-api", "amazon", "amazon-api", "fleet", "base");

    private static Map<String, String> env = Map.of();

    private StartupTraining() {
    }

    public static void main(String[] args) throws IOException, ClassNotFoundException {
        String family = args.length > 0 ? args[0] : "all";
        if (family.equals("--families")) {
            System.out.println(String.join(" ", FAMILIES));
            return;
        }
        if (!family.equals("all") && !FAMILIES.contains(family)) {
            throw new IllegalArgumentException("no family " + family + "; one of " + FAMILIES);
        }
        Class.forName("dev.notif.Main", false, StartupTraining.class.getClassLoader()); // as Main starts
        dev.notif.core.ShutdownHooks.registered(); // as Main ends
        System.console();
        Path home = Files.createTempDirectory("notif-training");
        env = Map.of("NOTIF_CONFIG_DIR", home.resolve("config").toString(), "NOTIF_DATA_DIR",
            home.resolve("data").toString());
        try {
            train(family, home);
        } finally {
            delete(home);
        }
    }

    private static void train(String family, Path home) throws IOException {
        List<List<String>> paths = new ArrayList<>();
        collect(NotifCommand.class, List.of(), paths);
        run("--version");
        run("-V");
        for (List<String> path : paths) {
            if (!family.equals("all") && !family.equals(familyOf(path))) {
                continue;
            }
            List<String> help = new ArrayList<>(path);
            help.add("--help");
            String[] argv = help.toArray(String[]::new);
            run(argv);
            Context ctx = context();
            Cli.commandLine(ctx, argv).execute(argv); // the same page through picocli: what other option mixes take
        }
        if (family.equals("base")) {
            return;
        }
        Map<String, byte[]> received = new java.util.concurrent.ConcurrentHashMap<>();
        HttpServer receiver = LocalServers.create(InetAddress.getLoopbackAddress().getHostAddress(), 0, 0);
        String base = "http://127.0.0.1:";
        receiver.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
                String path = exchange.getRequestURI().getPath();
                received.put(path, in.readAllBytes());
                String url = base + receiver.getAddress().getPort() + "/stripe";
                String json = path.equals("/v1/account") ? ACCOUNT
                    : path.equals("/v1/webhook_endpoints") ? String.format(ENDPOINTS, url, allowedEvents())
                    : path.equals("/v1/events") ? EVENTS : path.equals("/token") ? TOKEN
                    : path.startsWith("/fleet/amazon") ? confirm(received.get(path)) : "{\"received\":true}";
                byte[] body = json.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                out.write(body);
            }
        });
        receiver.start();
        try {
            String api = base + receiver.getAddress().getPort();
            String url = api + "/stripe";
            String secret = "whsec_trainingtrainingtrainingtraining";
            if (family.equals("all") || family.equals("stripe")) {
                run("send", "stripe", "--url", "not a url", "--secret", secret);
                run("send", "stripe", "--url", url, "--secret", secret);
                run("send", "stripe", "--url", url, "--secret", secret, "--json", "--event", "charge.refunded");
            }
            if (family.equals("all") || family.equals("stripe-api")) {
                run("setup", "stripe", "--url", url, "--api-key", "sk_test_training", "--api-base", api, "--dry-run");
                run("setup", "stripe", "--url", url, "--api-key", "sk_test_training", "--api-base", api);
                run("check", "stripe", "--url", url, "--api-key", "sk_test_training", "--api-base", api, "--json");
                run("check", "stripe", "--url", url, "--api-key", "sk_test_training", "--api-base", api, "--secret",
                    secret);
            }
            if (family.equals("all") || family.equals("apple")) {
                firstRun(home.resolve("config"), "dev.notif.apple.AppleTestChain", Clock.class, Clock.systemUTC());
                run("send", "apple", "--url", api + "/apple", "--bundle-id", "com.example.training");
                run("send", "apple", "--url", api + "/apple", "--bundle-id", "com.example.training", "--json");
                Path payload = home.resolve("apple.json");
                Files.write(payload, received.getOrDefault("/apple", new byte[0]));
                Path root = home.resolve("config").resolve("apple-test-chain").resolve("root.pem");
                run("verify", "apple", "--payload", payload.toString(), "--root", root.toString());
                run("verify", "apple", "--payload", payload.toString(), "--root", root.toString(), "--json");
            }
            if (family.equals("all") || family.equals("google")) {
                run("send", "google", "--url", api + "/google", "--package", "com.example.training");
                run("send", "google", "--url", api + "/google", "--package", "com.example.training", "--json");
            }
            if (family.equals("all") || family.equals("amazon")) {
                firstRun(home.resolve("config"), "dev.notif.amazon.ThrowawaySigner", Instant.class, Instant.now());
                run("send", "amazon", "--url", api + "/amazon");
                run("send", "amazon", "--url", api + "/amazon", "--json");
                Path message = home.resolve("amazon.json");
                Files.write(message, received.getOrDefault("/amazon", new byte[0]));
                run("verify", "amazon", "--message", message.toString());
            }
            if (family.equals("all") || family.equals("fleet")) {
                firstRun(home.resolve("config"), "dev.notif.amazon.ThrowawaySigner", Instant.class, Instant.now());
                Path toml = fleetConfig(home, api);
                run("check", "--config", toml.toString());
                run("check", "--config", toml.toString(), "--json");
                run("plan", "--config", toml.toString());
            }
        } finally {
            receiver.stop(0);
        }
    }

    /**
     * Makes the files a store's first run makes under the configuration directory (Apple's test chain, Amazon's
     * throwaway signer: {@code CLASS.loadOrCreate(configDir, when)}) in a class loader of its own, whose classes no
     * archive holds, so that the family's archive holds what every later run does (read them) rather than what the
     * first one does. Making Apple's chain takes BouncyCastle's certificate builder, and the JVM links every class of an
     * AOT cache as it starts, loading what each needs to be verified: a chain maker in the cache would have every
     * command of the family load classes from BouncyCastle's signed jars and check their signatures (about 300 ms of
     * CPU).
     */
    private static void firstRun(Path configDir, String className, Class<?> whenType, Object when) throws IOException {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            urls.add(Path.of(entry).toUri().toURL());
        }
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            Class.forName(className, true, loader).getMethod("loadOrCreate", Path.class, whenType)
                .invoke(null, configDir, when);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make what a first run of " + className + " makes", e);
        }
    }

    /**
     * The family of a command path (as the launcher picks it): {@code STORE}, {@code STORE-api}, {@code fleet} (a run
     * over notif.toml) or {@code base}.
     */
    static String familyOf(List<String> path) {
        if (path.size() == 1 && List.of("check", "plan", "apply").contains(path.get(0))) {
            return "fleet";
        }
        if (path.size() >= 2 && FleetStores.STORES.contains(path.get(1))) {
            if (List.of("send", "verify").contains(path.get(0))) {
                return path.get(1);
            }
            if (List.of("setup", "check", "rotate", "resend").contains(path.get(0))) {
                return path.get(1) + "-api";
            }
        }
        return "base";
    }

    private static void delete(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    private static final String ACCOUNT =
        "{\"id\":\"acct_1Training\",\"object\":\"account\",\"settings\":{\"dashboard\":{\"display_name\":\"Training\"}}}";
    private static final String ENDPOINTS = "{\"object\":\"list\",\"url\":\"/v1/webhook_endpoints\",\"has_more\":false,"
        + "\"data\":[{\"id\":\"we_1Training\",\"object\":\"webhook_endpoint\",\"url\":\"%s\",\"status\":\"enabled\","
        + "\"enabled_events\":[%s],\"created\":1700000000,\"livemode\":false,\"metadata\":{}}]}";
    private static final String EVENTS = "{\"object\":\"list\",\"url\":\"/v1/events\",\"has_more\":false,\"data\":[]}";

    /**
     * A notif.toml of one app with every store against the training server (its Stripe answers; an access token;
     * an ingestion URL for Amazon that visits the SubscribeURL), the keys it names written beside it: a run over it
     * loads what a run over the user's file does, libraries and all, whatever the other answers make of it.
     */
    private static Path fleetConfig(Path home, String api) throws IOException {
        try {
            KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
            ec.initialize(new ECGenParameterSpec("secp256r1"));
            Path p8 = home.resolve("SubscriptionKey_TRAINING01.p8");
            Files.writeString(p8, Pem.encode("PRIVATE KEY", ec.generateKeyPair().getPrivate().getEncoded()));
            KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
            rsa.initialize(2048);
            Path sa = home.resolve("sa.json");
            Files.writeString(sa, Json.pretty(Json.object()
                .put("type", "service_account").put("project_id", "training")
                .put("private_key_id", "0123456789abcdef0123456789abcdef01234567")
                .put("private_key", Pem.encode("PRIVATE KEY", rsa.generateKeyPair().getPrivate().getEncoded()))
                .put("client_email", "training@training.iam.gserviceaccount.com").put("client_id", "1")
                .put("token_uri", api + "/token")));
            Path toml = home.resolve("notif.toml");
            Files.writeString(toml, FLEET.formatted(api, p8, sa));
            Files.setPosixFilePermissions(toml, PosixFilePermissions.fromString("rw-------"));
            return toml;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the training's Amazon endpoint answers a message: it visits the SubscribeURL first, as Amazon asks. */
    private static String confirm(byte[] message) {
        try {
            String subscribe = Json.parse(new String(message, StandardCharsets.UTF_8))
                .path("SubscribeURL").asText("");
            if (!subscribe.isEmpty()) {
                try (InputStream in = URI.create(subscribe).toURL().openStream()) {
                    in.readAllBytes();
                }
            }
        } catch (IOException | RuntimeException e) {
            // the training goes on: what it loads matters, not what the check makes of it
        }
        return "{}";
    }

    private static final String TOKEN = "{\"access_token\":\"ya29.training\",\"expires_in\":3600,\"token_type\":\"Bearer\"}";
    private static final String FLEET = """
        [[app]]
        name = "training"
          [app.stripe]
          url = "%1$s/stripe"
          api_key = "sk_test_training"
          api_base = "%1$s"
          [app.apple]
          url = "https://127.0.0.1:1443/apple"
          bundle_id = "com.example.training"
          key_file = "%2$s"
          key_id = "TRAINING01"
          issuer_id = "57246542-96fe-1a63-e053-0824d011072a"
          api_base = "%1$s/"
          sandbox_api_base = "%1$s/"
          wait = 1
          [app.google]
          project = "training"
          topic = "rtdn"
          url = "%1$s/google"
          credentials = "%3$s"
          pubsub_api_base = "%1$s"
          monitoring_api_base = "%1$s"
          resourcemanager_api_base = "%1$s"
          [app.amazon]
          url = "%1$s/fleet/amazon"
          wait = 2
        """;

    private static String allowedEvents() {
        List<String> quoted = new ArrayList<>();
        StripeEvents.allowed(false).forEach(e -> quoted.add("\"" + e + "\""));
        return String.join(",", quoted);
    }

    private static void run(String... args) {
        StringWriter err = new StringWriter();
        int code = Cli.run(context(err), args);
        if (Boolean.getBoolean("notif.training.verbose")) { // what each run exited with: a usage error trains little
            System.err.println(code + " notif " + String.join(" ", args) + (code == 0 ? "" : "\n" + err));
        }
    }

    private static Context context() {
        return context(new StringWriter());
    }

    private static Context context(StringWriter err) {
        return new Context(env, new PrintWriter(new StringWriter()), new PrintWriter(err),
            InputStream.nullInputStream(), Clock.systemUTC(), false);
    }

    /** Every command path, read from the annotations alone: building the commands would load every command's classes. */
    private static void collect(Class<?> command, List<String> path, List<List<String>> paths) {
        paths.add(path);
        for (Class<?> sub : command.getAnnotation(Command.class).subcommands()) {
            List<String> child = new ArrayList<>(path);
            child.add(sub.getAnnotation(Command.class).name());
            collect(sub, child, paths);
        }
    }
}
