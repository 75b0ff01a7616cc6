package dev.notif.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import dev.notif.stripe.StripeEvents;
import dev.notif.testing.FakeStripe;
import dev.notif.testing.FakeStripe.Fault;
import dev.notif.testing.NotifRun;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckStripeCommandTest {
    static final String SECRET = "whsec_RightSecret0123456789abcdefghij";
    static final String[] FOUR = StripeEvents.allowed(false).toArray(String[]::new);
    static final List<String> IDS = List.of("stripe.credentials", "stripe.endpoint.exists", "stripe.endpoint.single",
        "stripe.endpoint.events", "stripe.endpoint.enabled", "stripe.endpoint.api_version", "stripe.event_destinations",
        "stripe.endpoint.https", "stripe.endpoint.reachable",
        "stripe.secret.format", "stripe.secret.accepted", "stripe.deliveries");

    @TempDir
    Path home;
    final FakeStripe stripe = new FakeStripe();
    final MockWebServer receiver = new MockWebServer();
    final long now = Instant.now().getEpochSecond();
    String url;

    @BeforeEach
    void start() throws IOException {
        receiver.start();
        url = receiver.url("/stripe").toString();
        receiveWith(SECRET);
    }

    @AfterEach
    void stop() throws IOException {
        stripe.close();
        receiver.shutdown();
    }

    /** A receiver built on stripe-java's verifier: 400 signature_mismatch unless the signature verifies with secret. */
    void receiveWith(String secret) {
        receiver(body -> body);
        receiverSecret = secret;
    }

    String receiverSecret;
    Function<MockResponse, MockResponse> afterVerification = r -> r;

    void receiver(Function<MockResponse, MockResponse> after) {
        afterVerification = after;
        receiver.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String body = request.getBody().readString(StandardCharsets.UTF_8);
                try {
                    Webhook.constructEvent(body, request.getHeader("Stripe-Signature"), receiverSecret);
                } catch (SignatureVerificationException e) {
                    return new MockResponse().setResponseCode(400)
                        .setBody("{\"error\":\"signature_mismatch\",\"message\":\"" + e.getMessage().replace("\"", "'")
                            + "\"}");
                } catch (RuntimeException e) {
                    return new MockResponse().setResponseCode(400).setBody("{\"error\":\"malformed\"}");
                }
                return afterVerification.apply(new MockResponse().setResponseCode(200).setBody("{\"received\":true}"));
            }
        });
    }

    NotifRun.Result checkWithKey(String key, String... extra) {
        List<String> args = new ArrayList<>(List.of("check", "stripe", "--url", url, "--api-base", stripe.apiBase(),
            "--json"));
        args.addAll(List.of(extra));
        NotifRun run = NotifRun.in(home);
        if (key != null) {
            run.env("STRIPE_API_KEY", key);
        }
        return run.run(args.toArray(String[]::new));
    }

    NotifRun.Result check(String... extra) {
        return checkWithKey(FakeStripe.KEY, extra);
    }

    static JsonNode byId(NotifRun.Result r, String id) {
        return r.check(id);
    }

    static String status(NotifRun.Result r, String id) {
        return byId(r, id).get("status").asText();
    }

    @Test
    void a_healthy_setup_passes_every_check_in_the_contract_order() {
        stripe.addEndpoint(url, "enabled", now - 86_400, FOUR);
        stripe.addEvent("invoice.updated", now - 3600, 0);
        NotifRun.Result r = check("--secret", SECRET);

        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode json = r.json();
        assertThat(json.get("ok").asBoolean()).isTrue();
        assertThat(json.get("store").asText()).isEqualTo("stripe");
        assertThat(json.get("checks")).extracting(c -> c.get("id").asText()).containsExactlyElementsOf(IDS);
        for (String id : IDS) {
            assertThat(status(r, id)).as(id).isEqualTo(id.equals("stripe.endpoint.https") ? "warn" : "pass");
        }
        assertThat(byId(r, "stripe.credentials").get("details").get("mode").asText()).isEqualTo("test");
        assertThat(byId(r, "stripe.deliveries").get("details").get("last_delivered_at").asText())
            .isEqualTo(Instant.ofEpochSecond(now - 3600).toString());
        assertThat(r.out() + r.err()).doesNotContain(SECRET).doesNotContain(FakeStripe.KEY);
    }

    @Test
    void text_and_json_come_from_the_same_result() {
        stripe.addEndpoint(url, "disabled", now, "charge.failed");
        NotifRun.Result json = check();
        NotifRun.Result text = NotifRun.in(home).env("STRIPE_API_KEY", FakeStripe.KEY)
            .run("check", "stripe", "--url", url, "--api-base", stripe.apiBase());
        assertThat(text.exitCode()).isEqualTo(json.exitCode()).isEqualTo(1);
        for (JsonNode c : json.json().get("checks")) {
            assertThat(text.out()).containsPattern("(?m)^  " + c.get("status").asText() + " +"
                + c.get("id").asText().replace(".", "\\.") + " ");
        }
        assertThat(text.out()).contains("fix: ");
    }

    @Test
    void wrong_events_are_listed_as_missing_and_extra_and_a_wildcard_is_flagged() {
        stripe.addEndpoint(url, "enabled", now, "charge.refunded", "invoice.updated", "charge.failed");
        NotifRun.Result r = check();
        assertThat(r.exitCode()).isEqualTo(1);
        JsonNode events = byId(r, "stripe.endpoint.events");
        assertThat(events.get("status").asText()).isEqualTo("fail");
        assertThat(events.get("details").get("missing")).extracting(JsonNode::asText)
            .containsExactly("customer.subscription.updated", "customer.subscription.deleted");
        assertThat(events.get("details").get("extra")).extracting(JsonNode::asText).containsExactly("charge.failed");
        assertThat(events.get("fix").asText()).contains("notif setup stripe --url " + url);

        stripe.deleteEndpoint(stripe.endpoints().get(0).get("id").asText());
        stripe.addEndpoint(url, "enabled", now, "*");
        JsonNode wildcard = byId(check(), "stripe.endpoint.events");
        assertThat(wildcard.get("status").asText()).isEqualTo("fail");
        assertThat(wildcard.get("details").get("extra")).extracting(JsonNode::asText).containsExactly("*");
        assertThat(wildcard.get("details").get("missing")).isEmpty();
        assertThat(wildcard.get("summary").asText()).contains("every event type (*)");
    }

    @Test
    void new_purchase_events_without_the_flag_suggest_it() {
        stripe.addEndpoint(url, "enabled", now, StripeEvents.allowed(true).toArray(String[]::new));
        assertThat(byId(check(), "stripe.endpoint.events").get("fix").asText()).contains("--track-new-purchases");
        assertThat(status(check("--track-new-purchases"), "stripe.endpoint.events")).isEqualTo("pass");
    }

    @Test
    void no_endpoint_fails_exists_skips_what_depends_on_it_and_still_runs_the_rest() {
        stripe.addEndpoint(url.replace("/stripe", "/stripe-old"), "enabled", now, FOUR);
        NotifRun.Result r = check("--secret", SECRET);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(status(r, "stripe.endpoint.exists")).isEqualTo("fail");
        assertThat(byId(r, "stripe.endpoint.exists").get("details").get("similar_urls").get(0).asText())
            .endsWith("/stripe-old");
        assertThat(status(r, "stripe.endpoint.single")).isEqualTo("skip");
        assertThat(status(r, "stripe.endpoint.events")).isEqualTo("skip");
        assertThat(status(r, "stripe.endpoint.enabled")).isEqualTo("skip");
        assertThat(status(r, "stripe.endpoint.reachable")).isEqualTo("pass");
        assertThat(status(r, "stripe.secret.accepted")).isEqualTo("pass");
    }

    @Test
    void several_endpoints_and_a_disabled_one_fail_their_checks() {
        stripe.addEndpoint(url, "enabled", now, "charge.refunded", "invoice.updated");
        stripe.addEndpoint(url, "disabled", now, "customer.subscription.updated", "customer.subscription.deleted");
        NotifRun.Result r = check();
        assertThat(status(r, "stripe.endpoint.single")).isEqualTo("fail");
        assertThat(byId(r, "stripe.endpoint.single").get("fix").asText()).contains("--prune");
        assertThat(status(r, "stripe.endpoint.events")).isEqualTo("pass");
        assertThat(status(r, "stripe.endpoint.enabled")).isEqualTo("fail");
    }

    @Test
    void plain_http_fails_in_live_mode() {
        stripe.addEndpoint(url, "enabled", now, FOUR);
        NotifRun.Result r = checkWithKey(FakeStripe.LIVE_KEY);
        assertThat(status(r, "stripe.endpoint.https")).isEqualTo("fail");
        assertThat(byId(r, "stripe.credentials").get("details").get("mode").asText()).isEqualTo("live");
    }

    @Test
    void a_redirect_fails_reachable_and_is_not_followed() {
        receiver.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse().setResponseCode(308).setHeader("Location", "https://elsewhere.example/stripe");
            }
        });
        NotifRun.Result r = check();
        JsonNode reachable = byId(r, "stripe.endpoint.reachable");
        assertThat(reachable.get("status").asText()).isEqualTo("fail");
        assertThat(reachable.get("fix").asText()).contains("https://elsewhere.example/stripe");
        assertThat(receiver.getRequestCount()).isEqualTo(1);
    }

    @Test
    void nothing_listening_fails_reachable_and_skips_the_secret_probe() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        url = "http://127.0.0.1:" + port + "/stripe";
        NotifRun.Result r = check("--secret", SECRET);
        assertThat(status(r, "stripe.endpoint.reachable")).isEqualTo("fail");
        assertThat(byId(r, "stripe.endpoint.reachable").get("summary").asText()).contains("refused");
        assertThat(status(r, "stripe.secret.accepted")).isEqualTo("skip");
    }

    @Test
    void an_api_key_passed_as_the_secret_is_flagged_and_not_sent() {
        NotifRun.Result r = check("--secret", "sk_test_51SomethingSomething0000abcd");
        assertThat(status(r, "stripe.secret.format")).isEqualTo("fail");
        assertThat(byId(r, "stripe.secret.format").get("details").get("problems").get(0).asText()).isEqualTo("api_key");
        assertThat(status(r, "stripe.secret.accepted")).isEqualTo("skip");
        assertThat(receiver.getRequestCount()).isEqualTo(1); // the unsigned reachability probe only
    }

    @Test
    void a_different_secret_in_the_backend_is_told_apart() {
        receiveWith("whsec_TheBackendHoldsAnotherOne000000000");
        NotifRun.Result r = check("--secret", SECRET);
        JsonNode accepted = byId(r, "stripe.secret.accepted");
        assertThat(accepted.get("status").asText()).isEqualTo("fail");
        assertThat(accepted.get("summary").asText()).contains("holds a different secret");
        assertThat(accepted.get("details").get("with_secret").get("http_status").asInt()).isEqualTo(400);
        assertThat(accepted.get("details").get("with_random_secret").get("http_status").asInt()).isEqualTo(400);
    }

    @Test
    void a_payload_refused_for_another_reason_means_the_secret_is_right_and_shows_the_body() {
        receiver(ok -> new MockResponse().setResponseCode(400)
            .setBody("{\"code\":7225,\"message\":\"Subscription not found for this customer\"}"));
        NotifRun.Result r = check("--secret", SECRET);
        JsonNode accepted = byId(r, "stripe.secret.accepted");
        assertThat(accepted.get("status").asText()).isEqualTo("warn");
        assertThat(accepted.get("summary").asText()).contains("the secret is right").contains("subscription");
        assertThat(accepted.get("details").get("with_secret").get("body").asText()).contains("Subscription not found");
        assertThat(accepted.get("details").get("with_random_secret").get("body").asText()).contains("signature_mismatch");
    }

    @Test
    void a_receiver_that_refuses_everything_before_signatures_is_named() {
        receiver.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse().setResponseCode(403).setBody("Forbidden by WAF");
            }
        });
        NotifRun.Result r = check("--secret", SECRET);
        JsonNode accepted = byId(r, "stripe.secret.accepted");
        assertThat(accepted.get("status").asText()).isEqualTo("fail");
        assertThat(accepted.get("summary").asText()).contains("refuses every delivery before checking signatures");
    }

    @Test
    void a_receiver_accepting_any_signature_is_a_warning() {
        receiver.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse().setResponseCode(200);
            }
        });
        NotifRun.Result r = check("--secret", SECRET);
        assertThat(status(r, "stripe.secret.accepted")).isEqualTo("warn");
        assertThat(status(r, "stripe.endpoint.reachable")).isEqualTo("warn");
    }

    @Test
    void undelivered_events_fail_deliveries_and_the_newest_delivered_one_is_reported() {
        stripe.addEndpoint(url, "enabled", now - 10 * 86_400, FOUR);
        stripe.addEvent("customer.subscription.updated", now - 5 * 86_400, 1); // given up
        stripe.addEvent("invoice.updated", now - 7200, 1);                     // still retried
        stripe.addEvent("charge.refunded", now - 86_400, 0);
        stripe.addEvent("charge.refunded", now - 2 * 86_400, 0);
        stripe.addEvent("charge.failed", now - 60, 1);                         // not an allowed type
        stripe.addEvent("invoice.updated", now - 40 * 86_400, 1);              // outside the window
        NotifRun.Result r = check();
        JsonNode d = byId(r, "stripe.deliveries");
        assertThat(d.get("status").asText()).isEqualTo("fail");
        assertThat(d.get("details").get("undelivered").asInt()).isEqualTo(2);
        assertThat(d.get("details").get("failed").asInt()).isEqualTo(1);
        assertThat(d.get("details").get("retrying").asInt()).isEqualTo(1);
        assertThat(d.get("details").get("last_delivered_at").asText())
            .isEqualTo(Instant.ofEpochSecond(now - 86_400).toString());
        assertThat(d.get("details").get("evidence").asText()).contains("cannot tell which endpoint");
        var types = stripe.calls().stream().filter(c -> c.path().equals("/v1/events") && c.form().containsKey("types"))
            .findFirst().orElseThrow()
            .form().get("types");
        assertThat(types).containsExactlyInAnyOrder(FOUR);
    }

    @Test
    void events_on_their_way_are_a_warning_not_a_failure() {
        stripe.addEndpoint(url, "enabled", now, FOUR);
        stripe.addEvent("invoice.updated", now - 180, 1);
        NotifRun.Result r = check();
        assertThat(status(r, "stripe.deliveries")).isEqualTo("warn");
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void events_younger_than_the_events_api_lag_are_not_judged_and_nothing_to_judge_is_a_skip() {
        stripe.addEndpoint(url, "enabled", now, FOUR);
        assertThat(status(check(), "stripe.deliveries")).isEqualTo("skip");
        stripe.addEvent("invoice.updated", now - 20, 1);
        NotifRun.Result r = check();
        assertThat(status(r, "stripe.deliveries")).isEqualTo("skip");
        assertThat(byId(r, "stripe.deliveries").get("summary").asText()).contains("consistency lag");
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void a_rejected_key_exits_3_with_the_whole_report_and_the_hint() {
        NotifRun.Result r = checkWithKey("sk_test_51NotAValidKeyAtAll00000000x999", "--secret", SECRET);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(status(r, "stripe.credentials")).isEqualTo("fail");
        assertThat(byId(r, "stripe.credentials").get("fix").asText()).contains("STRIPE_API_KEY");
        assertThat(status(r, "stripe.endpoint.exists")).isEqualTo("skip");
        assertThat(status(r, "stripe.deliveries")).isEqualTo("skip");
        assertThat(status(r, "stripe.endpoint.reachable")).isEqualTo("pass");
        assertThat(status(r, "stripe.secret.accepted")).isEqualTo("pass");
        assertThat(r.err()).contains("hint: set STRIPE_API_KEY");
    }

    @Test
    void a_missing_key_exits_3_and_runs_what_needs_no_key() {
        NotifRun.Result r = checkWithKey(null);
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(byId(r, "stripe.credentials").get("summary").asText()).contains("STRIPE_API_KEY");
        assertThat(status(r, "stripe.endpoint.reachable")).isEqualTo("pass");
        assertThat(stripe.calls()).isEmpty();
    }

    @Test
    void stripe_down_exits_4_with_the_report() {
        stripe.inject("GET", "/v1/", 1000, Fault.UNAVAILABLE);
        NotifRun.Result r = check();
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
        assertThat(byId(r, "stripe.credentials").get("summary").asText()).contains("request req_");
        assertThat(status(r, "stripe.endpoint.reachable")).isEqualTo("pass");
    }

    @Test
    void pages_and_transient_failures_do_not_change_the_verdict() {
        stripe.pageSize(2);
        for (int i = 0; i < 7; i++) {
            stripe.addEndpoint("https://o" + i + ".example.com/x", "enabled", now - i, "charge.failed");
        }
        stripe.addEndpoint(url, "enabled", now - 100, FOUR);
        stripe.inject("GET", "/v1/webhook_endpoints", 1, Fault.RATE_LIMITED)
            .inject("GET", "/v1/events", 1, Fault.RESET);
        NotifRun.Result r = check();
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(status(r, "stripe.endpoint.exists")).isEqualTo("pass");
        assertThat(stripe.writes()).isEmpty();
    }

    @Test
    void a_live_key_with_an_http_url_never_suggests_a_setup_that_notif_refuses() {
        stripe.addEndpoint(url, "enabled", now, "customer.subscription.updated");
        NotifRun.Result r = checkWithKey(FakeStripe.LIVE_KEY);
        assertThat(status(r, "stripe.endpoint.https")).isEqualTo("fail");
        JsonNode events = byId(r, "stripe.endpoint.events");
        assertThat(events.get("fix").asText()).contains("notif setup stripe --url https://")
            .doesNotContain("--url http://");
        assertThat(r.out()).doesNotContain("notif setup stripe --url http://");
        // and the suggested command is one setup accepts with this key
        NotifRun.Result dry = NotifRun.in(home).env("STRIPE_API_KEY", FakeStripe.LIVE_KEY).run("setup", "stripe",
            "--url", url.replace("http://", "https://"), "--api-base", stripe.apiBase(), "--dry-run", "--json");
        assertThat(dry.exitCode()).as(dry.toString()).isNotEqualTo(2);
    }

    @Test
    void an_endpoint_with_revenuecats_older_event_set_is_named_in_check_and_setup() {
        stripe.addEndpoint(url, "enabled", now, "customer.subscription.updated");
        JsonNode events = byId(check(), "stripe.endpoint.events");
        assertThat(events.get("status").asText()).isEqualTo("fail");
        assertThat(events.get("summary").asText()).contains("RevenueCat's older setup instructions");
        assertThat(events.at("/details/older_event_set").asBoolean()).isTrue();
        NotifRun.Result dry = NotifRun.in(home).env("STRIPE_API_KEY", FakeStripe.KEY).run("setup", "stripe", "--url",
            url, "--api-base", stripe.apiBase(), "--dry-run");
        assertThat(dry.out()).as(dry.toString()).contains("RevenueCat's older setup instructions");
    }

    @Test
    void a_claimable_sandbox_key_is_a_test_mode_key() {
        NotifRun.Result r = checkWithKey("rkcs_test_51SandboxKeyForNotif0000abcd");
        assertThat(byId(r, "stripe.credentials").at("/details/mode").asText()).as(r.toString()).isIn("test", "");
        assertThat(r.out() + r.err()).doesNotContain("rkcs_test_51SandboxKeyForNotif0000abcd");
    }
}
