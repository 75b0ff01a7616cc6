package dev.notif.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimesTest {
    static final Instant NOW = Instant.parse("2026-03-01T14:05:09.123456789Z");

    @Test
    void human_times_are_utc_to_the_second_without_nanoseconds() {
        assertThat(Times.human(NOW)).isEqualTo("2026-03-01 14:05:09Z");
    }

    @Test
    void how_long_ago_in_the_largest_readable_unit() {
        assertThat(Times.ago(NOW, NOW)).isEqualTo("just now");
        assertThat(Times.ago(NOW.minusSeconds(42), NOW)).isEqualTo("42 s ago");
        assertThat(Times.ago(NOW.minusSeconds(300), NOW)).isEqualTo("5 min ago");
        assertThat(Times.ago(NOW.minusSeconds(3 * 3600 + 100), NOW)).isEqualTo("3 h ago");
        assertThat(Times.ago(NOW.minusSeconds(4 * 86400), NOW)).isEqualTo("4 days ago");
        assertThat(Times.ago(NOW.plusSeconds(300), NOW)).isEqualTo("in 5 min");
        assertThat(Times.when(NOW.minusSeconds(3 * 3600), NOW)).isEqualTo("2026-03-01 11:05:09Z (3 h ago)");
    }

    @Test
    void iso_strings_are_recognised_and_nothing_else() {
        assertThat(Times.parse("2026-03-01T14:05:09Z")).isEqualTo(Instant.parse("2026-03-01T14:05:09Z"));
        assertThat(Times.parse("2026-03-01")).isNull();
        assertThat(Times.parse("evt_123 customer.subscription.updated")).isNull();
        assertThat(Times.parse(null)).isNull();
    }

    @Test
    void check_details_that_are_times_read_as_times_in_text_and_stay_iso_in_json() {
        java.io.StringWriter w = new java.io.StringWriter();
        Check c = Check.warn("x.deliveries", "late", "look").detail("last_delivered_at", "2026-03-01T11:05:09Z");
        CheckReport report = CheckReport.of("x", null, java.util.List.of(c));
        report.printText(new Text(new java.io.PrintWriter(w, true), false, 80, NOW));
        assertThat(w.toString()).contains("last_delivered_at: 2026-03-01 11:05:09Z (3 h ago)");
        assertThat(dev.notif.core.Json.pretty(report)).contains("\"last_delivered_at\": \"2026-03-01T11:05:09Z\"");
    }
}
