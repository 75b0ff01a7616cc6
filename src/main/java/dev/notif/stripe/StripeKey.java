package dev.notif.stripe;

import dev.notif.core.Inputs;
import dev.notif.core.NotifException;
import dev.notif.core.Secrets;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import okhttp3.HttpUrl;

/**
 * A Stripe API key and the mode it works in, which follows its prefix: {@code sk_test_}/{@code rk_test_} test,
 * {@code sk_live_}/{@code rk_live_} live, and {@code rkcs_test_} the restricted keys of Stripe's claimable sandboxes
 * (test mode). Restricted keys ({@code rk_}, {@code rkcs_}) may lack the webhook permissions.
 */
public record StripeKey(String value, String mode, boolean restricted) {
    public static final String TEST = "test";
    public static final String LIVE = "live";
    public static final String ENV = "STRIPE_API_KEY";
    static final String WHERE = "Stripe Dashboard > Developers > API keys";
    /** Secret, restricted, and claimable-sandbox restricted keys. */
    private static final String[] PREFIXES = {"sk_", "rk_", "rkcs_"};
    public static final String KINDS = "sk_test_, sk_live_, rk_test_, rk_live_, rkcs_test_";

    /** The key from {@code --api-key} or {@code STRIPE_API_KEY}; missing or not an API key: exit 3. */
    public static StripeKey resolve(String value) {
        if (value == null || value.isEmpty()) {
            String kind = "(a secret key, or a restricted key with Webhook Endpoints write and Events read) from " + WHERE;
            Inputs.File file = Inputs.file();
            if (file != null) { // a run over notif.toml reads only the file
                throw NotifException.credentials("no Stripe API key: missing " + Inputs.missing("--api-key", ENV),
                    "give api_key in " + file.table() + ": the key, \"${VARIABLE}\" or \"file:PATH\" " + kind);
            }
            throw NotifException.credentials("no Stripe API key: pass --api-key-file FILE, --api-key - (stdin) or"
                + " --api-key KEY, or set " + ENV, "export " + ENV + "=sk_test_... " + kind);
        }
        return parse(value);
    }

    public static StripeKey parse(String value) {
        Secrets.remember(value);
        String shown = Secrets.redact(value.strip());
        if (!value.equals(value.strip()) || value.chars().anyMatch(Character::isWhitespace)) {
            throw NotifException.credentials("the Stripe API key " + shown + " contains whitespace (often a pasted newline)",
                "set " + ENV + " to the bare key, without spaces or newlines");
        }
        for (String prefix : PREFIXES) {
            for (String mode : new String[] {TEST, LIVE}) {
                if (value.startsWith(prefix + mode + "_") && value.length() > (prefix + mode + "_").length()) {
                    return new StripeKey(value, mode, !prefix.equals("sk_"));
                }
            }
        }
        String what = value.startsWith("pk_") ? "a publishable key, which cannot manage webhook endpoints"
            : value.startsWith("whsec_") ? "a webhook signing secret, not an API key (pass it to check as --secret)"
            : "not a Stripe secret or restricted API key (" + KINDS + ")";
        throw NotifException.credentials("the Stripe API key " + shown + " is " + what,
            "set " + ENV + " to a secret key (sk_...) or restricted key (rk_...) from " + WHERE);
    }

    public boolean live() {
        return LIVE.equals(mode);
    }

    /** Stripe delivers live-mode events only to https URLs; test mode takes http too. */
    public boolean canDeliverTo(HttpUrl url) {
        return !live() || url != null && url.isHttps();
    }

    public String redacted() {
        return Secrets.redact(value);
    }

    /** A stable, non-reversible name for the key's account when the API does not tell the account id. */
    public String fingerprint() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return "key:" + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "StripeKey[" + redacted() + ", " + mode + "]";
    }
}
