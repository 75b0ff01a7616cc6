package dev.notif.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notif.core.Json;
import dev.notif.listen.Receiver;
import dev.notif.stripe.StripeEvents;
import dev.notif.stripe.StripeRoute;
import dev.notif.testing.AppleTestKeys;
import dev.notif.testing.FakeAppStoreServerApi;
import dev.notif.testing.FakeGoogle;
import dev.notif.testing.FakeStripe;
import dev.notif.testing.NotifRun;
import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * notif check over a notif.toml of several apps with every store, healthy and broken in different ways, against the
 * loopback stand-ins: every broken app and store is named with its cause, the exit code is the worst of the run and
 * says who set it, the JUnit file passes the JUnit schema, and no secret shows anywhere.
 */
class FleetCheckTest {
    static final String SECRET = "whsec_RightSecret0123456789abcdefghij";
    static final String WRONG_KEY = "sk_test_51UnknownKeyUnknownKey00000bad9";
    static final String KEY_ID = "8Y4RNTQ2TD";
    static final String ISSUER = "57246542-96fe-1a63-e053-0824d011072a";
    static final String BUNDLE = "com.example.game";
    static final String TOPIC = "projects/acme-prod/topics/play-rtdn";
    static final String SUB = "projects/acme-prod/subscriptions/play-rtdn-push";
    static final String PLAY = "serviceAccount:google-play-developer-notifications@system.gserviceaccount.com";
    static final String PUSH = "pubsub.googleapis.com/subscription/push_request_count";

    @TempDir
    Path home;
    final long now = Instant.now().getEpochSecond();
    final FakeStripe stripe = new FakeStripe();
    final List<MockWebServer> servers = new ArrayList<>();
    Receiver receiver;
    FakeGoogle google;
    FakeAppStoreServerApi appleProduction;
    FakeAppStoreServerApi appleSandbox;
    Path appleKey;
    Path config;
    int closedPort;

    @BeforeEach
    void start() throws Exception {
        receiver = Receiver.start(new Receiver.Config("127.0.0.1", 0, home.resolve("receiver"), Receiver.DEFAULT_MAX_BODY,
            List.of(new StripeRoute(List.of(SECRET), false, 300)), Clock.systemUTC(), null));
        google = new FakeGoogle(home);
        KeyPair pair = AppleTestKeys.generate();
        appleKey = AppleTestKeys.writeP8(home, "SubscriptionKey_" + KEY_ID + ".p8", pair);
        appleProduction = new FakeAppStoreServerApi(pair.getPublic(), KEY_ID, ISSUER, BUNDLE);
        appleSandbox = new FakeAppStoreServerApi(pair.getPublic(), KEY_ID, ISSUER, BUNDLE);
        appleSandbox.urlConfigured = false;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
    }

    @AfterEach
    void stop() throws Exception {
        stripe.close();
        receiver.close();
        google.close();
        for (MockWebServer s : servers) {
            s.shutdown();
        }
    }

    String serve(okhttp3.mockwebserver.Dispatcher d) throws Exception {
        MockWebServer s = new MockWebServer();
        s.setDispatcher(d);
        s.start();
        servers.add(s);
        return s.url("/").toString();
    }

