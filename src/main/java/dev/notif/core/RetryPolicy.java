package dev.notif.core;

import java.time.Duration;

/**
 * How provider API calls are retried: attempts in all, and the exponential backoff between them
 * ({@code base * 2^n}, capped, with jitter), and where the pauses are shown ({@link Progress#retrying}).
 * {@code NOTIF_RETRY_BASE_MS} shortens it for tests.
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Progress progress) {

    /** A policy whose pauses show nothing. */
    public RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {
        this(maxAttempts, baseDelay, maxDelay, Progress.none());
    }

    public static RetryPolicy standard(Context ctx) {
        String base = ctx == null ? null : ctx.env("NOTIF_RETRY_BASE_MS");
        long ms = 500;
        if (base != null) {
            try {
                ms = Long.parseLong(base);
            } catch (NumberFormatException e) {
                ms = 500;
            }
        }
        return new RetryPolicy(4, Duration.ofMillis(ms), Duration.ofMillis(Math.max(ms, 1) * 16),
            ctx == null ? Progress.none() : ctx.progress());
    }

    /** Delay before attempt {@code attempt + 1} (attempt counts from 1), honouring a server's Retry-After. */
    public Duration delay(int attempt, Duration retryAfter) {
        long exp = baseDelay.toMillis() * (1L << Math.min(attempt - 1, 16));
        long capped = Math.min(exp, maxDelay.toMillis());
        long jittered = capped / 2 + (long) (Math.random() * (capped / 2 + 1));
        if (retryAfter != null) {
            jittered = Math.max(jittered, Math.min(retryAfter.toMillis(), maxDelay.toMillis()));
        }
        return Duration.ofMillis(jittered);
    }
}
