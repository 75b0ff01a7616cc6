package dev.notif.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notif.output.Check;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GivingUpTest {
    static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

    static List<Check> stripe(String mode, String oldestAgo, long pending, long retrying, long failed, boolean shared) {
        Check credentials = Check.pass("stripe.credentials", "ok").detail("mode", mode);
        Check enabled = Check.pass("stripe.endpoint.enabled", "enabled");
        Check deliveries = Check.fail("stripe.deliveries", "not delivered", "fix")
            .detail("retrying", retrying).detail("failed", failed)
            .detail("undelivered_events", oldestAgo == null ? List.of() : List.of(
                Map.of("id", "evt_new", "created_at", NOW.minus(Duration.ofMinutes(30)).toString(), "pending_webhooks", 1),
                Map.of("id", "evt_old", "created_at", NOW.minus(Duration.parse(oldestAgo)).toString(),
                    "pending_webhooks", pending)))
            .detail("shared_with", shared ? List.of("we_other") : List.of());
        return List.of(credentials, enabled, deliveries);
    }

    /** mode | oldest undelivered (ago) | its pending_webhooks | retrying | given up | shared | status | the words. */
    @ParameterizedTest
    @CsvSource(nullValues = "-", delimiter = '|', value = {
        "live | PT50H | 1 | 2 | 0 | false | fail | failing for at least 2d 2h (the oldest undelivered event listed, evt_old",
        "live | PT50H | 1 | 2 | 0 | false | fail | Stripe gives up on evt_old at 2026-03-11T10:00:00Z, in 22h",
        "live | PT2H  | 1 | 2 | 0 | false | warn | failing for at least 2h",
        "live | P4D   | 0 | 1 | 3 | false | fail | Stripe has already given up on 3 events",
        "live | PT50H | 1 | 2 | 0 | true  | warn | some of these may be theirs",
        "test | PT5H  | 1 | 2 | 0 | false | warn | in test mode Stripe retries each event three times over a few hours",
        "live | -     | 0 | 0 | 0 | false | pass | no delivery is failing",
    })
    void how_long_until_stripe_gives_up(String mode, String oldest, long pending, long retrying, long failed,
                                       boolean shared, String status, String words) {
        Check c = GivingUp.stripe(stripe(mode, oldest, pending, retrying, failed, shared), NOW);
        assertThat(c.id()).isEqualTo(GivingUp.STRIPE);
        assertThat(c.status().word()).as(c.summary()).isEqualTo(status);
        assertThat(c.summary()).contains(words);
    }

    @Test
    void an_endpoint_stripe_already_disabled_is_left_to_its_own_check() {
        Check c = GivingUp.stripe(List.of(Check.fail("stripe.endpoint.enabled", "disabled", "fix")), NOW);
        assertThat(c.status()).isEqualTo(Check.Status.SKIP);
    }

    static List<Check> google(Long ageSeconds, String retention) {
        return List.of(
            Check.pass("google.subscription", "ok").detail("subscriptions", List.of(Map.of("name",
                "projects/p/subscriptions/s", "message_retention", retention))),
            Check.fail("google.deliveries", "failing", "fix").detail("subscription", "projects/p/subscriptions/s")
                .detail("undelivered_messages", 12).detail("oldest_unacked_age_seconds", ageSeconds));
    }

    /** oldest unacknowledged age (s) | retention | status | the words. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "360000 | 604800s | fail | has waited 4d 4h of the 7d message retention of projects/p/subscriptions/s: Pub/Sub may discard it in 2d 20h",
        "7200   | 604800s | warn | may discard it in 6d 22h",
        "600    | 604800s | pass | has waited 10m of 7d retention",
        "90000  | 86400s  | fail | may discard it at any moment",
    })
    void how_long_until_pubsub_discards_the_oldest_message(long age, String retention, String status, String words) {
        Check c = GivingUp.google(google(age, retention), NOW);
        assertThat(c.id()).isEqualTo(GivingUp.GOOGLE);
        assertThat(c.status().word()).as(c.summary()).isEqualTo(status);
        assertThat(c.summary()).contains(words);
    }
}
