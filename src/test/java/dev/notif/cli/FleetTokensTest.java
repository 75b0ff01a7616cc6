package dev.notif.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.testing.AppleTestKeys;
import dev.notif.testing.FakeAppStoreServerApi;
import dev.notif.testing.FakeGoogle;
import dev.notif.testing.NotifRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run over notif.toml with several apps on one Google credentials file and one Apple key: one token request to
 * Google's token endpoint for the run, a new signed JWT for each Apple request
 * (Apple's rule), and a refused token request named on every store it stopped.
 */
class FleetTokensTest {
    static final int APPS = 4;
    static final String KEY_ID = "8Y4RNTQ2TD";
    static final String ISSUER = "57246542-96fe-1a63-e053-0824d011072a";
    static final String PLAY = "serviceAccount:google-play-developer-notifications@system.gserviceaccount.com";

    @TempDir
    Path home;
    FakeGoogle google;
    final List<FakeAppStoreServerApi> production = new ArrayList<>();
    final List<FakeAppStoreServerApi> sandbox = new ArrayList<>();
    final List<MockWebServer> servers = new ArrayList<>();
    Path config;

    @BeforeEach
    void start() throws Exception {
        google = new FakeGoogle(home);
        KeyPair pair = AppleTestKeys.generate();
        Path p8 = AppleTestKeys.writeP8(home, "SubscriptionKey_" + KEY_ID + ".p8", pair);
        StringBuilder toml = new StringBuilder("[defaults]\ntimeout = 5\n");
        for (int i = 1; i <= APPS; i++) {
            String topic = "projects/acme-prod/topics/rtdn-" + i;
            google.givenTopic(topic);
            google.givenBinding(topic, "roles/pubsub.publisher", PLAY);
            String bundle = "com.example.app" + i;
            FakeAppStoreServerApi prod = new FakeAppStoreServerApi(pair.getPublic(), KEY_ID, ISSUER, bundle);
            FakeAppStoreServerApi sand = new FakeAppStoreServerApi(pair.getPublic(), KEY_ID, ISSUER, bundle);
            production.add(prod);
            sandbox.add(sand);
            toml.append("""

                [[app]]
                name = "app-%1$d"
                  [app.apple]
                  bundle_id = "%2$s"
                  key_file = "%3$s"
                  key_id = "%4$s"
                  issuer_id = "%5$s"
                  api_base = "%6$s"
                  sandbox_api_base = "%7$s"
                  wait = 2
                  [app.google]
                  topic = "%8$s"
                  credentials = "%9$s"
                  pubsub_api_base = "%10$s"
                  monitoring_api_base = "%10$s"
                  resourcemanager_api_base = "%10$s"
                """.formatted(i, bundle, p8, KEY_ID, ISSUER, serve(prod), serve(sand), topic, google.keyFile(),
                google.base()));
        }
        config = home.resolve("notif.toml");
        Files.writeString(config, toml);
    }

    String serve(FakeAppStoreServerApi fake) throws Exception {
        MockWebServer s = new MockWebServer();
        s.setDispatcher(fake);
        s.start();
        servers.add(s);
        return s.url("/").toString();
    }

    @AfterEach
    void stop() throws Exception {
        google.close();
        for (MockWebServer s : servers) {
            s.shutdown();
        }
    }

    JsonNode check(String store) {
        NotifRun.Result r = NotifRun.in(home).run("check", "--config", config.toString(), "--store", store, "--json");
        return r.json();
    }

    @Test
    void the_google_stores_of_a_run_on_one_key_make_one_token_request() {
        Map<String, JsonNode> stores = FleetCheckTest.stores(check("google"));
        assertThat(stores).hasSize(APPS);
        stores.values().forEach(s -> assertThat(FleetCheckTest.statuses(s)).as(s.toString())
            .containsEntry("google.credentials", "pass").containsEntry("google.topic.exists", "pass"));
        assertThat(google.tokenRequests()).isEqualTo(1);
        assertThat(google.requestCount()).isGreaterThan(APPS * 2); // every store made its calls with that token
        check("google"); // another process: its own token
        assertThat(google.tokenRequests()).isEqualTo(2);
    }

    @Test
    void a_refused_token_request_is_named_with_its_cause_and_fix_on_every_google_store() {
        google.tokenError("Invalid JWT Signature.");
        JsonNode report = check("google");
        assertThat(report.get("exit_code").asInt()).isEqualTo(3);
        for (JsonNode store : FleetCheckTest.stores(report).values()) {
            JsonNode credentials = store.get("checks").get(0);
            assertThat(credentials.get("key").asText()).endsWith("/google.credentials");
            assertThat(credentials.get("status").asText()).isEqualTo("fail");
            assertThat(credentials.get("summary").asText()).startsWith("Google refused the service-account key of "
                + FakeGoogle.EMAIL + " (invalid_grant: Invalid JWT Signature.)");
            assertThat(credentials.get("fix").asText()).contains("was deleted or rotated");
            assertThat(store.get("exit_code").asInt()).isEqualTo(3);
        }
    }

    @Test
    void each_apple_request_carries_a_new_token_naming_its_app() {
        Map<String, JsonNode> stores = FleetCheckTest.stores(check("apple"));
        assertThat(stores).hasSize(APPS);
        stores.values().forEach(s -> assertThat(FleetCheckTest.statuses(s)).as(s.toString())
            .containsEntry("apple.credentials", "pass"));
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < APPS; i++) {
            assertThat(production.get(i).requests.size()).isGreaterThan(1);
            // Apple: "Generate a new signed JWT for each new request"
            assertThat(production.get(i).bearerTokens()).hasSize(production.get(i).requests.size());
            assertThat(sandbox.get(i).bearerTokens()).hasSize(sandbox.get(i).requests.size());
            seen.addAll(production.get(i).bearerTokens());
            seen.addAll(sandbox.get(i).bearerTokens());
        }
        assertThat(seen).doesNotHaveDuplicates();
    }
}
