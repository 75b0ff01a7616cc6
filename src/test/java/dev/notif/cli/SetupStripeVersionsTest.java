package dev.notif.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notif.stripe.StripeEvents;
import dev.notif.testing.FakeStripe;
import dev.notif.testing.NotifRun;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** setup stripe: --api-version, Stripe's 16-endpoint limit, and no v2 event destination ever written. */
class SetupStripeVersionsTest {
    static final String URL = "https://api.example.com/stripe";
    static final String[] FOUR = StripeEvents.allowed(false).toArray(String[]::new);

    @TempDir
    Path home;
    final FakeStripe stripe = new FakeStripe();

    @AfterEach
    void stop() throws Exception {
        stripe.close();
    }

    NotifRun.Result setup(String... extra) {
        String[] base = {"setup", "stripe", "--url", URL, "--api-base", stripe.apiBase(), "--json"};
        return NotifRun.in(home).env("STRIPE_API_KEY", FakeStripe.KEY).run(base, extra);
    }

    @Test
    void api_version_pins_the_created_endpoint() {
        NotifRun.Result r = setup("--api-version", "2025-09-30.clover");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(stripe.endpointsFor(URL).get(0).get("api_version").asText()).isEqualTo("2025-09-30.clover");
        assertThat(r.json().get("endpoint").get("api_version").asText()).isEqualTo("2025-09-30.clover");
        assertThat(stripe.writes()).noneMatch(c -> c.path().startsWith("/v2/"));
    }

    @Test
    void another_version_on_the_existing_endpoint_is_refused_with_the_rotate_command_and_nothing_written() {
        String id = stripe.addEndpoint(URL, "enabled", 1_700_000_000L, FOUR);
        stripe.pinApiVersion(id, "2024-06-20");
        NotifRun.Result r = setup("--api-version", "2025-09-30.clover");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.json().get("problem").asText()).contains("2024-06-20")
            .contains("notif rotate stripe --url " + URL + " --api-version 2025-09-30.clover");
        assertThat(stripe.writes()).isEmpty();
    }

    @Test
    void a_malformed_api_version_is_a_usage_error_before_any_request() {
        NotifRun.Result r = setup("--api-version", "latest");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("YYYY-MM-DD");
        assertThat(stripe.calls()).isEmpty();
    }

    @Test
    void the_seventeenth_endpoint_is_refused_before_stripe_is_asked_naming_the_disabled_ones() {
        String off = null;
        for (int i = 0; i < FakeStripe.ENDPOINT_LIMIT; i++) {
            String id = stripe.addEndpoint("https://other.example.com/" + i, i == 3 ? "disabled" : "enabled",
                1_700_000_000L + i, "charge.failed");
            off = i == 3 ? id : off;
        }
        NotifRun.Result r = setup();
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.json().get("problem").asText()).contains("16 webhook endpoints").contains(off);
        assertThat(stripe.writes()).isEmpty();
    }
}
