package dev.notif.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.notif.core.Http;
import dev.notif.core.NotifException;
import dev.notif.core.RetryPolicy;
import dev.notif.testing.FakeStripe;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A run's shared reads of an account: one read in flight for every caller, failures not kept, writes drop reads. */
class StripeReadsTest {
    final StripeReads reads = new StripeReads();
    final StripeKey key = StripeKey.parse(FakeStripe.KEY);

    StripeReads.Account account() {
        return reads.of(key, "http://127.0.0.1:1", Duration.ofSeconds(5), 4);
    }

    @Test
    void an_account_is_its_api_base_its_key_and_how_it_is_reached() {
        assertThat(account()).isSameAs(account());
        assertThat(reads.of(key, "http://127.0.0.1:2", Duration.ofSeconds(5), 4)).isNotSameAs(account());
        assertThat(reads.of(StripeKey.parse(FakeStripe.READ_ONLY_KEY), "http://127.0.0.1:1", Duration.ofSeconds(5), 4))
            .isNotSameAs(account());
        assertThat(reads.of(key, "http://127.0.0.1:1", Duration.ofSeconds(30), 4)).isNotSameAs(account());
    }

    @Test
    void a_caller_waits_for_the_read_in_flight_instead_of_reading_again() throws Exception {
        StripeReads.Account a = account();
        AtomicInteger made = new AtomicInteger();
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> a.read("endpoints", () -> {
            made.incrementAndGet();
            reading.countDown();
            await(answer);
            return "the list";
        }));
        reading.await();
        Thread second = new Thread(() -> assertThat(a.<String>read("endpoints", () -> {
            made.incrementAndGet();
            return "a second list";
        })).isEqualTo("the list"));
        second.start();
        while (second.getState() != Thread.State.WAITING && second.isAlive()) {
            Thread.onSpinWait(); // until the second caller waits for the first one's read
        }
        answer.countDown();
        second.join();
        assertThat(first.get()).isEqualTo("the list");
        assertThat(made).hasValue(1);
        assertThat(a.<String>read("endpoints", () -> "again")).isEqualTo("the list");
    }

    @Test
    void a_failed_read_goes_to_its_waiters_and_is_not_kept() throws Exception {
        StripeReads.Account a = account();
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        NotifException down = NotifException.unavailable("Stripe failed", "rerun", null);
        CompletableFuture<Object> first = CompletableFuture.supplyAsync(() -> a.read("endpoints", () -> {
            reading.countDown();
            await(answer);
            throw down;
        }));
        reading.await();
        CompletableFuture<Throwable> waiter = new CompletableFuture<>();
        Thread second = new Thread(() -> {
            try {
                a.read("endpoints", () -> "read by the waiter");
                waiter.complete(null);
            } catch (RuntimeException e) {
                waiter.complete(e);
            }
        });
        second.start();
        while (second.getState() != Thread.State.WAITING && second.isAlive()) {
            Thread.onSpinWait();
        }
        answer.countDown();
        assertThat(waiter.get()).isSameAs(down);
        assertThatThrownBy(first::join).hasCause(down);
        assertThat(a.<String>read("endpoints", () -> "read again")).isEqualTo("read again");
    }

    @Test
    void a_write_through_the_account_drops_what_was_read_of_it() throws Exception {
        try (FakeStripe stripe = new FakeStripe()) {
            StripeReads.Account shared = reads.of(key, stripe.apiBase(), Duration.ofSeconds(5), 1);
            StripeAccount account = new StripeAccount(key, stripe.apiBase(), Http.apiClient(Duration.ofSeconds(5),
                new RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(1))), shared);
            assertThat(account.endpoints()).isEmpty();
            assertThat(account.endpoints()).isEmpty();
            account.create("https://api.example.com/stripe", StripeEvents.allowed(false), null, null,
                StripeAccount.idempotencyKey("test", Instant.now().toString()));
            List<StripeEndpoint> after = account.endpoints();
            assertThat(after).extracting(StripeEndpoint::url).containsExactly("https://api.example.com/stripe");
            assertThat(stripe.calls().stream().filter(c -> c.method().equals("GET")).count()).isEqualTo(2);
        }
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
