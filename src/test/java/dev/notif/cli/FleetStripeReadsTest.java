package dev.notif.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notif.stripe.StripeEvents;
import dev.notif.testing.FakeStripe;
import dev.notif.testing.NotifRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * notif check over apps that share one Stripe account: each read of the account is made once for the run (counted
 * on the fake's loopback socket), every store gets the records its own check stripe would give, and a read that fails
 * is reported on every store that needed it, with its cause, and read again by the next store.
 */
class FleetStripeReadsTest {
    static final int APPS = 4;
    static final String WRONG_KEY = "sk_test_51UnknownKeyUnknownKey00000bad9";

    @TempDir
    Path home;
    final FakeStripe stripe = new FakeStripe();
    final MockWebServer backend = new MockWebServer();
    final Instant now = Instant.now();
    Path config;

    @BeforeEach
    void start() throws Exception {
        backend.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse().setResponseCode(400).setBody("{\"error\":\"signature_mismatch\"}");
            }
        });
        backend.start();
        String[] allowed = StripeEvents.allowed(false).toArray(String[]::new);
        StringBuilder toml = new StringBuilder();
        for (int i = 1; i <= APPS; i++) {
            String url = url(i);
            if (i == 2) {
                stripe.addEndpoint(url, "disabled", now.getEpochSecond() - 86400, allowed);
            } else if (i != 3) { // app 3 has no endpoint
                stripe.addEndpoint(url, "enabled", now.getEpochSecond() - 86400, allowed);
            }
            toml.append(app("app-" + i, url, "${STRIPE_API_KEY}"));
        }
        stripe.addEndpoint("https://elsewhere.example.com/stripe", "enabled", now.getEpochSecond() - 86400, "*");
        stripe.addEvent("customer.subscription.updated", now.getEpochSecond() - 3600, 0);
        stripe.addEvent("customer.subscription.deleted", now.getEpochSecond() - 7200, 1);
        config = home.resolve("notif.toml");
        Files.writeString(config, toml.toString());
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
    }

    @AfterEach
    void stop() throws Exception {
        stripe.close();
        backend.shutdown();
    }

    String url(int i) {
        return backend.url("/stripe/app-" + i).toString();
    }

    String app(String name, String url, String key) {
        return """
            [[app]]
            name = "%s"
              [app.stripe]
              url = "%s"
              api_key = "%s"
              api_base = "%s"
            """.formatted(name, url, key, stripe.apiBase());
    }

    NotifRun run() {
        // one instant for every store, so that each asks for the same window of events as the others
        return NotifRun.in(home).env("STRIPE_API_KEY", FakeStripe.KEY).clock(Clock.fixed(now, ZoneOffset.UTC));
    }

    Map<String, Long> reads() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (FakeStripe.Call c : stripe.calls()) {
            out.merge(c.method() + " " + c.path(), 1L, Long::sum);
        }
        return out;
    }

    static Map<String, JsonNode> stores(JsonNode report) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode app : report.get("apps")) {
            for (JsonNode store : app.get("stores")) {
                out.put(app.get("name").asText(), store);
            }
        }
        return out;
    }

    /** A check as both reports carry it, without what depends on the moment (the probe's latency). */
    static Map<String, JsonNode> checks(JsonNode checks) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode c : checks) {
            ObjectNode copy = c.deepCopy();
            copy.remove("key");
            if (c.get("id").asText().equals("stripe.endpoint.reachable")) {
                copy.remove("summary");
                ((ObjectNode) copy.get("details")).remove("latency_ms");
            }
            out.put(c.get("id").asText(), copy);
        }
        return out;
    }

    @Test
    void apps_on_one_account_read_it_once_and_get_what_their_own_check_would_give() throws Exception {
        NotifRun.Result fleet = run().run("check", "--config", config.toString(), "--json");
        assertThat(fleet.exitCode()).as(fleet.toString()).isEqualTo(1); // app-2 disabled, app-3 missing

        assertThat(reads()).containsExactlyInAnyOrderEntriesOf(Map.of(
            "GET /v1/webhook_endpoints", 1L,
            "GET /v1/account", 1L,
            "GET /v2/core/event_destinations", 1L,
            "GET /v1/events", 3L)); // undelivered, last delivered, the newest for the account's default version

        Map<String, JsonNode> stores = stores(fleet.json());
        for (int i = 1; i <= APPS; i++) {
            NotifRun.Result alone = run().run("check", "stripe", "--url", url(i), "--api-base", stripe.apiBase(),
                "--json");
            Map<String, JsonNode> own = checks(alone.json().get("checks"));
            Map<String, JsonNode> inFleet = checks(stores.get("app-" + i).get("checks"));
            inFleet.keySet().retainAll(own.keySet()); // the fleet adds its own judgements (stripe.endpoint.disabling)
            assertThat(inFleet).as("app-" + i).isEqualTo(own);
        }
        assertThat(statusOf(stores.get("app-2"), "stripe.endpoint.enabled")).isEqualTo("fail");
        assertThat(statusOf(stores.get("app-3"), "stripe.endpoint.exists")).isEqualTo("fail");
    }

    @Test
    void another_key_is_another_account_and_is_read_for_itself() throws Exception {
        Files.writeString(config, Files.readString(config) + app("other", url(1), FakeStripe.READ_ONLY_KEY));
        NotifRun.Result r = run().run("check", "--config", config.toString(), "--json");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(reads().get("GET /v1/webhook_endpoints")).isEqualTo(2L);
        assertThat(statusOf(stores(r.json()).get("other"), "stripe.endpoint.exists")).isEqualTo("pass");
    }

    @Test
    void a_rate_limit_that_outlasts_the_retries_is_reported_on_every_store_that_needed_the_read() throws Exception {
        stripe.inject("GET", "/v1/webhook_endpoints", 1000, FakeStripe.Fault.RATE_LIMITED);
        NotifRun.Result r = run().run("check", "--config", config.toString(), "--json");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
        for (JsonNode store : stores(r.json()).values()) {
            JsonNode credentials = check(store, "stripe.credentials");
            assertThat(credentials.get("status").asText()).isEqualTo("fail");
            assertThat(credentials.get("summary").asText()).startsWith("Stripe kept rate-limiting the requests (429)");
            assertThat(credentials.get("cause").asText()).isEqualTo("unavailable");
            assertThat(statusOf(store, "stripe.endpoint.exists")).isEqualTo("skip");
            assertThat(store.get("exit_code").asInt()).isEqualTo(4);
        }
    }

    @Test
    void a_stripe_failure_and_a_rejected_key_each_keep_their_cause_on_every_store() throws Exception {
        Files.writeString(config, Files.readString(config) + app("wrong-1", url(1), WRONG_KEY)
            + app("wrong-2", url(2), WRONG_KEY));
        stripe.inject("GET", "/v2/core/event_destinations", 1000, FakeStripe.Fault.SERVER_ERROR);
        NotifRun.Result r = run().run("check", "--config", config.toString(), "--json");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3); // 3 (credentials) is worse than 4
        Map<String, JsonNode> stores = stores(r.json());
        for (String wrong : List.of("wrong-1", "wrong-2")) {
            JsonNode credentials = check(stores.get(wrong), "stripe.credentials");
            assertThat(credentials.get("summary").asText()).startsWith("Stripe rejected the API key");
            assertThat(credentials.get("cause").asText()).isEqualTo("credentials");
        }
        for (int i = 1; i <= APPS; i++) {
            JsonNode destinations = check(stores.get("app-" + i), "stripe.event_destinations");
            assertThat(destinations.get("status").asText()).as("app-" + i).isNotEqualTo("pass");
            assertThat(destinations.get("cause").asText()).as("app-" + i).isEqualTo("unavailable");
            assertThat(statusOf(stores.get("app-" + i), "stripe.credentials")).isEqualTo("pass");
        }
    }

    @Test
    void a_failed_read_is_not_kept_the_next_store_reads_again() throws Exception {
        stripe.inject("GET", "/v1/webhook_endpoints", 4, FakeStripe.Fault.RATE_LIMITED); // one store's every attempt
        NotifRun.Result r = run().run("check", "--config", config.toString(), "--json", "--concurrency", "1");
        Map<String, JsonNode> stores = stores(r.json());
        JsonNode first = check(stores.get("app-1"), "stripe.credentials");
        assertThat(first.get("summary").asText()).as(r.toString()).startsWith("Stripe kept rate-limiting the requests"
            + " (429) after 4 attempts");
        for (int i = 2; i <= APPS; i++) {
            assertThat(statusOf(stores.get("app-" + i), "stripe.credentials")).as("app-" + i).isEqualTo("pass");
        }
        assertThat(reads().get("GET /v1/webhook_endpoints")).isEqualTo(5L); // 4 refused, then 1 for the others
    }

    @Test
    void plan_and_apply_read_the_account_for_each_store_as_before() throws Exception {
        // the URLs are http: setup stripe takes them with a test key
        NotifRun.Result plan = run().run("plan", "--config", config.toString(), "--json");
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(reads().get("GET /v1/webhook_endpoints")).isEqualTo((long) APPS);
        stripe.forgetCalls();
        NotifRun.Result apply = run().run("apply", "--config", config.toString(), "--yes", "--json", "--secrets-file",
            home.resolve("secrets.env").toString());
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        // the plan's reads, then each changing store's own (app-2 re-enabled, app-3 created)
        assertThat(reads().get("GET /v1/webhook_endpoints")).isEqualTo(APPS + 2L);
        stripe.forgetCalls();
        NotifRun.Result again = run().run("check", "--config", config.toString(), "--json");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(reads().get("GET /v1/webhook_endpoints")).isEqualTo(1L);
    }

    static JsonNode check(JsonNode store, String id) {
        for (JsonNode c : store.get("checks")) {
            if (c.get("id").asText().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no " + id + " in " + store);
    }

    static String statusOf(JsonNode store, String id) {
        return check(store, id).get("status").asText();
    }
}
