package dev.notif.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.notif.core.Http;
import dev.notif.core.NotifException;
import dev.notif.core.RetryPolicy;
import dev.notif.testing.FakeStripe;
import dev.notif.testing.NoDelay;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A Stripe failure says how many attempts were made, which is the policy's maximum only when all were made. */
class StripeAttemptsTest {
    static final RetryPolicy POLICY = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2));
    static final String ERROR = "{\"error\":{\"type\":\"api_error\",\"message\":\"An unknown error occurred\"}}";
    final MockWebServer stripe = NoDelay.of(new MockWebServer());

    @AfterEach
    void stop() throws Exception {
        stripe.shutdown();
    }

    /** Answers every request with {@code status}, and {@code Stripe-Should-Retry} when not null. */
    void answer(int status, String shouldRetry) {
        stripe.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                MockResponse r = new MockResponse().setResponseCode(status)
                    .setHeader("Content-Type", "application/json").setBody(ERROR);
                return shouldRetry == null ? r : r.setHeader("Stripe-Should-Retry", shouldRetry);
            }
        });
    }

    static NotifException failure(StripeAccount account) {
        return catchThrowableOfType(account::endpoints, NotifException.class);
    }

    static StripeAccount account(String apiBase, OkHttpClient http) {
        return new StripeAccount(StripeKey.parse(FakeStripe.KEY), apiBase, http);
    }

    StripeAccount account() {
        return account(stripe.url("").toString().replaceAll("/$", ""), Http.apiClient(Duration.ofSeconds(5), POLICY));
    }

    @Test
    void a_5xx_stripe_says_not_to_retry_fails_after_one_attempt() {
        answer(503, "false");
        NotifException e = failure(account());
        assertThat(e.getMessage()).startsWith("Stripe failed to list webhook endpoints after 1 attempt (HTTP 503)");
        assertThat(stripe.getRequestCount()).isEqualTo(1);
    }

    @Test
    void a_5xx_on_every_attempt_fails_after_all_of_them() {
        answer(503, null);
        NotifException e = failure(account());
        assertThat(e.getMessage()).startsWith("Stripe failed to list webhook endpoints after 3 attempts (HTTP 503)");
        assertThat(stripe.getRequestCount()).isEqualTo(POLICY.maxAttempts());
    }

    @Test
    void a_5xx_retried_until_stripe_says_not_to_fails_after_the_attempts_made() {
        AtomicInteger requests = new AtomicInteger();
        stripe.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                MockResponse r = new MockResponse().setResponseCode(503).setHeader("Content-Type", "application/json")
                    .setBody(ERROR);
                return requests.incrementAndGet() == 1 ? r : r.setHeader("Stripe-Should-Retry", "false");
            }
        });
        NotifException e = failure(account());
        assertThat(e.getMessage()).startsWith("Stripe failed to list webhook endpoints after 2 attempts (HTTP 503)");
        assertThat(stripe.getRequestCount()).isEqualTo(2);
    }

    @Test
    void a_429_stripe_says_not_to_retry_is_one_rate_limited_request() {
        answer(429, "false");
        NotifException e = failure(account());
        assertThat(e.getMessage()).startsWith("Stripe rate-limited the request (429) after 1 attempt");
        assertThat(stripe.getRequestCount()).isEqualTo(1);
    }

    @Test
    void a_refused_connection_is_retried_and_fails_after_all_attempts() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        NotifException e = failure(account("http://127.0.0.1:" + port, Http.apiClient(Duration.ofSeconds(5), POLICY)));
        assertThat(e.getMessage()).startsWith("Stripe API at http://127.0.0.1:" + port
            + " could not be reached after 3 attempts: ");
        assertThat(e.getCause().getCause()).isInstanceOf(ConnectException.class);
    }

    @Test
    void a_name_that_does_not_resolve_is_not_retried_and_the_hint_says_to_check_it() {
        int[] lookups = {0};
        OkHttpClient http = Http.apiClient(Duration.ofSeconds(5), POLICY).newBuilder().dns(host -> {
            lookups[0]++;
            throw new UnknownHostException(host + ": Name or service not known"); // no DNS query
        }).build();
        NotifException e = failure(account("http://api.stripe.invalid", http));
        assertThat(e.getMessage()).isEqualTo("Stripe API at http://api.stripe.invalid could not be reached after 1"
            + " attempt: api.stripe.invalid: Name or service not known");
        assertThat(e.hint()).startsWith("check that api.stripe.invalid resolves");
        assertThat(e.getCause().getCause()).isInstanceOf(UnknownHostException.class);
        assertThat(lookups[0]).isEqualTo(1);
    }

    @Test
    void without_a_count_the_number_is_left_out() {
        answer(503, null);
        // a client without retries counts no attempts: the message says none rather than a guess
        NotifException e = failure(account(stripe.url("").toString().replaceAll("/$", ""),
            Http.client(Duration.ofSeconds(5))));
        assertThat(e.getMessage()).startsWith("Stripe failed to list webhook endpoints (HTTP 503)");
    }
}