    /** Six apps: two healthy, the others broken each its own way. */
    void fleet() throws Exception {
        String[] allowed = StripeEvents.allowed(false).toArray(String[]::new);
        String good = receiver.baseUrl() + "/stripe";
        String events = receiver.baseUrl() + "/stripe-events";
        String silent = receiver.baseUrl() + "/stripe-silent";
        stripe.addEndpoint(good, "enabled", now - 86400 * 40, allowed);
        stripe.addEndpoint(events, "enabled", now - 86400 * 40, "*");
        stripe.addEvent("customer.subscription.updated", now - 3600, 0);
        // a Google topic Play may publish to, pushing to the backend, with recent acknowledged pushes
        google.givenTopic(TOPIC);
        google.givenBinding(TOPIC, "roles/pubsub.publisher", PLAY);
        ObjectNode sub = google.givenSubscription(SUB, TOPIC, "https://api.example.com/google");
        sub.put("ackDeadlineSeconds", 60);
        sub.putObject("expirationPolicy");
        google.givenTimeSeries(PUSH, series("ack", "200", Instant.ofEpochSecond(now - 1800).toString(), 4));
        String appleProd = serve(appleProduction);
        String appleSand = serve(appleSandbox);
        Files.writeString(home.resolve("whsec"), SECRET + "\n");
        Files.setPosixFilePermissions(home.resolve("whsec"), PosixFilePermissions.fromString("rw-------"));
        config = home.resolve("notif.toml");
        Files.writeString(config, """
            [defaults]
            max_silence = "24h"
            timeout = 3

            [[app]]
            name = "web"
              [app.stripe]
              url = "%1$s"
              api_key = "${STRIPE_API_KEY}"
              secret = "file:whsec"
              api_base = "%2$s"

            [[app]]
            name = "web-wildcard"
              [app.stripe]
              url = "%3$s"
              api_key = "${STRIPE_API_KEY}"
              api_base = "%2$s"
              max_silence = "30d"

            [[app]]
            name = "web-other-account"
              [app.stripe]
              url = "%4$s"
              api_key = "${OTHER_STRIPE_KEY}"
              api_base = "%2$s"

            [[app]]
            name = "game-ios"
              [app.apple]
              bundle_id = "%5$s"
              key_file = "%6$s"
              key_id = "%7$s"
              issuer_id = "%8$s"
              api_base = "%9$s"
              sandbox_api_base = "%10$s"
              wait = 2
              max_silence = "7d"

            [[app]]
            name = "game-android"
              [app.google]
              project = "acme-prod"
              topic = "play-rtdn"
              push_url = "https://api.example.com/google"
              credentials = "%11$s"
              pubsub_api_base = "%12$s"
              monitoring_api_base = "%12$s"
              resourcemanager_api_base = "%12$s"

            [[app]]
            name = "game-kindle"
              [app.amazon]
              url = "http://127.0.0.1:%13$d/amazon"
              wait = 0.3
              max_silence = "24h"
            """.formatted(good, stripe.apiBase(), events, silent, BUNDLE, appleKey, KEY_ID, ISSUER, appleProd,
            appleSand, google.keyFile(), google.base(), closedPort));
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
    }

    static JsonNode series(String cls, String code, String end, long value) {
        ObjectNode answer = Json.object();
        ObjectNode s = answer.putArray("timeSeries").addObject();
        ObjectNode metric = s.putObject("metric");
        metric.put("type", PUSH);
        metric.putObject("labels").put("response_class", cls).put("response_code", code);
        ArrayNode points = s.putArray("points");
        ObjectNode p = points.addObject();
        p.putObject("interval").put("startTime", Instant.parse(end).minusSeconds(3600).toString()).put("endTime", end);
        p.putObject("value").put("int64Value", String.valueOf(value));
        return answer;
    }

    NotifRun run() {
        return NotifRun.in(home).env("STRIPE_API_KEY", FakeStripe.KEY).env("OTHER_STRIPE_KEY", WRONG_KEY)
            // the single-store fallbacks must not leak into a run over the file
            .env("STRIPE_WEBHOOK_SECRET", "whsec_FromTheEnvironmentNotTheFile0000");
    }

