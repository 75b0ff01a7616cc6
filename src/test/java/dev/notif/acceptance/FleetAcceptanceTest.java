package dev.notif.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notif.core.Json;
import dev.notif.corpus.ExternalReceiver;
import dev.notif.stripe.StripeEvents;
import dev.notif.testing.NotifRun;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.apache.maven.plugins.surefire.report.ReportTestCase;
import org.apache.maven.plugins.surefire.report.ReportTestSuite;
import org.apache.maven.plugins.surefire.report.TestSuiteXmlParser;
import org.apache.maven.plugin.surefire.log.api.NullConsoleLogger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 judged as it says: a notif.toml of several apps with every store, some healthy and some broken in different
 * ways, run by {@code notif check} against stand-ins that notif's code and its Java fakes had no part in
 * ({@code src/test/resources/acceptance/providers.py}: Python's http.server speaking the providers' documented
 * shapes, and backends that verify what they get the way their users write them). Every broken app and store is
 * named with its cause; the exit code is the worst of the run and names who set it; the JUnit file passes the JUnit
 * XML schema Jenkins' xUnit plugin publishes and is read by Maven Surefire's own report parser; a bad file gets its
 * FILE:LINE:COLUMN line; and no secret (those in the file, and the token and key a peer quotes back) appears in
 * stdout, stderr, the JSON, the JUnit file, the GitHub annotations or the job summary.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FleetAcceptanceTest {
    static final String KEY_A = "sk_test_51AcmeAccountA00000000000000000000000000aaaa";
    static final String KEY_B = "sk_test_51ShopAccountB00000000000000000000000000bbbb";
    static final String KEY_BUSY = "sk_test_51BusyAccountC00000000000000000000000000cccc";
    static final String KEY_REVOKED = "sk_test_51RevokedKey000000000000000000000000000dddd";
    static final String WHSEC_WEB = "whsec_WebBackendSecret0000000000000000000001";
    static final String WHSEC_OLD = "whsec_OldSecretBeforeRotation0000000000000002";
    static final String WHSEC_NEW = "whsec_NewSecretAfterRotation00000000000000003";
    static final String WHSEC_SHOP = "whsec_ShopBackendSecret000000000000000000004";
    static final String APPLE_KEY_ID = "2X9R4HXF34";
    static final String APPLE_ISSUER = "57246542-96fe-1a63-e053-0824d011072a";
    static final String GOOGLE_TOKEN = "ya29.standin-access-token-0123456789abcdefghijklmnopqrstuvwxyz";
    static final String GOOGLE_EMAIL = "notif-ci@acme.iam.gserviceaccount.com";
    static final String PLAY = "serviceAccount:google-play-developer-notifications@system.gserviceaccount.com";
    static final List<String> SECRETS = List.of(KEY_A, KEY_B, KEY_BUSY, KEY_REVOKED, WHSEC_WEB, WHSEC_OLD, WHSEC_NEW,
        WHSEC_SHOP, GOOGLE_TOKEN);

    @TempDir
    static Path home;
    Process providers;
    Map<String, Integer> ports;
    Path config;
    final List<String> keyMaterial = new ArrayList<>();
    NotifRun.Result run;
    JsonNode report;
    Path junit;
    Path summary;

    @BeforeAll
    void start() throws Exception {
        assumeTrue(ExternalReceiver.available("python3"), "python3 is not installed here");
        Path scenario = home.resolve("scenario.json");
        Files.writeString(scenario, Json.pretty(scenario()));
        Path script = home.resolve("providers.py");
        try (InputStream in = getClass().getResourceAsStream("/acceptance/providers.py")) {
            Files.copy(in, script);
        }
        providers = new ProcessBuilder("python3", script.toString(), scenario.toString())
            .redirectError(home.resolve("providers.err").toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(providers.getInputStream(), StandardCharsets.UTF_8));
        String line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        }).get(60, TimeUnit.SECONDS);
        if (line == null || !line.startsWith("PORTS ")) {
            throw new IllegalStateException("providers.py did not start: " + line + " "
                + Files.readString(home.resolve("providers.err")));
        }
        ports = new LinkedHashMap<>();
        Json.parse(line.substring(6)).fields().forEachRemaining(e -> ports.put(e.getKey(), e.getValue().asInt()));
        writeFleet();
        junit = home.resolve("reports/notif-junit.xml");
        Files.createDirectories(junit.getParent());
        summary = home.resolve("step-summary.md");
        run = notif().env("GITHUB_ACTIONS", "true").env("GITHUB_STEP_SUMMARY", summary.toString())
            .run("check", "--config", config.toString(), "--json", "--junit", junit.toString());
        report = run.json();
    }

    @AfterAll
    void stop() throws Exception {
        if (providers != null) {
            providers.destroy();
            if (!providers.waitFor(10, TimeUnit.SECONDS)) {
                providers.destroyForcibly();
            }
        }
    }

    String base(String server) {
        return "http://127.0.0.1:" + ports.get(server);
    }

    NotifRun notif() {
        return NotifRun.in(home).env("KEY_A", KEY_A).env("KEY_B", KEY_B).env("KEY_BUSY", KEY_BUSY)
            .env("KEY_REVOKED", KEY_REVOKED).env("ROTATED_SECRET", WHSEC_OLD)
            // what a single-store run would fall back to: never read in a run over the file
            .env("STRIPE_API_KEY", KEY_A).env("STRIPE_WEBHOOK_SECRET", WHSEC_NEW);
    }

    /** What the stand-ins hold: accounts, endpoints, events, histories, subscriptions (ages in seconds before now). */
    ObjectNode scenario() {
        List<String> allowed = StripeEvents.allowed(false).stream().toList();
        ObjectNode s = Json.object();
        ObjectNode stripe = s.putObject("stripe");
        ObjectNode a = stripe.putObject(KEY_A).put("id", "acct_1Acme");
        ArrayNode endpoints = a.putArray("endpoints");
        endpoint(endpoints, "{backend}/stripe/web", "enabled", allowed);
        endpoint(endpoints, "{backend}/stripe/rotated", "enabled", allowed);
        endpoint(endpoints, "{backend}/stripe/wildcard", "enabled", List.of("*"));
        endpoint(endpoints, "{backend}/stripe/disabled", "disabled", allowed);
        ArrayNode events = a.putArray("events");
        events.addObject().put("type", "customer.subscription.updated").put("age_seconds", 3600).put("pending_webhooks", 0);
        events.addObject().put("type", "invoice.updated").put("age_seconds", 7200).put("pending_webhooks", 0);
        ObjectNode b = stripe.putObject(KEY_B).put("id", "acct_1Shop");
        endpoint(b.putArray("endpoints"), "{backend}/stripe/shop", "enabled", allowed);
        ArrayNode shopEvents = b.putArray("events");
        shopEvents.addObject().put("type", "customer.subscription.updated").put("age_seconds", 3 * 86400 + 600)
            .put("pending_webhooks", 0);
        // since then every delivery failed: given up on after Stripe's retries, or still being retried
        shopEvents.addObject().put("type", "invoice.updated").put("age_seconds", 2 * 86400).put("pending_webhooks", 1)
            .put("delivered", false);
        shopEvents.addObject().put("type", "customer.subscription.deleted").put("age_seconds", 3600)
            .put("pending_webhooks", 1).put("delivered", false);
        ObjectNode busy = stripe.putObject(KEY_BUSY).put("id", "acct_1Busy").put("rate_limited_first", 3);
        endpoint(busy.putArray("endpoints"), "{backend}/stripe/busy", "enabled", allowed);
        busy.putArray("events").addObject().put("type", "charge.refunded").put("age_seconds", 600)
            .put("pending_webhooks", 0);

        ObjectNode apple = s.putObject("apple");
        apple.putObject("key").put("key_id", APPLE_KEY_ID).put("issuer", APPLE_ISSUER);
        ObjectNode prod = apple.putObject("production");
        ObjectNode ios = prod.putObject("com.acme.ios");
        ios.putArray("test_attempts").add("SUCCESS");
        ArrayNode history = ios.putArray("history");
        history.addObject().put("type", "DID_RENEW").put("age_seconds", 7200).put("result", "SUCCESS");
        history.addObject().put("type", "SUBSCRIBED").put("age_seconds", 86400 * 3).put("result", "SUCCESS");
        ObjectNode down = prod.putObject("com.acme.ios.down");
        down.putArray("test_attempts").add("NO_RESPONSE").add("NO_RESPONSE");
        ArrayNode downHistory = down.putArray("history");
        downHistory.addObject().put("type", "DID_RENEW").put("age_seconds", 86400 * 5).put("result", "SUCCESS");
        downHistory.addObject().put("type", "DID_RENEW").put("age_seconds", 86400).put("result", "NO_RESPONSE");
        ObjectNode sandbox = apple.putObject("sandbox");
        sandbox.putObject("com.acme.ios");
        sandbox.putObject("com.acme.ios.down");
        sandbox.putObject("com.acme.ios.beta").put("url_configured", false);
        prod.putObject("com.acme.ios.beta");

        ObjectNode google = s.putObject("google").put("client_email", GOOGLE_EMAIL);
        ObjectNode topics = google.putObject("topics");
        topics.putObject("projects/acme-prod/topics/rtdn").putArray("publishers").add(PLAY);
        topics.putObject("projects/acme-prod/topics/rtdn-stuck").putArray("publishers").add(PLAY);
        // Play was never given the right to publish: nothing reaches the topic
        topics.putObject("projects/acme-prod/topics/rtdn-closed").putArray("publishers")
            .add("serviceAccount:" + GOOGLE_EMAIL);
        ObjectNode subs = google.putObject("subscriptions");
        ObjectNode healthy = subs.putObject("projects/acme-prod/subscriptions/rtdn-push")
            .put("topic", "projects/acme-prod/topics/rtdn").put("push", "https://api.acme.example/google")
            .put("retention", "604800s").put("oldest_unacked_seconds", 0).put("undelivered", 0);
        healthy.putArray("pushes").addObject().put("class", "ack").put("code", "200").put("age_seconds", 1800)
            .put("count", 12);
        ObjectNode stuck = subs.putObject("projects/acme-prod/subscriptions/rtdn-stuck-push")
            .put("topic", "projects/acme-prod/topics/rtdn-stuck").put("push", "https://api.acme.example/google-stuck")
            .put("retention", "604800s").put("oldest_unacked_seconds", 5 * 86400).put("undelivered", 40);
        subs.putObject("projects/acme-prod/subscriptions/rtdn-closed-push")
            .put("topic", "projects/acme-prod/topics/rtdn-closed").put("push", "https://api.acme.example/google-closed")
            .put("retention", "604800s").put("oldest_unacked_seconds", 0).put("undelivered", 0).putArray("pushes");
        ArrayNode pushes = stuck.putArray("pushes");
        pushes.addObject().put("class", "ack").put("code", "200").put("age_seconds", 5 * 86400 + 3600).put("count", 3);
        pushes.addObject().put("class", "remote_server_5xx").put("code", "503").put("age_seconds", 600).put("count", 90);

        ObjectNode backend = s.putObject("backend");
        List<String> accepts = allowed;
        stripeReceiver(backend, "/stripe/web", WHSEC_WEB, accepts);
        stripeReceiver(backend, "/stripe/rotated", WHSEC_NEW, accepts); // the backend was given the new secret
        stripeReceiver(backend, "/stripe/wildcard", WHSEC_WEB, accepts);
        stripeReceiver(backend, "/stripe/disabled", WHSEC_WEB, accepts);
        backend.putObject("/stripe/shop").put("kind", "status").put("status", 503)
            .put("body", "<html><body><h1>503 Service Unavailable</h1></body></html>");
        stripeReceiver(backend, "/stripe/busy", WHSEC_WEB, accepts);
        backend.putObject("/amazon").put("kind", "sns");
        backend.putObject("/amazon-blocked").put("kind", "sns").put("answer", 403);
        backend.putObject("/apple").put("kind", "status").put("status", 200);

        ObjectNode receiver = s.putObject("receiver");
        receiver.putObject("amazon").put("accepted", 12).put("age_seconds", 3600).put("type", "SUBSCRIPTION_RENEWED")
            .put("id", "7d2a1f50-rtn");
        return s;
    }

    static void endpoint(ArrayNode list, String url, String status, List<String> events) {
        ObjectNode e = list.addObject().put("url", url).put("status", status);
        ArrayNode enabled = e.putArray("enabled_events");
        events.forEach(enabled::add);
    }

    static void stripeReceiver(ObjectNode backend, String path, String secret, List<String> accepts) {
        ObjectNode r = backend.putObject(path).put("kind", "stripe").put("secret", secret);
        ArrayNode a = r.putArray("accepts");
        accepts.forEach(a::add);
    }

    void writeFleet() throws Exception {
        Path whsec = home.resolve("secrets/whsec-web");
        Files.createDirectories(whsec.getParent());
        Files.writeString(whsec, WHSEC_WEB + "\n");
        Files.setPosixFilePermissions(whsec, PosixFilePermissions.fromString("rw-------"));
        Path shopSecret = home.resolve("secrets/whsec-shop");
        Files.writeString(shopSecret, WHSEC_SHOP + "\n");
        Files.setPosixFilePermissions(shopSecret, PosixFilePermissions.fromString("rw-------"));

        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair applePair = ec.generateKeyPair();
        Path p8 = home.resolve("secrets/SubscriptionKey_" + APPLE_KEY_ID + ".p8");
        Files.writeString(p8, pem(applePair.getPrivate().getEncoded()));

        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPair googlePair = rsa.generateKeyPair();
        ObjectNode sa = Json.object().put("type", "service_account").put("project_id", "acme-prod")
            .put("private_key_id", "9f1c2e3d4b5a69788796a5b4c3d2e1f0a9b8c7d6").put("private_key",
                pem(googlePair.getPrivate().getEncoded())).put("client_email", GOOGLE_EMAIL)
            .put("client_id", "108877665544332211009").put("token_uri", base("google") + "/token");
        Path saFile = home.resolve("secrets/ci-sa.json");
        Files.writeString(saFile, Json.pretty(sa));
        for (Path p : List.of(p8, saFile)) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        }
        String b64 = Base64.getEncoder().encodeToString(applePair.getPrivate().getEncoded());
        keyMaterial.add(b64.substring(10, 50));
        keyMaterial.add(Base64.getEncoder().encodeToString(googlePair.getPrivate().getEncoded()).substring(100, 140));

        String backend = base("backend");
        config = home.resolve("notif.toml");
        Files.writeString(config, """
            # the fleet of the acceptance test: healthy and broken apps of every store
            [defaults]
            max_silence = "24h"
            timeout = 5

            [concurrency]
            stripe = 3

            [[app]]
            name = "web"
              [app.stripe]
              url = "%1$s/stripe/web"
              api_key = "${KEY_A}"
              secret = "file:secrets/whsec-web"
              api_base = "%2$s"

            [[app]]
            name = "web-rotated"
              [app.stripe]
              url = "%1$s/stripe/rotated"
              api_key = "${KEY_A}"
              secret = "${ROTATED_SECRET}"
              api_base = "%2$s"

            [[app]]
            name = "web-wildcard"
              [app.stripe]
              url = "%1$s/stripe/wildcard"
              api_key = "${KEY_A}"
              api_base = "%2$s"

            [[app]]
            name = "web-disabled"
              [app.stripe]
              url = "%1$s/stripe/disabled"
              api_key = "${KEY_A}"
              api_base = "%2$s"
              max_silence = "30d"

            [[app]]
            name = "shop"
              [app.stripe]
              url = "%1$s/stripe/shop"
              api_key = "${KEY_B}"
              secret = "file:secrets/whsec-shop"
              api_base = "%2$s"

            [[app]]
            name = "shop-revoked"
              [app.stripe]
              url = "%1$s/stripe/shop"
              api_key = "${KEY_REVOKED}"
              api_base = "%2$s"

            [[app]]
            name = "shop-busy"
              [app.stripe]
              url = "%1$s/stripe/busy"
              api_key = "${KEY_BUSY}"
              secret = "file:secrets/whsec-web"
              api_base = "%2$s"

            [[app]]
            name = "ios"
              [app.apple]
              bundle_id = "com.acme.ios"
              environments = ["production"]
              key_file = "secrets/SubscriptionKey_%3$s.p8"
              key_id = "%3$s"
              issuer_id = "%4$s"
              api_base = "%5$s"
              sandbox_api_base = "%6$s"
              wait = 3

            [[app]]
            name = "ios-down"
              [app.apple]
              bundle_id = "com.acme.ios.down"
              environments = ["production"]
              key_file = "secrets/SubscriptionKey_%3$s.p8"
              key_id = "%3$s"
              issuer_id = "%4$s"
              api_base = "%5$s"
              sandbox_api_base = "%6$s"
              wait = 3
              max_silence = "48h"

            [[app]]
            name = "ios-beta"
              [app.apple]
              bundle_id = "com.acme.ios.beta"
              environments = ["sandbox"]
              key_file = "secrets/SubscriptionKey_%3$s.p8"
              key_id = "%3$s"
              issuer_id = "%4$s"
              api_base = "%5$s"
              sandbox_api_base = "%6$s"
              wait = 3
              max_silence = "7d"

            [[app]]
            name = "android"
              [app.google]
              project = "acme-prod"
              topic = "rtdn"
              push_url = "https://api.acme.example/google"
              credentials = "secrets/ci-sa.json"
              pubsub_api_base = "%7$s"
              monitoring_api_base = "%7$s"
              resourcemanager_api_base = "%7$s"

            [[app]]
            name = "android-stuck"
              [app.google]
              project = "acme-prod"
              topic = "rtdn-stuck"
              push_url = "https://api.acme.example/google-stuck"
              credentials = "secrets/ci-sa.json"
              pubsub_api_base = "%7$s"
              monitoring_api_base = "%7$s"
              resourcemanager_api_base = "%7$s"

            [[app]]
            name = "android-closed"
              [app.google]
              project = "acme-prod"
              topic = "rtdn-closed"
              push_url = "https://api.acme.example/google-closed"
              credentials = "secrets/ci-sa.json"
              pubsub_api_base = "%7$s"
              monitoring_api_base = "%7$s"
              resourcemanager_api_base = "%7$s"
              max_silence = "3d"

            [[app]]
            name = "kindle"
              [app.amazon]
              url = "%1$s/amazon"
              wait = 5
              receiver = "%8$s"

            [[app]]
            name = "kindle-blocked"
              [app.amazon]
              url = "%1$s/amazon-blocked"
              wait = 2
              max_silence = "0s"
            """.formatted(backend, base("stripe"), APPLE_KEY_ID, APPLE_ISSUER, base("apple_prod"), base("apple_sandbox"),
            base("google"), base("receiver")).replace("  max_silence = \"0s\"\n", ""));
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
    }

    static String pem(byte[] pkcs8) {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(pkcs8) + "\n-----END PRIVATE KEY-----\n";
    }

    Map<String, JsonNode> stores() {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode app : report.get("apps")) {
            for (JsonNode store : app.get("stores")) {
                out.put(app.get("name").asText() + "/" + store.get("store").asText(), store);
            }
        }
        return out;
    }

    Map<String, String> statuses(String appStore) {
        Map<String, String> out = new LinkedHashMap<>();
        stores().get(appStore).get("checks").forEach(c -> out.put(c.get("key").asText()
            .replaceFirst("^[^/]+/[^/]+/", ""), c.get("status").asText()));
        return out;
    }

    JsonNode check(String appStore, String name) {
        for (JsonNode c : stores().get(appStore).get("checks")) {
            if (c.get("key").asText().endsWith("/" + name)) {
                return c;
            }
        }
        throw new AssertionError(appStore + " has no check " + name + ": " + statuses(appStore));
    }

    String everything() throws IOException {
        return run.out() + run.err() + Files.readString(junit) + Files.readString(summary);
    }

    void assertFails(String appStore, String... ids) {
        Map<String, String> st = statuses(appStore);
        for (String id : ids) {
            assertThat(st).as(appStore + " " + stores().get(appStore)).containsEntry(id, "fail");
        }
    }

    @Test
    void every_broken_app_and_store_is_named_with_its_cause() {
        assertThat(stores().keySet()).containsExactly("web/stripe", "web-rotated/stripe", "web-wildcard/stripe",
            "web-disabled/stripe", "shop/stripe", "shop-revoked/stripe", "shop-busy/stripe", "ios/apple",
            "ios-down/apple", "ios-beta/apple", "android/google", "android-stuck/google", "android-closed/google",
            "kindle/amazon",
            "kindle-blocked/amazon");
        // healthy: no failure, exit 0 (plain-http warnings are right for loopback URLs)
        for (String healthy : List.of("web/stripe", "shop-busy/stripe", "ios/apple", "android/google",
            "kindle/amazon")) {
            assertThat(statuses(healthy)).as(healthy + " " + stores().get(healthy)).doesNotContainValue("fail");
            assertThat(stores().get(healthy).get("exit_code").asInt()).as(healthy).isZero();
        }
        assertThat(statuses("web/stripe")).containsEntry("stripe.secret.accepted", "pass")
            .containsEntry("stripe.liveness", "pass").containsEntry("stripe.endpoint.disabling", "pass");
        assertThat(statuses("ios/apple")).containsEntry("apple.test.delivered[production]", "pass")
            .containsEntry("apple.liveness", "pass").doesNotContainKey("apple.test.delivered[sandbox]");
        assertThat(statuses("android/google")).containsEntry("google.liveness", "pass")
            .containsEntry("google.backlog.retention", "pass");
        assertThat(statuses("kindle/amazon")).containsEntry("amazon.confirmation.followed", "pass")
            .containsEntry("amazon.liveness", "pass");

        // Stripe: a rotated secret the backend does not hold; every event type; disabled; failing for days; key refused
        assertFails("web-rotated/stripe", "stripe.secret.accepted");
        assertThat(check("web-rotated/stripe", "stripe.secret.accepted").get("details").get("cause_code").asText())
            .isEqualTo("wrong_secret");
        assertFails("web-wildcard/stripe", "stripe.endpoint.events");
        assertThat(check("web-wildcard/stripe", "stripe.endpoint.events").get("details").get("wildcard").asBoolean())
            .isTrue();
        assertFails("web-disabled/stripe", "stripe.endpoint.enabled");
        assertFails("shop/stripe", "stripe.deliveries", "stripe.endpoint.disabling", "stripe.liveness");
        assertThat(check("shop/stripe", "stripe.endpoint.disabling").get("summary").asText())
            .contains("failing for at least 2d", "disable");
        assertThat(check("shop/stripe", "stripe.liveness").get("summary").asText()).contains("no delivery for 3d",
            "max_silence 24h", "evt_acct_1Shop_0");
        assertThat(check("shop/stripe", "stripe.endpoint.reachable").get("details").get("http_status").asInt())
            .isEqualTo(503);
        assertFails("shop-revoked/stripe", "stripe.credentials");
        assertThat(stores().get("shop-revoked/stripe").get("exit_code").asInt()).isEqualTo(3);

        // Apple: the test notification not answered and history silent for 5 days; no sandbox URL
        assertFails("ios-down/apple", "apple.test.delivered[production]", "apple.liveness");
        assertThat(check("ios-down/apple", "apple.test.delivered[production]").get("summary").asText())
            .contains("NO_RESPONSE");
        assertFails("ios-beta/apple", "apple.url.configured[sandbox]");
        assertThat(statuses("ios-beta/apple")).doesNotContainKey("apple.url.configured[production]");

        // Google: pushes failing with 503 for days, the backlog nearing Pub/Sub's retention
        assertFails("android-stuck/google", "google.backlog.retention", "google.liveness");
        assertThat(check("android-stuck/google", "google.backlog.retention").get("summary").asText())
            .contains("5d", "7d");

        assertFails("android-closed/google", "google.topic.publisher", "google.liveness");
        assertThat(check("android-closed/google", "google.topic.publisher").get("summary").asText())
            .contains("google-play-developer-notifications@system.gserviceaccount.com");

        // Amazon: the endpoint refuses SNS's messages
        assertFails("kindle-blocked/amazon", "amazon.confirmation.answered", "amazon.notification.answered");

        // the stand-ins really rate-limited shop-busy's key, and the run backed off without a finding
        assertThat(log()).contains("stripe 429 GET /v1/");
    }

    @Test
    void the_exit_code_is_the_worst_of_the_run_and_names_who_set_it() {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(report.get("ok").asBoolean()).isFalse();
        assertThat(report.get("exit_code").asInt()).isEqualTo(3);
        assertThat(report.get("exit_set_by").get("app").asText()).isEqualTo("shop-revoked");
        assertThat(report.get("exit_set_by").get("store").asText()).isEqualTo("stripe");
        assertThat(report.get("exit_set_by").get("reason").asText()).startsWith("stripe.credentials: ");
        assertThat(run.err()).contains("could not check everything: shop-revoked/stripe: stripe.credentials");
        assertThat(report.get("schema_version").asInt()).isEqualTo(1);
        assertThat(report.get("version").asText()).isNotBlank();
        assertThat(java.time.Instant.parse(report.get("started_at").asText())).isNotNull();
        assertThat(report.get("duration_ms").asLong()).isPositive();
        long total = 0;
        for (String s : List.of("pass", "warn", "fail", "skip")) {
            total += report.get("counts").get(s).asLong();
        }
        long checks = stores().values().stream().mapToLong(s -> s.get("checks").size()).sum();
        assertThat(total).isEqualTo(checks);
        List<String> keys = new ArrayList<>();
        stores().values().forEach(s -> s.get("checks").forEach(c -> keys.add(c.get("key").asText())));
        assertThat(keys).doesNotHaveDuplicates();

        // without the key Stripe refuses: findings only, exit 1; only the healthy apps: exit 0
        NotifRun.Result findings = notif().run("check", "--config", config.toString(), "--skip", "stripe.credentials",
            "--app", "web,web-wildcard,ios-down,kindle-blocked");
        assertThat(findings.exitCode()).as(findings.toString()).isEqualTo(1);
        NotifRun.Result healthy = notif().run("check", "--config", config.toString(), "--app",
            "web,shop-busy,ios,android,kindle");
        assertThat(healthy.exitCode()).as(healthy.toString()).isZero();
        assertThat(healthy.out()).contains("5 apps, 5 stores");
        NotifRun.Result strict = notif().run("check", "--config", config.toString(), "--app", "web", "--fail-on",
            "warn");
        assertThat(strict.exitCode()).as(strict.toString()).isEqualTo(1);
    }

    @Test
    void the_junit_file_passes_the_junit_schema_and_maven_surefires_parser_reads_every_failure() throws Exception {
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
            .newSchema(new StreamSource(getClass().getResourceAsStream("/junit/junit-10.xsd"))).newValidator()
            .validate(new StreamSource(junit.toFile()));

        List<ReportTestSuite> suites = new TestSuiteXmlParser(new NullConsoleLogger()).parse(junit.toString());
        assertThat(suites).extracting(ReportTestSuite::getName).containsExactlyElementsOf(stores().keySet());
        for (ReportTestSuite suite : suites) {
            JsonNode store = stores().get(suite.getName());
            Map<String, String> st = statuses(suite.getName());
            assertThat(suite.getNumberOfTests()).as(suite.getName()).isEqualTo(st.size());
            assertThat(suite.getNumberOfSkipped()).as(suite.getName())
                .isEqualTo((int) st.values().stream().filter("skip"::equals).count());
            assertThat(suite.getNumberOfFailures() + suite.getNumberOfErrors()).as(suite.getName())
                .isEqualTo((int) st.values().stream().filter("fail"::equals).count());
            for (ReportTestCase c : suite.getTestCases()) {
                String status = st.get(c.getName());
                assertThat(status).as(suite.getName() + " " + c.getName()).isNotNull();
                assertThat(c.hasFailure() || c.hasError()).as(c.getName()).isEqualTo(status.equals("fail"));
                assertThat(c.hasSkipped()).as(c.getName()).isEqualTo(status.equals("skip"));
            }
            assertThat(store).isNotNull();
        }
        ReportTestCase secret = case_(suites, "web-rotated/stripe", "stripe.secret.accepted");
        assertThat(secret.getFailureMessage()).contains("the backend holds a different secret");
        assertThat(secret.getFailureDetail()).contains("fix: ", "cause_code: wrong_secret");
        ReportTestCase revoked = case_(suites, "shop-revoked/stripe", "stripe.credentials");
        assertThat(revoked.hasError()).isTrue(); // stopped by credentials, not a finding of the endpoint
        assertThat(revoked.getFailureType()).isEqualTo("credentials");
        assertThat(case_(suites, "ios-beta/apple", "apple.url.configured[sandbox]").hasFailure()).isTrue();
    }

    static ReportTestCase case_(List<ReportTestSuite> suites, String suite, String name) {
        return suites.stream().filter(s -> s.getName().equals(suite)).flatMap(s -> s.getTestCases().stream())
            .filter(c -> c.getName().equals(name)).findFirst().orElseThrow(() -> new AssertionError(suite + " " + name));
    }

    @Test
    void github_actions_gets_an_annotation_per_failure_at_its_table_and_a_job_summary() throws Exception {
        List<String> text = Files.readAllLines(config);
        for (String appStore : stores().keySet()) {
            String app = appStore.substring(0, appStore.indexOf('/'));
            String store = appStore.substring(appStore.indexOf('/') + 1);
            int line = text.indexOf("name = \"" + app + "\"") + 2; // [app.<store>] follows the name
            assertThat(text.get(line - 1).strip()).isEqualTo("[app." + store + "]");
            statuses(appStore).forEach((id, status) -> {
                if (status.equals("fail")) {
                    assertThat(run.err()).contains("::error file=" + config.toString().replace(":", "%3A") + ",line="
                        + line + ",title=" + appStore + " " + id + "::");
                }
            });
        }
        String md = Files.readString(summary);
        assertThat(md).contains("## notif check", "**exit 3**", "set by shop-revoked/stripe");
        for (String broken : List.of("web-rotated", "web-wildcard", "web-disabled", "shop", "shop-revoked", "ios-down",
            "ios-beta", "android-stuck", "android-closed", "kindle-blocked")) {
            assertThat(md).contains("| " + broken + " | ");
            assertThat(md.lines().filter(l -> l.startsWith("| " + broken + " | "))).allMatch(l -> l.contains(":x: fail"));
        }
    }

    @Test
    void no_secret_appears_in_any_output() throws Exception {
        String all = everything();
        for (String secret : SECRETS) {
            assertThat(all).as("a secret").doesNotContain(secret);
            assertThat(all).doesNotContain(secret.substring(8, secret.length() - 6)); // nor most of it
        }
        for (String key : keyMaterial) {
            assertThat(all).doesNotContain(key);
        }
        assertThat(all).doesNotContain("PRIVATE KEY");
        // the Stripe stand-in quoted the refused key back whole: redacted in the report
        assertThat(log()).contains("stripe 401 GET /v1/");
        assertThat(check("shop-revoked/stripe", "stripe.credentials").get("summary").asText())
            .contains("Invalid API Key provided: sk_test_****dddd");
    }

    @Test
    void a_bad_file_gets_its_file_line_and_column_and_exit_2_before_anything_is_sent() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(config));
        int at = lines.indexOf("  bundle_id = \"com.acme.ios.down\"");
        lines.set(at, "  bundel_id = \"com.acme.ios.down\"");
        Path bad = home.resolve("bad/notif.toml");
        Files.createDirectories(bad.getParent());
        Files.write(bad, lines);
        long before = log().lines().count();
        NotifRun.Result r = notif().run("check", "--config", bad.toString(), "--json");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("notif: " + bad + ":" + (at + 1) + ":3: apple.bundel_id (app \"ios-down\"):"
            + " unknown key").contains("hint: did you mean bundle_id?");
        assertThat(r.err().lines().count()).isLessThanOrEqualTo(2);

        lines.set(at, "  bundle_id = \"com.acme.ios.down\"");
        int wait = lines.indexOf("  wait = 3");
        lines.set(wait, "  wait = \"soon\"");
        Files.write(bad, lines);
        NotifRun.Result type = notif().run("check", "--config", bad.toString());
        assertThat(type.exitCode()).isEqualTo(2);
        assertThat(type.err()).startsWith("notif: " + bad + ":" + (wait + 1) + ":");
        assertThat(type.err()).contains("wait", "soon");
        assertThat(log().lines().count()).as("nothing was sent").isEqualTo(before);
    }

    @Test
    void an_inline_secret_in_a_file_others_can_read_is_a_warning_naming_its_mode_and_a_provider_down_is_exit_4()
        throws Exception {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Path shared = home.resolve("shared/notif.toml");
        Files.createDirectories(shared.getParent());
        Files.writeString(shared, """
            [[app]]
            name = "web"
              [app.stripe]
              url = "%s/stripe/web"
              api_key = "%s"
              secret = "%s"
              api_base = "http://127.0.0.1:%d"
              timeout = 2
            """.formatted(base("backend"), KEY_A, WHSEC_WEB, closed));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-r--r--"));
        NotifRun.Result r = notif().run("check", "--config", shared.toString(), "--json");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
        assertThat(r.json().get("exit_set_by").get("app").asText()).isEqualTo("web");
        assertThat(r.err()).contains("warning: " + shared + " holds", "api_key", "secret", "mode 0644");
        assertThat(r.out() + r.err()).doesNotContain(KEY_A, WHSEC_WEB);
    }

    String log() {
        try {
            return Files.readString(home.resolve("scenario.json.log"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
