package dev.notif.stripe;

import dev.notif.core.HmacSha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

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

    /** One HMAC per thread: the receiver verifies every delivery, and looking the digest up each time costs. */
    private static final ThreadLocal<HmacSha256> MAC = ThreadLocal.withInitial(HmacSha256::new);

    /** The HMAC key Stripe uses: the UTF-8 bytes of the whole secret, {@code whsec_} included. */
    static byte[] key(String secret) {
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] hmac(String secret, long timestamp, byte[] body) {
        return hmac(key(secret), timestamp, body);
    }

    static byte[] hmac(byte[] key, long timestamp, byte[] body) {
        return MAC.get().mac(key, (timestamp + ".").getBytes(StandardCharsets.UTF_8), body);
    }

    /**
     * A {@code Stripe-Signature} value split as Stripe's libraries split it ({@code ,} then {@code =}), read leniently
     * (parts stripped): the timestamp (null when absent or not a number), the v1 and v0 signatures as given (and the
     * v1 ones that are hex, as bytes), and whether a part had spaces around it (which Stripe's libraries do not strip:
     * they then find no {@code t} or {@code v1} and refuse the delivery).
     */
    public record Header(Long timestamp, String rawTimestamp, List<String> v1, List<String> v0, boolean spaced,
                         List<byte[]> v1Bytes) {
        public static Header parse(String value) {
            Long timestamp = null;
            String raw = null;
            List<String> v1 = new ArrayList<>();
            List<String> v0 = new ArrayList<>();
            List<byte[]> bytes = new ArrayList<>();
            boolean spaced = false;
            for (String part : value == null ? new String[0] : value.split(",")) {
                int eq = part.indexOf('=');
                if (eq <= 0) {
                    continue;
                }
                String key = part.substring(0, eq).strip();
                String v = part.substring(eq + 1).strip();
                spaced |= key.length() + v.length() + 1 != part.length();
                switch (key) {
                    case "t" -> {
                        raw = v;
                        try {
                            timestamp = Long.parseLong(v);
                        } catch (NumberFormatException e) {
                            timestamp = null;
                        }
                    }
                    case "v1" -> {
                        v1.add(v);
                        try {
                            bytes.add(HexFormat.of().parseHex(v));
                        } catch (IllegalArgumentException e) {
                            bytes.add(null); // a malformed v1 cannot match; others still may
                        }
                    }
                    case "v0" -> v0.add(v);
                    default -> { }
                }
            }
            return new Header(timestamp, raw, List.copyOf(v1), List.copyOf(v0), spaced,
                java.util.Collections.unmodifiableList(bytes));
        }

        /** The index of the v1 that {@code secret} signs for {@code body}, or -1. */
        public int matching(String secret, byte[] body) {
            return matching(key(secret), body);
        }

        int matching(byte[] key, byte[] body) {
            if (timestamp == null) {
                return -1;
            }
            byte[] expected = hmac(key, timestamp, body);
            int found = -1;
            for (int i = 0; i < v1Bytes.size(); i++) {
                // constant time, and every candidate compared: timing does not tell which one matched
                if (v1Bytes.get(i) != null && MessageDigest.isEqual(expected, v1Bytes.get(i)) && found < 0) {
                    found = i;
                }
            }
            return found;
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
        Header h = Header.parse(header);
        if (h.rawTimestamp() != null && h.timestamp() == null) {
            return Verification.fail("bad_header", "the t= timestamp is not a number");
        }
        if (h.timestamp() == null) {
            return Verification.fail("bad_header", "the Stripe-Signature header has no t= timestamp");
        }
        if (h.v1().isEmpty()) {
            return Verification.fail("no_v1", "the Stripe-Signature header has no v1 signature");
        }
        boolean matched = false;
        for (String secret : secrets) {
            matched |= h.matching(secret, body) >= 0; // every secret tried: timing does not tell which one matched
        }
        if (!matched) {
            return Verification.fail("no_match", "no v1 signature matches the configured secret"
                + (secrets.size() == 1 ? "" : "s"));
        }
        long timestamp = h.timestamp();
        if (toleranceSeconds > 0 && timestamp < nowSeconds - toleranceSeconds) {
            return Verification.fail("timestamp_outside_tolerance", "the signature timestamp is "
                + (nowSeconds - timestamp) + " s old, more than the " + toleranceSeconds + " s tolerance");
        }
        return Verification.pass();
    }
}
