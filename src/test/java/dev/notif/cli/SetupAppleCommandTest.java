package dev.notif.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.testing.AppleTestKeys;
import dev.notif.testing.FakeAppStoreConnect;
import dev.notif.testing.NotifRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SetupAppleCommandTest {
    static final String KEY_ID = "2X9R4HXF34";
    static final String ISSUER = "57246542-96fe-1a63-e053-0824d011072a";
    /** setup apple probes the URLs it sets: loopback ports nothing listens on answer at once (never the internet). */
    String URL;
    String staging;

    @TempDir
    Path home;
    MockWebServer server;
    FakeAppStoreConnect asc;
    Path keyFile;

    @BeforeEach
    void start() throws Exception {
        try (java.net.ServerSocket a = new java.net.ServerSocket(0); java.net.ServerSocket b = new java.net.ServerSocket(0)) {
            URL = "https://localhost:" + a.getLocalPort() + "/apple";
            staging = "https://localhost:" + b.getLocalPort() + "/staging";
        }
        KeyPair pair = AppleTestKeys.generate();
        keyFile = AppleTestKeys.writeP8(home, "AuthKey_" + KEY_ID + ".p8", pair);
        asc = new FakeAppStoreConnect(pair.getPublic(), KEY_ID, ISSUER)
            .app("1234567890", "Example", "com.example.app", null, null, null, null)
            .app("1234567891", "Example Watch", "com.example.app.watch", "https://old.example.com/a", "V1", null, null);
        server = new MockWebServer();
        server.setDispatcher(asc);
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    NotifRun run() {
        return NotifRun.in(home).env("ASC_KEY_FILE", keyFile.toString()).env("ASC_KEY_ID", KEY_ID)
            .env("ASC_ISSUER_ID", ISSUER);
    }

    NotifRun.Result setup(String... extra) {
        String[] base = {"setup", "apple", "--bundle-id", "com.example.app", "--url", URL, "--asc-api-base",
            server.url("/").toString(), "--json"};
        return run().run(base, extra);
    }

    @Test
    void sets_both_urls_and_versions_then_a_second_run_changes_nothing() {
        NotifRun.Result first = setup();
        assertThat(first.exitCode()).as(first.toString()).isZero();
        JsonNode json = first.json();
        assertThat(json.get("changed").asBoolean()).isTrue();
        assertThat(json.get("app_id").asText()).isEqualTo("1234567890");
        assertThat(json.get("actions").findValuesAsText("action")).containsExactly("update", "update");
        assertThat(json.get("actions").findValues("changes")).flatExtracting(c -> List.copyOf(
            java.util.stream.StreamSupport.stream(c.spliterator(), false).map(JsonNode::asText).toList())).hasSize(4);
        assertThat(json.at("/actions/0/name").asText()).isEqualTo("production");
        assertThat(json.at("/actions/0/url").asText()).isEqualTo(URL);
        assertThat(json.at("/before/production/url").isNull()).isTrue();
        assertThat(json.at("/after/sandbox/url").asText()).isEqualTo(URL);
        JsonNode stored = asc.attributes("1234567890");
        assertThat(stored.get("subscriptionStatusUrl").asText()).isEqualTo(URL);
        assertThat(stored.get("subscriptionStatusUrlForSandbox").asText()).isEqualTo(URL);
        assertThat(stored.get("subscriptionStatusUrlVersion").asText()).isEqualTo("V2");
        assertThat(stored.get("subscriptionStatusUrlVersionForSandbox").asText()).isEqualTo("V2");
        assertThat(asc.attributes("1234567891").get("subscriptionStatusUrl").asText()).isEqualTo("https://old.example.com/a");

        NotifRun.Result second = setup();
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.json().get("changed").asBoolean()).isFalse();
        assertThat(second.json().get("actions").findValuesAsText("action")).containsOnly("none");
        assertThat(second.json().get("actions").findValues("changes")).allMatch(JsonNode::isEmpty);
        assertThat(asc.patches).hasSize(1);
    }

    @Test
    void dry_run_shows_before_and_after_and_sends_no_write() {
        NotifRun.Result r = setup("--dry-run", "--sandbox-url", staging, "--version", "V1");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode json = r.json();
        assertThat(json.get("dry_run").asBoolean()).isTrue();
        assertThat(json.get("changed").asBoolean()).isFalse();
        assertThat(json.at("/after/sandbox/url").asText()).isEqualTo(staging);
        assertThat(json.at("/after/production/version").asText()).isEqualTo("V1");
        assertThat(asc.patches).isEmpty();
        assertThat(asc.requests).allMatch(req -> req.startsWith("GET "));
    }

    @Test
    void only_the_environment_asked_for_is_patched() {
        NotifRun.Result r = setup("--environment", "sandbox");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(asc.patches).hasSize(1);
        JsonNode attrs = asc.patches.get(0).at("/data/attributes");
        assertThat(attrs.has("subscriptionStatusUrl")).isFalse();
        assertThat(attrs.get("subscriptionStatusUrlForSandbox").asText()).isEqualTo(URL);
    }

    @Test
    void text_output_names_the_app_and_each_change() {
        NotifRun.Result r = run().run("setup", "apple", "--bundle-id", "com.example.app", "--url", URL, "--dry-run",
            "--asc-api-base", server.url("/").toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("\"Example\"").contains("production").contains("sandbox").contains(URL)
            .contains("dry run");
    }

    @Test
    void an_http_url_is_refused_before_calling_apple() {
        NotifRun.Result r = run().run("setup", "apple", "--bundle-id", "com.example.app", "--url",
            "http://api.example.com/apple", "--asc-api-base", server.url("/").toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("https");
        assertThat(asc.requests).isEmpty();
    }

    @Test
    void without_a_team_key_it_says_which_key_setup_needs() {
        NotifRun.Result r = NotifRun.in(home).env("APPLE_IAP_KEY_FILE", keyFile.toString())
            .run("setup", "apple", "--bundle-id", "com.example.app", "--url", URL);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).contains("App Store Connect API team key").contains("ASC_KEY_FILE")
            .contains("In-App Purchase key");
    }

    @Test
    void a_key_file_that_is_not_a_p8_key_is_a_credentials_error_before_any_call() throws Exception {
        Path bogus = home.resolve("AuthKey.p8");
        Files.writeString(bogus, "{\"type\": \"service_account\"}");
        NotifRun.Result r = run().env("ASC_KEY_FILE", bogus.toString()).run("setup", "apple", "--bundle-id",
            "com.example.app", "--url", URL, "--asc-api-base", server.url("/").toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).contains("not a .p8 private key");
        assertThat(asc.requests).isEmpty();
    }

    @Test
    void a_malformed_key_id_is_a_usage_error() {
        NotifRun.Result r = run().run("setup", "apple", "--bundle-id", "com.example.app", "--url", URL,
            "--asc-key-id", "abc");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("--asc-key-id");
    }

    @Test
    void a_key_apple_rejects_exits_3_and_names_the_team_key() throws Exception {
        Path other = AppleTestKeys.writeP8(home, "other.p8", AppleTestKeys.generate());
        NotifRun.Result r = run().env("ASC_KEY_FILE", other.toString()).run("setup", "apple", "--bundle-id",
            "com.example.app", "--url", URL, "--asc-api-base", server.url("/").toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).contains("rejected the team key " + KEY_ID).contains("NOT_AUTHORIZED");
    }

    @Test
    void a_key_without_the_role_to_edit_apps_exits_3() {
        asc.readOnlyKey = true;
        NotifRun.Result r = setup();
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).contains("App Manager");
    }

    @Test
    void an_unknown_bundle_id_is_a_usage_error() {
        NotifRun.Result r = run().run("setup", "apple", "--bundle-id", "com.example", "--url", URL,
            "--asc-api-base", server.url("/").toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("no app with bundle id com.example");
    }

    @Test
    void server_errors_are_retried_and_then_exit_4() {
        for (int i = 0; i < 4; i++) {
            asc.failFirst.add(new MockResponse().setResponseCode(503));
        }
        NotifRun.Result r = setup();
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
        assertThat(asc.requests).hasSize(4);
    }

    @Test
    void one_server_error_is_retried_transparently() {
        asc.failFirst.add(new MockResponse().setResponseCode(500));
        NotifRun.Result r = setup();
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.json().get("changed").asBoolean()).isTrue();
    }
}
