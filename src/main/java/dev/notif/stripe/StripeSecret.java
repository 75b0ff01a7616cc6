package dev.notif.stripe;

import java.util.ArrayList;
import java.util.List;

/** What can be wrong with a value pasted as a webhook signing secret. */
public final class StripeSecret {

    /** One problem; a fatal one means the value cannot be a signing secret at all. */
    public record Problem(String code, String message, String fix, boolean fatal) {
    }

    private static final String ALPHANUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private StripeSecret() {
    }

    /** A new random signing secret shaped like Stripe's: {@code whsec_} and 32 letters and digits. */
    public static String generate() {
        java.security.SecureRandom random = new java.security.SecureRandom();
        StringBuilder sb = new StringBuilder("whsec_");
        for (int i = 0; i < 32; i++) {
            sb.append(ALPHANUM.charAt(random.nextInt(ALPHANUM.length())));
        }
        return sb.toString();
    }

    public static List<Problem> problems(String secret) {
        List<Problem> problems = new ArrayList<>();
        if (secret == null || secret.isEmpty()) {
            problems.add(new Problem("empty", "the secret is empty",
                "copy the endpoint's signing secret (whsec_...) from Stripe: Developers > Webhooks > the endpoint > Reveal", true));
            return problems;
        }
        String s = secret;
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            problems.add(new Problem("quoted", "the secret is wrapped in quotes, which become part of the key",
                "remove the quotes: the secret is the bare whsec_... string", true));
            s = s.substring(1, s.length() - 1);
        }
        if (!s.equals(s.strip())) {
            problems.add(new Problem("whitespace", "the secret has leading or trailing whitespace (often a pasted newline)",
                "remove the whitespace: every character is part of the HMAC key", true));
            s = s.strip();
        } else if (s.chars().anyMatch(Character::isWhitespace)) {
            problems.add(new Problem("whitespace", "the secret contains whitespace",
                "copy the secret again in one piece", true));
        }
        if (s.startsWith("sk_") || s.startsWith("rk_") || s.startsWith("rkcs_")) {
            problems.add(new Problem("api_key", "this is a Stripe API key (" + s.substring(0, s.indexOf('_') + 1)
                + "...), not a webhook signing secret",
                "use the endpoint's signing secret, which starts with whsec_ (Developers > Webhooks > the endpoint > Reveal);"
                    + " never paste an API key where a webhook secret belongs", true));
        } else if (s.startsWith("pk_")) {
            problems.add(new Problem("publishable_key", "this is a Stripe publishable key, not a webhook signing secret",
                "use the endpoint's signing secret, which starts with whsec_", true));
        } else if (s.startsWith("we_")) {
            problems.add(new Problem("endpoint_id", "this is a webhook endpoint id (we_...), not its signing secret",
                "reveal the endpoint's signing secret (whsec_...) in the Dashboard, or create it with notif setup stripe", true));
        } else if (!s.startsWith("whsec_")) {
            problems.add(new Problem("prefix", "the secret does not start with whsec_, as every Stripe signing secret does",
                "check that this is the endpoint's signing secret and not another value", false));
        } else if (s.length() < "whsec_".length() + 16) {
            problems.add(new Problem("short", "the secret is shorter than Stripe's signing secrets (it may be cut)",
                "copy the whole secret again", false));
        }
        return problems;
    }

    public static boolean hasFatal(List<Problem> problems) {
        return problems.stream().anyMatch(Problem::fatal);
    }
}
