import dev.notif.amazon.SnsMessage;
import dev.notif.stripe.StripeEvents;
import dev.notif.testing.AppleTestKeys;
import dev.notif.testing.FakeAppStoreServerApi;
import dev.notif.testing.FakeGoogle;
import dev.notif.testing.FakeStripe;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * The loopback stand-ins of the test suite for the fleet benchmark, serving N apps with all four stores: the Stripe
 * fake (an endpoint per app, {@value #ENDPOINTS_PER_ACCOUNT} apps to an account, so that the fleet spreads over
 * accounts as a real one must; recent delivered events), the App Store Server API fakes (production and sandbox;
 * each app its own bundle id, one In-App Purchase key of the team for all), the Google fake (a topic, Play's publish
 * right and a push subscription per app) and an Amazon endpoint that fetches the SubscribeURL as Amazon's console
 * expects; the ingestion URLs answer unsigned probes with 400.
 * Writes DIR/fleet-1.toml and DIR/fleet-N.toml, prints "ready", and serves until stdin closes.
 *
 * <p>Usage: {@code FleetStandIns DIR N}.
 */
public final class FleetStandIns {
    static final String KEY_ID = "8Y4RNTQ2TD";
    static final String ISSUER = "57246542-96fe-1a63-e053-0824d011072a";
    static final String BUNDLE = "com.example.game";
    static final String PLAY = "serviceAccount:google-play-developer-notifications@system.gserviceaccount.com";
    /**
     * Webhook endpoints a Stripe account may have ("You can register up to 16 webhook endpoints on each Stripe
     * account", docs.stripe.com/development/dashboard/webhooks): each account's fake serves this many apps.
     */
    static final int ENDPOINTS_PER_ACCOUNT = 16;

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int apps = Integer.parseInt(args[1]);
        Files.createDirectories(dir);
        long now = Instant.now().getEpochSecond();
        HttpClient fetch = HttpClient.newHttpClient();
        List<FakeStripe> accounts = new ArrayList<>();
        try {
            KeyPair pair = AppleTestKeys.generate();
            Path p8 = AppleTestKeys.writeP8(dir, "SubscriptionKey_" + KEY_ID + ".p8", pair);
            MockWebServer production = server(new FakeAppStoreServerApi(pair.getPublic(), KEY_ID, ISSUER, BUNDLE,
                bundles(apps)));
            MockWebServer sandbox = server(new FakeAppStoreServerApi(pair.getPublic(), KEY_ID, ISSUER, BUNDLE,
                bundles(apps)));
            FakeGoogle google = new FakeGoogle(dir);
            forgetting(google.server);
            Path sa = google.keyFile();
            MockWebServer ingestion = server(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    String body = request.getBody().readUtf8();
                    if (request.getPath().startsWith("/amazon")) {
                        try {
                            SnsMessage m = SnsMessage.parse(body);
                            if (m.subscribeUrl() != null) {
                                fetch.send(HttpRequest.newBuilder(URI.create(m.subscribeUrl())).GET().build(),
                                    HttpResponse.BodyHandlers.discarding());
                            }
                            return new MockResponse().setResponseCode(200);
                        } catch (Exception e) {
                            return new MockResponse().setResponseCode(400);
                        }
                    }
                    return new MockResponse().setResponseCode(400).setBody("{\"error\":\"signature_mismatch\"}");
                }
            });
            String base = ingestion.url("/").toString().replaceAll("/$", "");
            StringBuilder all = new StringBuilder("[concurrency]\nstripe = 16\napple = 16\ngoogle = 16\namazon = 16\n");
            for (int i = 1; i <= apps; i++) {
                if ((i - 1) % ENDPOINTS_PER_ACCOUNT == 0) {
                    accounts.add(new FakeStripe());
                    accounts.get(accounts.size() - 1).addEvent("customer.subscription.updated", now - 600, 0);
                }
                FakeStripe stripe = accounts.get(accounts.size() - 1);
                String url = base + "/stripe/app-" + i;
                stripe.addEndpoint(url, "enabled", now - 86400, StripeEvents.allowed(false).toArray(String[]::new));
                String topic = "projects/acme-prod/topics/rtdn-" + i;
                google.givenTopic(topic);
                google.givenBinding(topic, "roles/pubsub.publisher", PLAY);
                google.givenSubscription("projects/acme-prod/subscriptions/rtdn-" + i + "-push", topic,
                    base + "/google/app-" + i).put("ackDeadlineSeconds", 60).putObject("expirationPolicy");
                String app = """

                    [[app]]
                    name = "app-%1$d"
                      [app.stripe]
                      url = "%2$s/stripe/app-%1$d"
                      api_key = "%3$s"
                      api_base = "%4$s"
                      [app.apple]
                      bundle_id = "%5$s"
                      key_file = "%6$s"
                      key_id = "%7$s"
                      issuer_id = "%8$s"
                      api_base = "%9$s"
                      sandbox_api_base = "%10$s"
                      [app.google]
                      project = "acme-prod"
                      topic = "rtdn-%1$d"
                      url = "%2$s/google/app-%1$d"
                      credentials = "%11$s"
                      pubsub_api_base = "%12$s"
                      monitoring_api_base = "%12$s"
                      resourcemanager_api_base = "%12$s"
                      [app.amazon]
                      url = "%2$s/amazon/app-%1$d"
                      wait = 5
                    """.formatted(i, base, FakeStripe.KEY, stripe.apiBase(), BUNDLE + "-" + i, p8, KEY_ID, ISSUER,
                    production.url("/"), sandbox.url("/"), sa, google.base());
                all.append(app);
                if (i == 1) {
                    write(dir.resolve("fleet-1.toml"), all.toString());
                }
            }
            write(dir.resolve("fleet-" + apps + ".toml"), all.toString());
            System.out.println("ready");
            System.out.flush();
            while (System.in.read() >= 0) {
                // serve until the benchmark closes our stdin
            }
        } finally {
            for (FakeStripe account : accounts) {
                account.close();
            }
        }
        System.exit(0); // the fakes' server threads would keep the JVM (and its ports) alive after bench/run ends
    }

    /** Each app's own bundle id, as in a real fleet (one In-App Purchase key of the team signs for all of them). */
    static String[] bundles(int apps) {
        String[] b = new String[apps];
        for (int i = 1; i <= apps; i++) {
            b[i - 1] = BUNDLE + "-" + i;
        }
        return b;
    }

    static void write(Path file, String text) throws Exception {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }

    static MockWebServer server(Dispatcher d) throws Exception {
        MockWebServer s = dev.notif.testing.NoDelay.of(new MockWebServer());
        s.setDispatcher(d);
        s.start();
        return forgetting(s);
    }

    /**
     * {@code server}, the requests it records (every one, for tests to take) taken as they come: over the benchmark's
     * runs they would otherwise fill the stand-ins' heap and cost them more and more collections.
     */
    static MockWebServer forgetting(MockWebServer server) {
        Thread t = new Thread(() -> {
            try {
                while (true) {
                    server.takeRequest();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "forget-" + server.getPort());
        t.setDaemon(true);
        t.start();
        return server;
    }
}
