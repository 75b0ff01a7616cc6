package dev.notif.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.stripe.StripeEvents;
import dev.notif.testing.FakeStripe;
import dev.notif.testing.NotifRun;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check stripe against what Stripe added since 2024: API versions, v2 event destinations, App User ID methods. */
class CheckStripeCurrentTest {
    static final String[] FOUR = StripeEvents.allowed(false).toArray(String[]::new);
    static final String[] SIX = StripeEvents.allowed(true).toArray(String[]::new);

    @TempDir
    Path home;
    final FakeStripe stripe = new FakeStripe();
    final MockWebServer receiver = new MockWebServer();
    final long now = Instant.now().getEpochSecond();
    String url;

    @BeforeEach
    void start() throws IOException {
        receiver.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse().setResponseCode(400).setBody("{\"error\":\"signature_mismatch\"}");
            }
        });
        receiver.start();
        url = receiver.url("/stripe").toString();
    }

    @AfterEach
    void stop() throws IOException {
        stripe.close();
        receiver.shutdown();
    }

    NotifRun.Result checkWithKey(String key, String... extra) {
        String[] base = {"check", "stripe", "--url", url, "--api-base", stripe.apiBase(), "--json"};
        return NotifRun.in(home).env("STRIPE_API_KEY", key).run(base, extra);
    }

    NotifRun.Result check(String... extra) {
        return checkWithKey(FakeStripe.KEY, extra);
    }

    static JsonNode byId(NotifRun.Result r, String id) {
        return r.check(id);
    }

    @Test
    void a_pinned_endpoint_reports_its_api_version() {
        String id = stripe.addEndpoint(url, "enabled", now - 100, FOUR);
        stripe.pinApiVersion(id, "2024-06-20");
        JsonNode c = byId(check(), "stripe.endpoint.api_version");
        assertThat(c.get("status").asText()).isEqualTo("pass");
        assertThat(c.get("summary").asText()).contains("pinned to API version 2024-06-20");
        assertThat(c.get("details").get("api_version").asText()).isEqualTo("2024-06-20");
        assertThat(c.get("details").get("pinned").asBoolean()).isTrue();
    }

    @Test
    void an_unpinned_endpoint_reports_the_account_default_as_seen_on_the_newest_event() {
        stripe.addEndpoint(url, "enabled", now - 100, FOUR);
        stripe.accountApiVersion("2025-09-30.clover").addEvent("invoice.updated", now - 60, 0);
        JsonNode c = byId(check(), "stripe.endpoint.api_version");
        assertThat(c.get("summary").asText()).contains("account's default").contains("2025-09-30.clover");
        assertThat(c.get("details").get("api_version").isNull()).isTrue();
        assertThat(c.get("details").get("account_default").asText()).isEqualTo("2025-09-30.clover");
    }

    @Test
    void a_thin_destination_for_the_url_fails_with_the_fix_and_unknown_v2_fields_are_tolerated() {
        stripe.addEndpoint(url, "enabled", now - 100, FOUR);
        String thin = stripe.addDestination("webhook_endpoint", "thin", url, "v1.customer.subscription.updated");
        stripe.addDestination("webhook_endpoint", "thin", "https://other.example.com/x", "v1.invoice.updated");
        NotifRun.Result r = check();
        JsonNode c = byId(r, "stripe.event_destinations");
        assertThat(c.get("status").asText()).as(r.toString()).isEqualTo("fail");
        assertThat(c.get("summary").asText()).contains(thin).contains("thin events");
        assertThat(c.get("fix").asText()).contains("delete " + thin).contains("notif setup stripe --url " + url);
        assertThat(c.get("details").get("thin")).extracting(JsonNode::asText).containsExactly(thin);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(stripe.calls().stream().filter(x -> x.path().startsWith("/v2/")))
            .allSatisfy(x -> assertThat(x.form().get("include")).contains("webhook_endpoint.url"));
    }

    @Test
    void a_snapshot_destination_for_the_url_passes_and_destinations_are_read_across_pages() {
        stripe.pageSize(1);
        stripe.addEndpoint(url, "enabled", now - 100, FOUR);
        stripe.addDestination("amazon_eventbridge", "snapshot", null, "charge.failed");
        String snap = stripe.addDestination("webhook_endpoint", "snapshot", url, FOUR);
        JsonNode c = byId(check(), "stripe.event_destinations");
        assertThat(c.get("status").asText()).isEqualTo("pass");
        assertThat(c.get("summary").asText()).contains(snap).contains("snapshot");
        assertThat(c.get("details").get("destinations_in_account").asInt()).isEqualTo(2);
    }

    @Test
    void subscription_events_sent_only_to_eventbridge_fail_when_no_webhook_delivers_to_the_url() {
        String bridge = stripe.addDestination("amazon_eventbridge", "snapshot", null, FOUR);
        JsonNode c = byId(check(), "stripe.event_destinations");
        assertThat(c.get("status").asText()).isEqualTo("fail");
        assertThat(c.get("summary").asText()).contains(bridge).contains("amazon_eventbridge").contains("not to this URL");
    }

    @Test
    void a_key_that_may_not_read_destinations_warns_that_it_cannot_tell() {
        stripe.addEndpoint(url, "enabled", now - 100, FOUR);
        stripe.destinationsReadable(false);
        NotifRun.Result r = check();
        JsonNode c = byId(r, "stripe.event_destinations");
        assertThat(c.get("status").asText()).isEqualTo("warn");
        assertThat(c.get("summary").asText()).contains("cannot tell");
    }

    @Test
    void customer_mode_counts_guest_checkouts_with_examples() {
        stripe.addEndpoint(url, "enabled", now - 100, SIX);
        String guest = stripe.addCheckoutSession(null, null, now - 50);
        stripe.addCheckoutSession("cus_1", "sub_x", now - 40);
        stripe.addSubscription("cus_2", now - 30);
        NotifRun.Result r = check("--track-new-purchases", "--app-user-id", "customer");
        JsonNode c = byId(r, "stripe.app_user_id");
        assertThat(c.get("status").asText()).as(r.toString()).isEqualTo("fail");
        assertThat(c.get("details").get("anonymous").asInt()).isEqualTo(1);
        assertThat(c.get("details").get("examples")).extracting(JsonNode::asText).containsExactly(guest);
        assertThat(c.get("fix").asText()).contains("customer");
    }

    @Test
    void metadata_mode_finds_the_key_on_the_session_or_its_subscription_and_names_the_keys_it_saw() {
        stripe.addEndpoint(url, "enabled", now - 100, SIX);
        String sub = stripe.addSubscription("cus_1", now - 60, "app_user_id", "u-1");
        stripe.addCheckoutSession("cus_1", sub, now - 59);                      // key on its subscription
        stripe.addCheckoutSession("cus_2", null, now - 50, "app_user_id", "u-2"); // key on the session
        String empty = stripe.addCheckoutSession("cus_3", null, now - 40, "app_user_id", " ");
        String other = stripe.addSubscription("cus_4", now - 30, "appUserId", "u-4");
        NotifRun.Result r = check("--track-new-purchases", "--app-user-id", "metadata:app_user_id");
        JsonNode c = byId(r, "stripe.app_user_id");
        assertThat(c.get("status").asText()).as(r.toString()).isEqualTo("fail");
        assertThat(c.get("details").get("purchases").asInt()).isEqualTo(4);
        assertThat(c.get("details").get("examples")).extracting(JsonNode::asText).containsExactlyInAnyOrder(empty, other);
        assertThat(c.get("fix").asText()).contains("metadata[app_user_id]").contains("appUserId");
    }

    @Test
    void anonymous_mode_passes_and_an_empty_sample_is_skipped_not_passed() {
        stripe.addEndpoint(url, "enabled", now - 100, SIX);
        assertThat(byId(check("--app-user-id", "customer"), "stripe.app_user_id").get("status").asText())
            .isEqualTo("skip");
        stripe.addCheckoutSession(null, null, now - 50);
        assertThat(byId(check("--app-user-id", "anonymous"), "stripe.app_user_id").get("status").asText())
            .isEqualTo("pass");
    }

    @Test
    void a_bad_app_user_id_method_is_a_usage_error() {
        NotifRun.Result r = check("--app-user-id", "email");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("anonymous, customer or metadata:KEY");
    }
}
