package dev.notif.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** What a wait shows: drawn in place on a terminal, one line elsewhere. The clock is moved by hand. */
class ProgressTest {
    /** A clock the test moves. */
    static final class Hands extends Clock {
        Instant now = Instant.parse("2026-03-01T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final StringWriter err = new StringWriter();
    final Hands clock = new Hands();

    @Test
    void off_a_terminal_each_wait_and_each_retry_is_one_line_and_nothing_is_redrawn() {
        Progress p = Progress.on(new PrintWriter(err, true), false, clock, 80);
        try (Progress.Wait w = p.waiting("the endpoint to fetch the SubscribeURL", Duration.ofSeconds(10))) {
            clock.now = clock.now.plusSeconds(4);
            assertThat(p.current()).isNull();
        }
        try (Progress.Wait w = p.retrying("GET api.stripe.com/v1/events", "HTTP 503", 2, 4, Duration.ofMillis(1500))) {
            assertThat(w.elapsed()).isZero();
        }
        assertThat(err.toString()).isEqualTo("waiting up to 10 s for the endpoint to fetch the SubscribeURL ...\n"
            + "GET api.stripe.com/v1/events: HTTP 503; attempt 2 of 4 in 1.5 s\n");
    }

    @Test
    void on_a_terminal_the_line_says_what_elapsed_and_the_bound_and_is_erased_at_the_end() {
        Progress p = Progress.on(new PrintWriter(err, true), true, clock, 80);
        try (Progress.Wait w = p.waiting("Apple to try its test notification (sandbox)", Duration.ofSeconds(60))) {
            assertThat(p.current()).as("a short wait shows nothing").isNull();
            clock.now = clock.now.plusSeconds(12);
            assertThat(p.current()).isEqualTo("waiting for Apple to try its test notification (sandbox): 12 s of 60 s");
            p.draw();
            try (Progress.Wait r = p.retrying("GET api.storekit.itunes.apple.com/x", "HTTP 503", 3, 4,
                Duration.ofSeconds(2))) {
                clock.now = clock.now.plusMillis(500);
                assertThat(p.current()).isEqualTo("GET api.storekit.itunes.apple.com/x: HTTP 503; attempt 3 of 4 in 1.5 s");
            }
            assertThat(p.current()).startsWith("waiting for Apple");
        }
        assertThat(p.current()).isNull();
        assertThat(err.toString()).startsWith("\rwaiting for Apple to try its test notification (sandbox): 12 s of 60 s"
            + "\u001b[K").endsWith("\r\u001b[K");
    }

    @Test
    void the_line_fits_the_width_and_json_turns_it_into_plain_lines() {
        Progress p = Progress.on(new PrintWriter(err, true), true, clock, 30);
        try (Progress.Wait w = p.waiting("something with a very long name indeed", Duration.ofSeconds(5))) {
            clock.now = clock.now.plusSeconds(1);
            assertThat(p.current()).hasSize(29).endsWith("…");
        }
        p.plain();
        p.waiting("x", Duration.ofSeconds(1)).close();
        assertThat(err.toString()).endsWith("waiting up to 1 s for x ...\n");
    }

    @Test
    void seconds_read_as_people_write_them() {
        assertThat(Seconds.text(Duration.ofMillis(250))).isEqualTo("250 ms");
        assertThat(Seconds.text(Duration.ofMillis(1500))).isEqualTo("1.5 s");
        assertThat(Seconds.text(Duration.ofSeconds(20))).isEqualTo("20 s");
        assertThat(Seconds.number(0.0)).isEqualTo("0");
        assertThat(Seconds.number(2.5)).isEqualTo("2.5");
        assertThat(Seconds.number(600)).isEqualTo("600");
    }
}
