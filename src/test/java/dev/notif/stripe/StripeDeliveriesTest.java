package dev.notif.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notif.output.Check;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StripeDeliveriesTest {
    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    static StripeAccount.EventSummary event(long ageSeconds, long pending) {
        return new StripeAccount.EventSummary("evt_" + ageSeconds, "invoice.updated", NOW.getEpochSecond() - ageSeconds,
            pending);
    }

    @Test
    void nothing_undelivered_passes_with_the_newest_delivered_event() {
        Check c = StripeDeliveries.judge(List.of(), event(3600, 0), List.of(), true, 30, NOW);
        assertThat(c.status()).isEqualTo(Check.Status.PASS);
        assertThat(c.details().get("last_delivered_at")).isEqualTo("2026-06-01T11:00:00Z");
    }

    @Test
    void no_events_at_all_is_skipped_saying_there_is_nothing_to_judge() {
        Check c = StripeDeliveries.judge(List.of(), null, List.of(), true, 30, NOW);
        assertThat(c.status()).isEqualTo(Check.Status.SKIP);
        assertThat(c.summary()).contains("nothing to judge", "no event of the allowed types in the last 30 days");
        assertThat(c.details().get("last_delivered_at")).isNull();
    }

    @Test
    void events_younger_than_the_consistency_lag_are_not_judged() {
        Check alone = StripeDeliveries.judge(List.of(event(20, 1)), null, List.of(), true, 30, NOW);
        assertThat(alone.status()).isEqualTo(Check.Status.SKIP);
        assertThat(alone.summary()).contains("consistency lag", "rerun in a minute");
        assertThat(alone.details()).containsEntry("too_recent", 1).containsEntry("in_flight", 0);
        Check besides = StripeDeliveries.judge(List.of(event(20, 1), event(59, 1)), event(3600, 0), List.of(), true, 30,
            NOW);
        assertThat(besides.status()).isEqualTo(Check.Status.PASS);
        assertThat(besides.details()).containsEntry("too_recent", 2);
    }

    @Test
    void live_events_are_retried_for_three_days_then_given_up() {
        Check c = StripeDeliveries.judge(List.of(event(3600, 1), event(4 * 86_400, 1), event(5 * 86_400, 0)), null,
            List.of(), true, 30, NOW);
        assertThat(c.status()).isEqualTo(Check.Status.FAIL);
        assertThat(c.details()).containsEntry("retrying", 1).containsEntry("failed", 2).containsEntry("undelivered", 3);
    }

    @Test
    void test_mode_gives_up_sooner() {
        Check c = StripeDeliveries.judge(List.of(event(86_400, 1)), null, List.of(), false, 30, NOW);
        assertThat(c.details()).containsEntry("failed", 1).containsEntry("retrying", 0);
    }

    @Test
    void only_events_on_their_way_are_a_warning() {
        Check c = StripeDeliveries.judge(List.of(event(120, 1)), event(180, 0), List.of(), true, 30, NOW);
        assertThat(c.status()).isEqualTo(Check.Status.WARN);
        assertThat(c.details()).containsEntry("in_flight", 1);
    }

    @Test
    void failures_that_may_belong_to_another_endpoint_are_a_warning_naming_it() {
        Check c = StripeDeliveries.judge(List.of(event(7200, 1)), null, List.of("we_other"), true, 30, NOW);
        assertThat(c.status()).isEqualTo(Check.Status.WARN);
        assertThat(c.summary()).contains("we_other");
    }
}
