package dev.notif.stripe;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stripe's webhook signature: {@code Stripe-Signature: t=<unix>,v1=<hex>} where v1 is HMAC-SHA256, keyed by the
 * whole {@code whsec_...} string, over {@code "<t>.<raw body>"}.
 */
public final class StripeSignature {
    public static final String HEADER = "Stripe-Signature";
    public static final long DEFAULT_TOLERANCE_SECONDS = 300;

    /** Why a signature was refused; {@code null} reason means it verified. */
    public record Verification(boolean ok, String reason, String detail) {
        static Verification pass() {
            return new Verification(true, null, null);
        }

        static Verification fail(String reason, String detail) {
            return new Verification(false, reason, detail);
        }
    }

    private StripeSignature() {
    }

    public static String header(String secret, long timestamp, byte[] body) {
        return "t=" + timestamp + ",v1=" + hmacHex(secret, timestamp, body);
    }

    static String hmacHex(String secret, long timestamp, byte[] body) {
        return HexFormat.of().formatHex(hmac(secret, timestamp, body));
    }

    /** One Mac per thread: the receiver verifies every delivery, and looking the algorithm up each time costs. */
    private static final ThreadLocal<Mac> MAC = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    });

    private static byte[] hmac(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = MAC.get();
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /**
     * Verifies a header against any of the secrets (several during a rotation): any v1 of the header may match;
     * the timestamp may be at most {@code toleranceSeconds} old, as Stripe's libraries check it.
     */
    public static Verification verify(String header, byte[] body, List<String> secrets, long nowSeconds,
                                      long toleranceSeconds) {
        if (header == null || header.isBlank()) {
            return Verification.fail("missing_header", "no Stripe-Signature header");
        }
        Long timestamp = null;
        List<byte[]> v1 = new ArrayList<>();
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = part.substring(0, eq).strip();
            String value = part.substring(eq + 1).strip();
            if (key.equals("t")) {
                try {
                    timestamp = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    return Verification.fail("bad_header", "the t= timestamp is not a number");
                }
            } else if (key.equals("v1")) {
                try {
                    v1.add(HexFormat.of().parseHex(value));
                } catch (IllegalArgumentException e) {
                    // a malformed v1 cannot match; others still may
                }
            }
        }
        if (timestamp == null) {
            return Verification.fail("bad_header", "the Stripe-Signature header has no t= timestamp");
        }
        if (v1.isEmpty()) {
            return Verification.fail("no_v1", "the Stripe-Signature header has no v1 signature");
        }
        boolean matched = false;
        for (String secret : secrets) {
            byte[] expected = hmac(secret, timestamp, body);
            for (byte[] candidate : v1) {
                // constant time; keep comparing so timing does not tell which secret or signature matched
                matched |= MessageDigest.isEqual(expected, candidate);
            }
        }
        if (!matched) {
            return Verification.fail("no_match", "no v1 signature matches the configured secret"
                + (secrets.size() == 1 ? "" : "s"));
        }
        if (toleranceSeconds > 0 && timestamp < nowSeconds - toleranceSeconds) {
            return Verification.fail("timestamp_outside_tolerance", "the signature timestamp is "
                + (nowSeconds - timestamp) + " s old, more than the " + toleranceSeconds + " s tolerance");
        }
        return Verification.pass();
    }
}
