package dev.notif.stripe;

import dev.notif.core.Leases;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What {@code check stripe} reads of Stripe accounts, shared by the stores of one run over notif.toml: many apps
 * often use one account (the same key at the same API base), and each of its reads (the account, its webhook
 * endpoints, event destinations, events) is then made once and handed to every store that asks, concurrent callers
 * waiting for the one in flight. A read that fails is handed to the callers waiting for it (each store reports it,
 * with its cause) and is not kept: the next caller reads again. A write through an account drops what was read of it.
 * Every store of the run thus judges the account as it was when first read (as a run of its checks at that moment
 * would): only commands that never write take their reads from here.
 *
 * <p>An account is the API base, the key (held by its fingerprint, never its value) and how it is reached (timeout,
 * attempts), so that a store never gets an answer made under another store's settings.
 */
public final class StripeReads {
    private final ConcurrentHashMap<String, Account> accounts = new ConcurrentHashMap<>();

    /** The reads of the account behind {@code key} at {@code apiBase}, reached with this timeout and attempts. */
    public Account of(StripeKey key, String apiBase, Duration timeout, int attempts) {
        return accounts.computeIfAbsent(apiBase + " " + key.fingerprint() + " " + timeout.toMillis() + "ms " + attempts,
            k -> new Account());
    }

    /** One account's reads: leases that never expire ({@link Leases}: one read in flight, failures not kept). */
    public static final class Account {
        private volatile Leases<Object, Object> reads = new Leases<>(Duration.ZERO);

        Account() {
        }

        /** The answer to {@code what}: read by {@code read} unless it was read already or is being read. */
        @SuppressWarnings("unchecked")
        <T> T read(Object what, Supplier<T> read) {
            return (T) reads.get(what, Clock.systemUTC(), () -> new Leases.Lease<>(read.get(), null));
        }

        /** Something was written to the account: later reads ask Stripe again. */
        void written() {
            reads = new Leases<>(Duration.ZERO);
        }
    }
}
