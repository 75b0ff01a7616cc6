package dev.notif.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notif.output.Check;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LivenessTest {
    static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    static final Duration DAY = Duration.ofHours(24);

    static Liveness.Source seen(String ago, Integer windowDays) {
        return new Liveness.Source("Stripe's Events API", ago == null ? null : NOW.minus(Duration.parse(ago)), "evt_1",
            windowDays == null ? null : Duration.ofDays(windowDays), null);
    }

    /** newest evidence (ago, or - for none) | window in days (- for as far back as kept) | status | the words. */
    @ParameterizedTest
    @CsvSource(nullValues = "-", delimiter = '|', value = {
        "PT3H  | 30 | pass | last delivery 3h ago, within max_silence 24h",
        "PT25H | 30 | fail | no delivery for 25h (max_silence 24h)",
        "P3D   | 30 | fail | no delivery for 3d",
        "-     | 30 | fail | no delivery at all in what Stripe's Events API shows (the last 30d)",
        "-     | -  | fail | no delivery at all",
        "-     | 0  | skip | could not tell",
    })
    void the_newest_evidence_against_max_silence(String ago, Integer window, String status, String words) {
        Check c = Liveness.judge("stripe", DAY, NOW, List.of(seen(ago, window)), null);
        assertThat(c.status().word()).isEqualTo(status);
        assertThat(c.summary()).contains(words);
        assertThat(c.id()).isEqualTo("stripe.liveness");
    }

    @Test
    void the_newest_of_several_sources_counts_and_an_unreadable_one_is_named() {
        Check c = Liveness.judge("stripe", DAY, NOW, List.of(seen("P2D", 30),
            new Liveness.Source("the receiver", NOW.minus(Duration.ofHours(2)), "evt_2", null, null),
            Liveness.Source.unreadable("other", "refused")), null);
        assertThat(c.status()).isEqualTo(Check.Status.PASS);
        assertThat(c.details().get("source")).isEqualTo("the receiver");
        assertThat(c.details().get("sources").toString()).contains("refused");
    }

    @Test
    void nothing_readable_is_could_not_tell_never_a_pass() {
        Check c = Liveness.judge("stripe", DAY, NOW, List.of(Liveness.Source.unreadable("Stripe's Events API",
            "the key was refused")), null);
        assertThat(c.status()).isEqualTo(Check.Status.SKIP);
        assertThat(c.summary()).contains("could not tell", "the key was refused");
        Check none = Liveness.judge("amazon", DAY, NOW, List.of(), null);
        assertThat(none.status()).isEqualTo(Check.Status.WARN);
        assertThat(none.fix()).contains("receiver = ");
    }

    @Test
    void a_message_waiting_longer_than_max_silence_fails_even_with_recent_deliveries() {
        Check c = Liveness.judge("google", DAY, NOW, List.of(seen("PT1H", 7)), Duration.ofHours(30));
        assertThat(c.status()).isEqualTo(Check.Status.FAIL);
        assertThat(c.summary()).contains("has waited 30h");
    }
}