    static Map<String, JsonNode> stores(JsonNode report) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode app : report.get("apps")) {
            for (JsonNode store : app.get("stores")) {
                out.put(app.get("name").asText() + "/" + store.get("store").asText(), store);
            }
        }
        return out;
    }

    static Map<String, String> statuses(JsonNode store) {
        Map<String, String> out = new LinkedHashMap<>();
        store.get("checks").forEach(c -> out.put(c.get("key").asText().replaceFirst("^[^/]+/[^/]+/", ""),
            c.get("status").asText()));
        return out;
    }

    @Test
    void every_broken_app_and_store_is_named_with_its_cause_and_the_worst_exit_says_who_set_it() throws Exception {
        fleet();
        Path junit = home.resolve("junit.xml");
        Path summary = home.resolve("summary.md");
        NotifRun.Result r = run().env("GITHUB_ACTIONS", "true").env("GITHUB_STEP_SUMMARY", summary.toString())
            .run("check", "--config", config.toString(), "--json", "--junit", junit.toString());

        JsonNode report = r.json();
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(report.get("exit_code").asInt()).isEqualTo(3);
        assertThat(report.get("exit_set_by").get("app").asText()).isEqualTo("web-other-account");
        assertThat(report.get("exit_set_by").get("store").asText()).isEqualTo("stripe");
        assertThat(report.get("schema_version").asInt()).isEqualTo(1);
        assertThat(report.has("started_at") && report.has("duration_ms") && report.has("version")).isTrue();
        Map<String, JsonNode> stores = stores(report);
        assertThat(stores.keySet()).containsExactly("web/stripe", "web-wildcard/stripe", "web-other-account/stripe",
            "game-ios/apple", "game-android/google", "game-kindle/amazon");

        Map<String, String> web = statuses(stores.get("web/stripe"));
        assertThat(stores.get("web/stripe").get("exit_code").asInt()).as(web.toString()).isZero();
        assertThat(web).containsEntry("stripe.secret.accepted", "pass").containsEntry("stripe.liveness", "pass")
            .containsEntry("stripe.endpoint.disabling", "pass");

        Map<String, String> wildcard = statuses(stores.get("web-wildcard/stripe"));
        assertThat(wildcard).containsEntry("stripe.endpoint.events", "fail");
        assertThat(stores.get("web-wildcard/stripe").get("exit_code").asInt()).isEqualTo(1);

        JsonNode other = stores.get("web-other-account/stripe");
        assertThat(other.get("exit_code").asInt()).isEqualTo(3);
        assertThat(statuses(other)).containsEntry("stripe.credentials", "fail");

        JsonNode ios = stores.get("game-ios/apple");
        Map<String, String> apple = statuses(ios);
        assertThat(apple).as(ios.toString()).containsEntry("apple.url.configured[sandbox]", "fail")
            .containsEntry("apple.url.configured[production]", "pass")
            .containsEntry("apple.test.delivered[production]", "pass");
        assertThat(apple).containsKey("apple.liveness"); // production history is empty: no evidence in 7 days
        assertThat(apple.get("apple.liveness")).isEqualTo("fail");

        Map<String, String> android = statuses(stores.get("game-android/google"));
        assertThat(stores.get("game-android/google").get("exit_code").asInt()).as(android.toString()).isZero();
        assertThat(android).containsEntry("google.backlog.retention", "pass").containsEntry("google.liveness", "pass");

        Map<String, String> kindle = statuses(stores.get("game-kindle/amazon"));
        assertThat(kindle).containsEntry("amazon.endpoint.reachable", "fail").containsEntry("amazon.liveness", "warn");

        assertThat(report.get("counts").get("fail").asLong()).isPositive();
        String everything = r.out() + r.err() + Files.readString(junit) + Files.readString(summary);
        assertThat(everything).doesNotContain(FakeStripe.KEY, WRONG_KEY, SECRET, "whsec_FromTheEnvironment",
            "BEGIN PRIVATE KEY");

        // JUnit: the Ant/Surefire schema that Jenkins' and GitLab's reporters read
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
            .newSchema(new StreamSource(getClass().getResourceAsStream("/junit/junit-10.xsd"))).newValidator()
            .validate(new StreamSource(new ByteArrayInputStream(Files.readAllBytes(junit))));
        String xml = Files.readString(junit, StandardCharsets.UTF_8);
        assertThat(xml).contains("<testsuite name=\"web-other-account/stripe\"", "<error message=",
            "name=\"apple.url.configured[sandbox]\"", "<failure message=");

        // GitHub Actions: annotations on stderr at the store's line of the file, and the job summary
        assertThat(r.err()).contains("::error file=" + config.toString().replace(":", "%3A") + ",line=")
            .contains("title=web-wildcard/stripe stripe.endpoint.events::");
        assertThat(Files.readString(summary)).contains("## notif check", "| web-wildcard | stripe | :x: fail");
    }

    @Test
    void the_text_report_lists_failing_stores_first_and_ends_with_a_summary_line() throws Exception {
        fleet();
        NotifRun.Result r = run().run("check", "--config", config.toString());
        assertThat(r.exitCode()).isEqualTo(3);
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).contains("notif check", "6 apps, 6 stores");
        int firstPass = -1;
        int lastFail = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("pass  ")) {
                firstPass = firstPass < 0 ? i : firstPass;
            }
            if (lines.get(i).startsWith("fail  ")) {
                lastFail = i;
            }
        }
        assertThat(lastFail).isLessThan(firstPass);
        assertThat(r.out()).contains("fail  web-other-account / stripe", "exit 3 (credentials");
        int summary = lines.size() - 1; // the summary line, wrapped to the width over one line or more
        while (summary > 0 && !lines.get(summary).contains(" passed, ")) {
            summary--;
        }
        assertThat(String.join(" ", lines.subList(summary, lines.size())).replaceAll(" +", " ")).contains("passed",
            "failed", "exit 3", "set by web-other-account/stripe");
    }

    @Test
    void filters_pick_apps_stores_and_checks_and_the_exit_code_follows_what_is_kept() throws Exception {
        fleet();
        NotifRun.Result r = run().run("check", "--config", config.toString(), "--json", "--app", "web,web-wildcard",
            "--skip", "stripe.endpoint.events,stripe.endpoint.https");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(stores(r.json()).keySet()).containsExactly("web/stripe", "web-wildcard/stripe");
        assertThat(r.out()).doesNotContain("\"stripe.endpoint.events\"");

        NotifRun.Result only = run().run("check", "--config", config.toString(), "--json", "--only", "*.liveness",
            "--store", "stripe");
        assertThat(stores(only.json()).values()).allSatisfy(s -> assertThat(statuses(s).keySet())
            .containsExactly("stripe.liveness"));
        assertThat(only.exitCode()).isEqualTo(3); // the other account's key is still refused: nothing was checked there

        NotifRun.Result warn = run().run("check", "--config", config.toString(), "--app", "web", "--fail-on", "warn");
        assertThat(warn.exitCode()).as(warn.toString()).isEqualTo(1); // plain http is a warning in test mode
    }

    @Test
    void a_key_the_file_leaves_out_is_named_with_its_key_not_the_single_store_option_or_variable() throws Exception {
        fleet();
        NotifRun.Result r = NotifRun.in(home).env("STRIPE_API_KEY", FakeStripe.KEY).run("check", "--config",
            config.toString(), "--json", "--app", "web-other-account");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        JsonNode store = stores(r.json()).get("web-other-account/stripe");
        assertThat(store.get("notes").toString()).contains("OTHER_STRIPE_KEY is not set in the environment");
        JsonNode credentials = store.get("checks").get(0);
        assertThat(credentials.get("id").asText()).isEqualTo("stripe.credentials");
        // a run over the file reads only the file: the words name its key, never the option or variable of the
        // command alone (STRIPE_API_KEY is set here, and rightly not read)
        String table = "[app.stripe] of app \"web-other-account\" in " + config;
        assertThat(credentials.get("summary").asText()).isEqualTo("no Stripe API key: missing api_key"
            + " (\"${OTHER_STRIPE_KEY}\": OTHER_STRIPE_KEY is not set in the environment) in " + table);
        assertThat(credentials.get("fix").asText()).startsWith("give api_key in " + table + ": the key, ");
        assertThat(credentials.toString()).doesNotContain("--api-key", "STRIPE_API_KEY");
        assertThat(r.err()).contains("web-other-account/stripe: stripe.credentials: no Stripe API key: missing api_key")
            .doesNotContain("STRIPE_API_KEY");

        // the same when the table has no api_key at all
        Files.writeString(config, Files.readString(config).replace("  api_key = \"${OTHER_STRIPE_KEY}\"\n", ""));
        r = NotifRun.in(home).env("STRIPE_API_KEY", FakeStripe.KEY).run("check", "--config", config.toString(),
            "--json", "--app", "web-other-account");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        credentials = stores(r.json()).get("web-other-account/stripe").get("checks").get(0);
        assertThat(credentials.get("summary").asText()).isEqualTo("no Stripe API key: missing api_key in " + table);
        assertThat(credentials.get("fix").asText()).startsWith("give api_key in " + table + ": the key, ");
        assertThat(credentials.toString()).doesNotContain("--api-key", "STRIPE_API_KEY");
    }

    @Test
    void apple_and_google_credentials_the_file_leaves_out_are_named_with_their_keys_too() throws Exception {
        fleet();
        String text = Files.readString(config);
        Files.writeString(config, text.replaceFirst("  key_id = \".*\"\n", "  key_id = \"\\${NO_SUCH_KEY_ID}\"\n")
            .replaceFirst("  credentials = \".*\"\n", ""));
        NotifRun.Result r = NotifRun.in(home).env("APPLE_IAP_KEY_ID", KEY_ID).env("GOOGLE_APPLICATION_CREDENTIALS",
            home.resolve("nowhere.json").toString()).run("check", "--config", config.toString(), "--json", "--app",
            "game-ios,game-android");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        JsonNode apple = checkOf(stores(r.json()).get("game-ios/apple"), "apple.credentials");
        assertThat(apple.get("summary").asText()).contains("missing key_id (\"${NO_SUCH_KEY_ID}\": NO_SUCH_KEY_ID is"
            + " not set in the environment) in [app.apple] of app \"game-ios\" in " + config);
        JsonNode google = checkOf(stores(r.json()).get("game-android/google"), "google.credentials");
        assertThat(google.get("summary").asText())
            .contains("no credentials in [app.google] of app \"game-android\" in " + config);
        assertThat(apple.toString() + google).doesNotContain("--key-id", "APPLE_IAP_KEY_ID", "--credentials",
            "GOOGLE_APPLICATION_CREDENTIALS");
    }

    static JsonNode checkOf(JsonNode store, String id) {
        for (JsonNode c : store.get("checks")) {
            if (c.get("id").asText().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no check " + id + " in " + store);
    }

    @Test
    void a_provider_down_is_exit_4_and_the_report_names_the_check_it_stopped() throws Exception {
        fleet();
        google.fail("GET", "/timeSeries", 503, "UNAVAILABLE", "The service is currently unavailable.");
        NotifRun.Result r = run().run("check", "--config", config.toString(), "--json", "--app", "game-android");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
        JsonNode setBy = r.json().get("exit_set_by");
        assertThat(setBy.get("app").asText() + "/" + setBy.get("store").asText()).isEqualTo("game-android/google");
        assertThat(setBy.get("reason").asText()).startsWith("google.deliveries: ");
        assertThat(r.err()).contains("could not check everything: game-android/google: google.deliveries: ");
    }

    @Test
    void a_stripe_rate_limit_backs_off_without_failing_the_run() throws Exception {
        fleet();
        stripe.inject("GET", "/v1/webhook_endpoints", 3, FakeStripe.Fault.RATE_LIMITED);
        stripe.inject("GET", "/v1/events", 3, FakeStripe.Fault.RATE_LIMITED);
        NotifRun.Result r = run().run("check", "--config", config.toString(), "--json", "--app", "web,web-wildcard");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1); // the wildcard's events, nothing else
        assertThat(statuses(stores(r.json()).get("web/stripe"))).doesNotContainValue("fail");
    }

    @Test
    void a_bad_file_is_exit_2_with_its_line_and_column_before_anything_runs() throws Exception {
        fleet();
        String text = Files.readString(config).replace("  secret = \"file:whsec\"", "  secrte = \"file:whsec\"");
        Files.writeString(config, text);
        NotifRun.Result r = run().run("check", "--config", config.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("notif: " + config + ":10:3: stripe.secrte (app \"web\"): unknown key")
            .contains("hint: did you mean secret?");
        assertThat(stripe.calls()).isEmpty();
    }

    @Test
    void a_store_table_missing_a_required_key_is_a_config_error_at_its_table() throws Exception {
        fleet();
        Files.writeString(config, Files.readString(config).replace("  topic = \"play-rtdn\"\n", ""));
        NotifRun.Result r = run().run("check", "--config", config.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains(config + ":42:3: google.topic (app \"game-android\"): is required")
            .contains("hint: add topic = ... to [app.google]");
    }

    @Test
    void the_first_broken_table_in_the_file_is_reported_and_apps_left_out_are_not_parsed() throws Exception {
        fleet();
        String text = Files.readString(config);
        String web = text.substring(text.indexOf("name = \"web\""));
        web = web.substring(0, web.indexOf("[[app]]"));
        Files.writeString(config, text.replace("  topic = \"play-rtdn\"\n", "")
            .replace(web, web.replaceFirst("  url = .*\n", "")));
        NotifRun.Result r = run().run("check", "--config", config.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("stripe.url (app \"web\"): is required").doesNotContain("game-android");
        assertThat(stripe.calls()).isEmpty();

        // an app left out by --app is not parsed: its mistake stops only the runs that include it
        NotifRun.Result other = run().run("check", "--config", config.toString(), "--json", "--app", "game-ios");
        assertThat(other.err()).doesNotContain("notif: " + config);
        assertThat(stores(other.json())).containsOnlyKeys("game-ios/apple");
    }

    @Test
    void without_a_file_or_a_store_it_says_how_to_start() {
        NotifRun.Result r = NotifRun.in(home).run("check");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("no notif.toml in", "notif init");
    }

    @Test
    void each_table_is_checked_with_its_own_values_when_one_command_line_serves_them_all() throws Exception {
        fleet();
        // one check at a time per store: the tables of a store go through the same command line, one after another
        NotifRun.Result r = run().run("check", "--config", config.toString(), "--json", "--concurrency", "1");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        Map<String, JsonNode> stores = stores(r.json());
        assertThat(statuses(stores.get("web/stripe"))).containsEntry("stripe.credentials", "pass")
            .containsEntry("stripe.secret.accepted", "pass");
        assertThat(statuses(stores.get("web-wildcard/stripe"))).containsEntry("stripe.credentials", "pass")
            .containsEntry("stripe.endpoint.events", "fail").containsEntry("stripe.secret.accepted", "skip");
        assertThat(statuses(stores.get("web-other-account/stripe"))).containsEntry("stripe.credentials", "fail");
        assertThat(stores.get("web-other-account/stripe").get("exit_code").asInt()).isEqualTo(3);
        assertThat(stores.get("web-wildcard/stripe").get("target").asText()).endsWith("/stripe-events");
        assertThat(stores.get("web-other-account/stripe").get("target").asText()).endsWith("/stripe-silent");
    }
}
