package dev.notif.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.stripe.StripeEvents;
import dev.notif.testing.FakeStripe;
import dev.notif.testing.FakeStripe.Fault;
import dev.notif.testing.NotifRun;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResendStripeCommandTest {
    static final String URL = "https://api.example.com/stripe";
    static final String[] FOUR = StripeEvents.allowed(false).toArray(String[]::new);

    @TempDir
    Path home;
    final FakeStripe stripe = new FakeStripe();
    final long now = Instant.now().getEpochSecond();

    @AfterEach
    void stop() throws Exception {
        stripe.close();
    }

    NotifRun.Result resend(String... extra) {
        String[] base = {"resend", "stripe", "--url", URL, "--api-base", stripe.apiBase(), "--json"};
        return NotifRun.in(home).env("STRIPE_API_KEY", FakeStripe.KEY).run(base, extra);
    }

    @Test
    void dry_run_lists_only_undelivered_allowed_events_of_the_window_after_the_endpoint_existed() {
        stripe.addEndpoint(URL, "enabled", now - 20 * 86_400, FOUR);
        String failed = stripe.addEvent("invoice.updated", now - 2 * 86_400, 1);
        stripe.addEvent("invoice.updated", now - 3600, 0);                 // delivered
        stripe.addEvent("payment_intent.created", now - 3600, 1);          // not an allowed type
        stripe.addEvent("charge.refunded", now - 10 * 86_400, 1);          // outside --since 7d
        stripe.addEvent("charge.refunded", now - 25 * 86_400, 1);          // before the endpoint existed
        NotifRun.Result r = resend("--since", "7d", "--dry-run");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("events")).extracting(e -> e.get("id").asText()).containsExactly(failed);
        assertThat(j.get("events").get(0).get("status").asText()).isEqualTo("planned");
        assertThat(stripe.retries()).isEmpty();
        assertThat(stripe.writes()).isEmpty();

        NotifRun.Result month = resend("--since", "30d", "--dry-run");
        assertThat(month.json().get("events")).hasSize(2);
        assertThat(month.json().get("notes").toString()).contains("older events were never meant for it");
    }

    @Test
    void resend_asks_stripe_to_deliver_each_event_to_the_endpoint_and_sums_up() {
        String endpoint = stripe.addEndpoint(URL, "enabled", now - 20 * 86_400, FOUR);
        String a = stripe.addEvent("invoice.updated", now - 7200, 1);
        String b = stripe.addEvent("customer.subscription.updated", now - 3600, 1);
        NotifRun.Result r = resend();
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(stripe.retries()).extracting(x -> x[0] + " " + x[1])
            .containsExactly(b + " " + endpoint, a + " " + endpoint);
        assertThat(r.json().get("counts").get("resent").asInt()).isEqualTo(2);
        assertThat(r.json().get("notes").toString()).contains("notif check stripe");
        assertThat(stripe.calls()).filteredOn(c -> c.path().endsWith("/retry"))
            .allSatisfy(c -> assertThat(c.idempotencyKey()).isNotNull());
    }

    @Test
    void a_retry_whose_answer_is_lost_is_sent_again_under_the_same_idempotency_key() {
        stripe.addEndpoint(URL, "enabled", now - 20 * 86_400, FOUR);
        stripe.addEvent("invoice.updated", now - 7200, 1);
        stripe.inject("POST", "/v1/events/", 1, Fault.ANSWER_LOST);
        NotifRun.Result r = resend();
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(stripe.retries()).hasSize(1);
        var keys = stripe.calls().stream().filter(c -> c.path().endsWith("/retry")).map(FakeStripe.Call::idempotencyKey)
            .distinct().toList();
        assertThat(keys).hasSize(1);
    }

    @Test
    void stripe_down_stops_the_run_with_exit_4_and_says_what_was_not_resent() {
        stripe.addEndpoint(URL, "enabled", now - 20 * 86_400, FOUR);
        stripe.addEvent("invoice.updated", now - 7200, 1);
        stripe.addEvent("invoice.updated", now - 3600, 1);
        stripe.inject("POST", "/v1/events/", 10, Fault.UNAVAILABLE);
        NotifRun.Result r = resend();
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
        assertThat(r.json().get("counts").get("failed").asInt()).isEqualTo(1);
        assertThat(r.json().get("error").get("hint").asText()).contains("1 event not resent");
    }

    @Test
    void nothing_undelivered_is_a_success_with_nothing_sent() {
        stripe.addEndpoint(URL, "enabled", now - 86_400, FOUR);
        stripe.addEvent("invoice.updated", now - 3600, 0);
        NotifRun.Result r = resend();
        assertThat(r.exitCode()).isZero();
        assertThat(r.json().get("events")).isEmpty();
        assertThat(stripe.writes()).isEmpty();
    }

    @Test
    void since_beyond_thirty_days_and_several_endpoints_are_usage_errors() {
        assertThat(resend("--since", "45d").exitCode()).isEqualTo(2);
        stripe.addEndpoint(URL, "enabled", now - 86_400, FOUR);
        stripe.addEndpoint(URL, "enabled", now - 86_400, FOUR);
        NotifRun.Result r = resend();
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--endpoint");
    }
}
