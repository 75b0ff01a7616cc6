package dev.notif.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.notif.core.Json;
import dev.notif.testing.AppleTestKeys;
import dev.notif.testing.FakeAppStoreConnect;
import dev.notif.testing.FakeAppStoreServerApi;
import dev.notif.testing.NotifRun;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckAppleCommandTest {
    static final String KEY_ID = "8Y4RNTQ2TD";
    static final String ISSUER = "57246542-96fe-1a63-e053-0824d011072a";
    static final String BUNDLE = "com.example.app";

    @TempDir
    Path home;
    KeyPair pair;
    Path keyFile;
    MockWebServer productionServer;
    MockWebServer sandboxServer;
    FakeAppStoreServerApi production;
    FakeAppStoreServerApi sandbox;
    final List<MockWebServer> others = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        pair = AppleTestKeys.generate();
        keyFile = AppleTestKeys.writeP8(home, "SubscriptionKey_" + KEY_ID + ".p8", pair);
        production = new FakeAppStoreServerApi(pair.getPublic(), KEY_ID, ISSUER, BUNDLE);
        sandbox = new FakeAppStoreServerApi(pair.getPublic(), KEY_ID, ISSUER, BUNDLE);
        productionServer = server(production);
        sandboxServer = server(sandbox);
    }

    MockWebServer server(okhttp3.mockwebserver.Dispatcher d) throws Exception {
        MockWebServer s = new MockWebServer();
        s.setDispatcher(d);
        s.start();
        others.add(s);
        return s;
    }

    @AfterEach
    void stop() throws Exception {
        for (MockWebServer s : others) {
            s.shutdown();
        }
    }

    NotifRun run() {
        return NotifRun.in(home).env("APPLE_IAP_KEY_FILE", keyFile.toString()).env("APPLE_IAP_KEY_ID", KEY_ID)
            .env("APPLE_ISSUER_ID", ISSUER);
    }

    NotifRun.Result check(String... extra) {
        List<String> args = new ArrayList<>(List.of("check", "apple", "--bundle-id", BUNDLE, "--json", "--api-base",
            productionServer.url("/").toString(), "--sandbox-api-base", sandboxServer.url("/").toString()));
        args.addAll(Arrays.asList(extra));
        if (!args.contains("--wait")) {
            args.addAll(List.of("--wait", "5"));
        }
        return run().run(args.toArray(String[]::new));
    }

    static JsonNode check(JsonNode report, String id, String environment) {
        for (JsonNode c : report.get("checks")) {
            if (c.get("id").asText().equals(id) && (environment == null
                || environment.equals(c.at("/details/environment").asText()))) {
                return c;
            }
        }
        throw new AssertionError("no " + id + " for " + environment + " in " + report);
    }

    static String status(JsonNode report, String id, String environment) {
        return check(report, id, environment).get("status").asText();
    }

    @Test
    void a_working_set_up_passes_in_both_environments_with_apples_library_signing_each_call() {
        ArrayNode page = Json.mapper().createArrayNode();
        page.add(FakeAppStoreServerApi.historyItem("DID_RENEW", "u-1", "SUCCESS", 1698148950000L));
        production.historyPages.add(page);

        NotifRun.Result r = check();
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode json = r.json();
        assertThat(json.get("store").asText()).isEqualTo("apple");
        assertThat(status(json, "apple.credentials", null)).isEqualTo("pass");
        for (String env : List.of("production", "sandbox")) {
            assertThat(status(json, "apple.url.configured", env)).isEqualTo("pass");
            assertThat(status(json, "apple.test.delivered", env)).isEqualTo("pass");
            assertThat(check(json, "apple.test.delivered", env).get("summary").asText()).startsWith(env + ": ");
            assertThat(status(json, "apple.endpoint.reachable", env)).isEqualTo("skip");
        }
        assertThat(status(json, "apple.history", "production")).isEqualTo("pass");
        assertThat(check(json, "apple.history", "production").at("/details/last_delivered_at").asText())
            .isEqualTo("2023-10-24T12:02:30Z");
        assertThat(status(json, "apple.history", "sandbox")).isEqualTo("pass"); // empty sandbox history is normal
        assertThat(production.requests).isNotEmpty();
        assertThat(sandbox.requests).isNotEmpty();
    }

    @Test
    void apple_is_polled_with_backoff_until_an_attempt_is_recorded() {
        production.unknownPolls = 2;
        production.emptyPolls = 2;
        production.attempts.clear();
        production.attempts.addAll(List.of("TIMED_OUT", "SUCCESS"));
        NotifRun.Result r = check("--environment", "production");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode delivered = check(r.json(), "apple.test.delivered", "production");
        assertThat(delivered.get("status").asText()).isEqualTo("pass");
        assertThat(delivered.get("summary").asText()).contains("after 1 failed attempt");
        assertThat(delivered.at("/details/attempts")).hasSize(2);
        assertThat(delivered.at("/details/attempts/0/meaning").asText()).contains("did not answer");
        assertThat(production.statusPolls).isEqualTo(5);
        assertThat(sandbox.requests).isEmpty();
    }

    @Test
    void a_failed_test_delivery_is_explained_in_plain_words_with_its_fix() {
        sandbox.attempts.clear();
        sandbox.attempts.add("TLS_ISSUE");
        NotifRun.Result r = check("--environment", "sandbox");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        JsonNode delivered = check(r.json(), "apple.test.delivered", "sandbox");
        assertThat(delivered.get("status").asText()).isEqualTo("fail");
        assertThat(delivered.get("summary").asText()).startsWith("sandbox: ").contains("TLS_ISSUE")
            .contains("certificate");
        assertThat(delivered.get("fix").asText()).contains("full chain");
    }

    @Test
    void no_attempt_within_the_bound_is_a_warning_not_a_hang() {
        production.emptyPolls = Integer.MAX_VALUE;
        NotifRun.Result r = check("--environment", "production", "--wait", "0.2");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode delivered = check(r.json(), "apple.test.delivered", "production");
        assertThat(delivered.get("status").asText()).isEqualTo("warn");
        assertThat(delivered.get("fix").asText()).contains("--wait");
        assertThat(production.statusPolls).isGreaterThanOrEqualTo(1);
    }

    @Test
    void an_environment_without_url_fails_with_the_fix_and_the_other_is_unaffected() {
        sandbox.urlConfigured = false;
        NotifRun.Result r = check();
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        JsonNode json = r.json();
        JsonNode configured = check(json, "apple.url.configured", "sandbox");
        assertThat(configured.get("status").asText()).isEqualTo("fail");
        assertThat(configured.get("summary").asText()).contains("4040007");
        assertThat(configured.get("fix").asText()).contains("notif setup apple --bundle-id " + BUNDLE);
        assertThat(status(json, "apple.test.delivered", "sandbox")).isEqualTo("skip");
        assertThat(status(json, "apple.url.configured", "production")).isEqualTo("pass");
        assertThat(status(json, "apple.test.delivered", "production")).isEqualTo("pass");
    }

    @Test
    void history_reads_every_page_counts_failures_by_result_and_lists_what_was_never_delivered() {
        production.historyPages.add((ArrayNode) FakeAppStoreServerApi.fixture("getNotificationHistoryResponse.json")
            .get("notificationHistory"));
        ArrayNode second = Json.mapper().createArrayNode();
        second.add(FakeAppStoreServerApi.historyItem("EXPIRED", "u-3", "TIMED_OUT", 1698149000000L, "SUCCESS",
            1698152600000L));
        production.historyPages.add(second);

        NotifRun.Result r = check("--environment", "production", "--days", "7");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        JsonNode history = check(r.json(), "apple.history", "production");
        assertThat(history.get("status").asText()).isEqualTo("fail");
        assertThat(history.at("/details/pages").asInt()).isEqualTo(2);
        assertThat(history.at("/details/notifications").asInt()).isEqualTo(3);
        assertThat(history.at("/details/never_delivered").asInt()).isEqualTo(1);
        assertThat(history.at("/details/failures_by_result/NO_RESPONSE").asInt()).isEqualTo(1);
        assertThat(history.at("/details/failures_by_result/CIRCULAR_REDIRECT").asInt()).isEqualTo(1);
        assertThat(history.at("/details/failures_by_result/TIMED_OUT").asInt()).isEqualTo(1);
        assertThat(history.at("/details/last_delivered_at").asText()).isEqualTo("2023-10-24T13:03:20Z");
        assertThat(history.at("/details/never_delivered_notifications/0/last_result").asText())
            .isEqualTo("CIRCULAR_REDIRECT");
        assertThat(history.get("fix").asText()).contains("final URL");
        assertThat(production.historyTokens()).containsExactly(null, "57715481-805a-4283-8499-1c19b5d6b20a-1");
        JsonNode body = production.historyBodies.get(0);
        assertThat(body.get("endDate").asLong() - body.get("startDate").asLong()).isEqualTo(7L * 24 * 3600 * 1000);
    }

    @Test
    void a_damaged_key_file_is_said_in_words_without_java_exception_names() throws Exception {
        String[] bodies = {"MIGTAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBHkwdwIBAQQg", "not base64 at all!!"};
        for (String body : bodies) {
            Path damaged = java.nio.file.Files.writeString(home.resolve("damaged.p8"),
                "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n");
            NotifRun.Result r = check("--key-file", damaged.toString());
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
            assertThat(r.out() + r.err()).as(body).contains("does not hold an EC P-256 private key")
                .doesNotContain("Exception").doesNotContain("java.").doesNotContainPattern("\\b[A-Z]\\w+Error\\b");
        }
    }

    @Test
    void a_key_apple_rejects_gives_the_whole_report_and_exit_3() throws Exception {
        Path other = AppleTestKeys.writeP8(home, "other.p8", AppleTestKeys.generate());
        NotifRun.Result r = check("--key-file", other.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        JsonNode json = r.json();
        JsonNode credentials = check(json, "apple.credentials", null);
        assertThat(credentials.get("status").asText()).isEqualTo("fail");
        assertThat(credentials.get("summary").asText()).contains(KEY_ID).contains("401");
        assertThat(credentials.get("fix").asText()).contains("In-App Purchase");
        assertThat(status(json, "apple.history", "production")).isEqualTo("skip");
        assertThat(r.err()).contains("could not check everything");
    }

    @Test
    void a_missing_key_names_the_in_app_purchase_key_and_exits_3() {
        NotifRun.Result r = NotifRun.in(home).run("check", "apple", "--bundle-id", BUNDLE, "--json", "--api-base",
            productionServer.url("/").toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        JsonNode credentials = check(r.json(), "apple.credentials", null);
        assertThat(credentials.get("summary").asText()).contains("In-App Purchase key").contains("APPLE_IAP_KEY_FILE");
        assertThat(credentials.get("fix").asText()).contains("App Store Connect API team key (ASC_*) does not work");
        assertThat(production.requests).isEmpty();
    }

    @Test
    void apple_failing_after_retries_is_exit_4_with_the_rest_of_the_report() {
        for (int i = 0; i < 8; i++) {
            production.failFirst.add(FakeAppStoreServerApi.error(500, 5000000L, "An unknown error occurred."));
        }
        NotifRun.Result r = check("--environment", "production");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
        JsonNode json = r.json();
        assertThat(status(json, "apple.url.configured", "production")).isEqualTo("skip");
        assertThat(check(json, "apple.url.configured", "production").get("summary").asText()).contains("500");
    }

    @Test
    void a_test_request_answered_200_without_a_token_says_what_apple_answered_and_is_exit_4_not_a_crash() {
        production.failFirst.add(new MockResponse().setResponseCode(200).setHeader("Content-Type",
            "application/json").setBody("{\"received\":true}"));
        NotifRun.Result r = check("--environment", "production");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
        JsonNode json = r.json();
        assertThat(status(json, "apple.credentials", null)).isEqualTo("pass"); // a 200: Apple took the key
        for (String id : List.of("apple.url.configured", "apple.test.delivered")) {
            JsonNode c = check(json, id, "production");
            assertThat(c.get("status").asText()).isEqualTo("skip");
            assertThat(c.get("summary").asText()).isEqualTo("production: App Store Server API (production) answered a"
                + " test notification request with 200 but no testNotificationToken: {\"received\":true}");
        }
    }

    @Test
    void with_the_team_key_the_url_and_version_come_from_app_store_connect_and_are_probed() throws Exception {
        HeldCertificate self = new HeldCertificate.Builder().addSubjectAlternativeName("127.0.0.1").build();
        MockWebServer receiver = new MockWebServer();
        receiver.useHttps(new HandshakeCertificates.Builder().heldCertificate(self).build().sslSocketFactory(), false);
        receiver.enqueue(new MockResponse().setResponseCode(400));
        receiver.start();
        others.add(receiver);
        String url = receiver.url("/apple").toString();

        KeyPair team = AppleTestKeys.generate();
        Path teamFile = AppleTestKeys.writeP8(home, "AuthKey_2X9R4HXF34.p8", team);
        FakeAppStoreConnect asc = new FakeAppStoreConnect(team.getPublic(), "2X9R4HXF34", ISSUER)
            .app("1234567890", "Example", BUNDLE, url, "V2", null, null);
        MockWebServer ascServer = server(asc);
        sandbox.urlConfigured = false;

        NotifRun.Result r = run().env("ASC_KEY_FILE", teamFile.toString()).env("ASC_KEY_ID", "2X9R4HXF34")
            .env("ASC_ISSUER_ID", ISSUER).run("check", "apple", "--bundle-id", BUNDLE, "--json", "--api-base",
                productionServer.url("/").toString(), "--sandbox-api-base", sandboxServer.url("/").toString(),
                "--asc-api-base", ascServer.url("/").toString(), "--wait", "5");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        JsonNode json = r.json();
        JsonNode configured = check(json, "apple.url.configured", "production");
        assertThat(configured.get("status").asText()).isEqualTo("pass");
        assertThat(configured.at("/details/url").asText()).isEqualTo(url);
        assertThat(configured.at("/details/version").asText()).isEqualTo("V2");
        assertThat(status(json, "apple.url.configured", "sandbox")).isEqualTo("fail");
        JsonNode reachable = check(json, "apple.endpoint.reachable", "production");
        assertThat(reachable.get("status").asText()).isEqualTo("fail"); // a self-signed certificate: Apple refuses it
        assertThat(reachable.at("/details/failure").asText()).isEqualTo("tls");
        assertThat(reachable.get("summary").asText()).contains("TLS 1.2");
        assertThat(status(json, "apple.endpoint.reachable", "sandbox")).isEqualTo("skip");
    }

    @Test
    void a_url_other_than_the_one_app_store_connect_holds_fails_url_configured() throws Exception {
        KeyPair team = AppleTestKeys.generate();
        Path teamFile = AppleTestKeys.writeP8(home, "AuthKey_2X9R4HXF34.p8", team);
        FakeAppStoreConnect asc = new FakeAppStoreConnect(team.getPublic(), "2X9R4HXF34", ISSUER)
            .app("1234567890", "Example", BUNDLE, "https://old.example.com/apple", "V1", null, null);
        MockWebServer ascServer = server(asc);
        NotifRun.Result r = run().env("ASC_KEY_FILE", teamFile.toString()).env("ASC_KEY_ID", "2X9R4HXF34")
            .env("ASC_ISSUER_ID", ISSUER).run("check", "apple", "--bundle-id", BUNDLE, "--json", "--environment",
                "production", "--api-base", productionServer.url("/").toString(), "--asc-api-base",
                ascServer.url("/").toString(), "--url", "http://api.example.com/apple");
        JsonNode json = r.json();
        JsonNode configured = check(json, "apple.url.configured", "production");
        assertThat(configured.get("status").asText()).isEqualTo("fail");
        assertThat(configured.get("summary").asText()).contains("https://old.example.com/apple");
        JsonNode reachable = check(json, "apple.endpoint.reachable", "production");
        assertThat(reachable.get("status").asText()).isEqualTo("fail");
        assertThat(reachable.get("summary").asText()).contains("not https");
    }

    @Test
    void text_output_names_the_environment_of_every_finding() {
        sandbox.urlConfigured = false;
        NotifRun.Result r = run().run("check", "apple", "--bundle-id", BUNDLE, "--api-base",
            productionServer.url("/").toString(), "--sandbox-api-base", sandboxServer.url("/").toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).contains("apple.url.configured").contains("sandbox: no App Store Server Notifications URL")
            .contains("production: ");
    }

    @Test
    void bad_values_are_usage_errors() {
        assertThat(check("--days", "400").exitCode()).isEqualTo(2);
        assertThat(check("--environment", "staging").exitCode()).isEqualTo(2);
        assertThat(run().run("check", "apple").exitCode()).isEqualTo(2);
    }

    @Test
    void production_401_with_a_key_sandbox_accepts_is_explained_as_no_production_release_not_a_rejected_key() {
        production.released = false;
        NotifRun.Result r = check();
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode json = r.json();
        JsonNode credentials = check(json, "apple.credentials", null);
        assertThat(credentials.get("status").asText()).isEqualTo("pass");
        assertThat(credentials.get("summary").asText()).contains("no production release");
        JsonNode delivered = check(json, "apple.test.delivered", "production");
        assertThat(delivered.get("status").asText()).isEqualTo("skip");
        assertThat(delivered.get("summary").asText()).contains("no production release yet");
        assertThat(status(json, "apple.history", "production")).isEqualTo("skip");
        assertThat(status(json, "apple.test.delivered", "sandbox")).isEqualTo("pass");
    }

    @Test
    void production_401_alone_stays_a_rejection_whose_hint_names_the_unreleased_case() {
        production.released = false;
        NotifRun.Result r = check("--environment", "production");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        JsonNode credentials = check(r.json(), "apple.credentials", null);
        assertThat(credentials.get("status").asText()).isEqualTo("fail");
        assertThat(credentials.get("fix").asText()).contains("no production release").contains("--environment sandbox");
    }
}
