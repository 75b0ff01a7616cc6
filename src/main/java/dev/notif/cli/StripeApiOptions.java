package dev.notif.cli;

import dev.notif.core.Context;
import dev.notif.core.Http;
import dev.notif.core.RetryPolicy;
import dev.notif.core.NotifException;
import dev.notif.core.Urls;
import dev.notif.stripe.RotationState;
import dev.notif.stripe.StripeAccount;
import dev.notif.stripe.StripeKey;
import dev.notif.stripe.StripeReads;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** How a command reaches the Stripe API: the key and, for tests and local fakes, another API host. */
public class StripeApiOptions {
    @Option(names = "--api-key", paramLabel = "KEY|-",
        description = "Stripe secret or restricted key (sk_test_/rk_test_/sk_live_/rk_live_, rkcs_test_ for a claimable"
            + " sandbox); '-' reads it from stdin (a hidden prompt on a terminal); default: $STRIPE_API_KEY."
            + " Its prefix decides test or live mode.")
    String apiKey;

    @Option(names = "--api-key-file", paramLabel = "FILE", description = "Read the Stripe key from FILE (one line).")
    Path apiKeyFile;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--api-base", paramLabel = "URL",
        description = "Stripe API base URL (default: " + StripeAccount.DEFAULT_API_BASE + "); for tests and local fakes.")
    String apiBase;

    /** The key (--api-key, else $STRIPE_API_KEY: EnvDefaults), or exit 3 when it is missing or not an API key. */
    StripeKey key() {
        if (key == null) {
            key = StripeKey.resolve(SecretInput.resolve((BaseCommand) command.userObject(), "--api-key", apiKey,
                "--api-key-file", apiKeyFile));
        }
        return key;
    }

    private StripeKey key;

    String apiBase() {
        if (apiBase == null) {
            return StripeAccount.DEFAULT_API_BASE;
        }
        String base = Urls.http("--api-base", apiBase).toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** The account, or why there is none (a check reports it and carries on); a rotation in progress for the URL. */
    record Access(StripeAccount account, NotifException problem, RotationState rotation) {
    }

    /**
     * For {@code check stripe}, which only reads: its reads of the account are shared with the other checks of the
     * process (a run over notif.toml checks many apps of one account; see {@link StripeReads}).
     */
    Access access(Context ctx, Duration timeout, String url) {
        try {
            StripeKey key = key();
            RotationState rotation = RotationState.find(ctx.configDir(), key.mode(), url);
            RetryPolicy policy = RetryPolicy.standard(ctx);
            StripeReads.Account reads = ctx.shared(StripeReads.class, StripeReads::new).of(key, apiBase(), timeout,
                policy.maxAttempts());
            return new Access(new StripeAccount(key, apiBase(), Http.apiClient(timeout, policy), reads), null,
                rotation);
        } catch (NotifException e) {
            return new Access(null, e, null);
        }
    }

    StripeAccount account(Context ctx, StripeKey key, Duration timeout) {
        RetryPolicy policy = RetryPolicy.standard(ctx);
        return new StripeAccount(key, apiBase(), Http.apiClient(timeout, policy));
    }
}
