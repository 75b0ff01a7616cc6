package dev.notif.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.notif.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LeasesTest {
    final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T12:00:00Z"));
    final Leases<String, String> leases = new Leases<>(Duration.ofMinutes(1));
    final AtomicInteger made = new AtomicInteger();

    Leases.Lease<String> make(Duration life) {
        return new Leases.Lease<>("v" + made.incrementAndGet(), clock.instant().plus(life));
    }

    @Test
    void a_value_is_reused_until_the_margin_before_its_expiry_then_made_again() {
        assertThat(leases.get("k", clock, () -> make(Duration.ofMinutes(5)))).isEqualTo("v1");
        clock.advance(Duration.ofMinutes(4).minusSeconds(1));
        assertThat(leases.get("k", clock, () -> make(Duration.ofMinutes(5)))).isEqualTo("v1");
        clock.advance(Duration.ofSeconds(1)); // 4 minutes: the last minute before the expiry
        assertThat(leases.get("k", clock, () -> make(Duration.ofMinutes(5)))).isEqualTo("v2");
        assertThat(leases.get("other", clock, () -> make(Duration.ofMinutes(5)))).isEqualTo("v3");
        assertThat(leases.get("k", clock, () -> make(Duration.ofMinutes(5)))).isEqualTo("v2");
    }

    @Test
    void a_value_that_never_expires_is_kept() {
        leases.get("k", clock, () -> new Leases.Lease<>("forever", null));
        clock.advance(Duration.ofDays(400));
        assertThat(leases.get("k", clock, () -> make(Duration.ofMinutes(5)))).isEqualTo("forever");
    }

    @Test
    void a_failure_is_not_kept() {
        assertThatThrownBy(() -> leases.get("k", clock, () -> {
            made.incrementAndGet();
            throw new IllegalStateException("refused");
        })).hasMessage("refused");
        assertThat(leases.get("k", clock, () -> make(Duration.ofMinutes(5)))).isEqualTo("v2");
    }

    /** Callers that come while a value is being made wait for that one: its value, or its failure. */
    @Test
    void callers_during_the_one_in_flight_share_its_result_value_or_failure() throws Exception {
        for (boolean fails : List.of(false, true)) {
            Leases<String, String> shared = new Leases<>(Duration.ofMinutes(1));
            CountDownLatch entered = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            AtomicInteger calls = new AtomicInteger();
            List<Thread> threads = new ArrayList<>();
            List<String> got = java.util.Collections.synchronizedList(new ArrayList<>());
            Runnable caller = () -> {
                try {
                    got.add(shared.get("k", clock, () -> {
                        calls.incrementAndGet();
                        entered.countDown();
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                        if (fails) {
                            throw new IllegalStateException("token service refused");
                        }
                        return new Leases.Lease<>("token", clock.instant().plusSeconds(3600));
                    }));
                } catch (IllegalStateException e) {
                    got.add("failed: " + e.getMessage());
                }
            };
            Thread maker = new Thread(caller);
            maker.start();
            entered.await();
            for (int i = 0; i < 7; i++) {
                Thread t = new Thread(caller);
                threads.add(t);
                t.start();
            }
            for (Thread t : threads) { // each is parked on the value in flight before it is released
                while (t.getState() != Thread.State.WAITING) {
                    Thread.onSpinWait();
                }
            }
            release.countDown();
            maker.join();
            for (Thread t : threads) {
                t.join();
            }
            assertThat(calls).as("fails=" + fails).hasValue(1);
            assertThat(got).hasSize(8).containsOnly(fails ? "failed: token service refused" : "token");
        }
    }
}
