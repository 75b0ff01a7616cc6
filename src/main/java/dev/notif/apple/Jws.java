package dev.notif.apple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.core.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/**
 * Compact JWS with ES256, as Apple uses it: App Store Connect and App Store Server API tokens, signed payloads.
 * The JOSE signature is the raw {@code R || S} pair (IEEE P1363), which the JDK signs and verifies directly.
 */
public final class Jws {
    static final String ES256 = "SHA256withECDSAinP1363Format";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Jws() {
    }

    /** The three parts of a compact JWS, decoded but not verified. */
    public record Parts(JsonNode header, JsonNode payload, byte[] signingInput, byte[] signature) {
        public String alg() {
            return Json.text(header, "alg");
        }
    }

    /** Thrown when a string is not a compact JWS at all (not three base64url parts of JSON). */
    public static final class FormatException extends Exception {
        FormatException(String message) {
            super(message);
        }
    }

    /**
     * Each thread's ES256 signer, initialised with the key of each signature: a new {@code Signature} costs a provider
     * lookup, and its first initialisation the choice of a provider for the key.
     */
    private static final ThreadLocal<Signature> SIGNERS = new ThreadLocal<>() {
        @Override
        protected Signature initialValue() {
            try {
                return Signature.getInstance(ES256);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("no " + ES256 + " in this Java runtime: " + e.getMessage(), e);
            }
        }
    };

    /** {@code base64url(header).base64url(payload).base64url(ES256 signature)}. */
    public static String sign(JsonNode header, JsonNode payload, PrivateKey key) {
        return sign(Json.compact(header), Json.compact(payload), key);
    }

    /** The same, of the header's and payload's JSON text as it is. */
    static String sign(String headerJson, String payloadJson, PrivateKey key) {
        String input = encode(headerJson.getBytes(StandardCharsets.UTF_8)) + "."
            + encode(payloadJson.getBytes(StandardCharsets.UTF_8));
        try {
            Signature s = SIGNERS.get();
            s.initSign(key);
            s.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + encode(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ES256 signing failed: " + e.getMessage(), e);
        }
    }

    public static Parts decode(String jws) throws FormatException {
        String token = jws == null ? "" : jws.strip();
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new FormatException("a signed payload is three base64url parts separated by dots; this has "
                + parts.length);
        }
        JsonNode header = json(parts[0], "header");
        JsonNode payload = json(parts[1], "payload");
        byte[] signature;
        try {
            signature = DECODER.decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new FormatException("the signature part is not base64url");
        }
        return new Parts(header, payload, (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII), signature);
    }

    /** Whether {@code parts} carries a valid ES256 signature by {@code key}. */
    public static boolean verifies(Parts parts, PublicKey key) {
        try {
            Signature s = Signature.getInstance(ES256);
            s.initVerify(key);
            s.update(parts.signingInput());
            return s.verify(parts.signature());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The payload of a JWS without verifying it (for data Apple's API returned over TLS), or null. */
    public static JsonNode payloadOrNull(String jws) {
        try {
            return decode(jws).payload();
        } catch (FormatException e) {
            return null;
        }
    }

    static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    private static JsonNode json(String part, String name) throws FormatException {
        try {
            JsonNode node = Json.parseOrNull(new String(DECODER.decode(part), StandardCharsets.UTF_8));
            if (node == null || !node.isObject()) {
                throw new FormatException("the " + name + " part is not a JSON object");
            }
            return node;
        } catch (IllegalArgumentException e) {
            throw new FormatException("the " + name + " part is not base64url");
        }
    }
}
