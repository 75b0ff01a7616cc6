package dev.notif.google;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.core.Json;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Verifies the OIDC token Pub/Sub attaches to an authenticated push ({@code Authorization: Bearer <JWT>}), the way
 * Google's reference describes it: an RS256 signature by one of Google's keys (the JWKS at {@link #GOOGLE_CERTS},
 * looked up by {@code kid}, fetched again once when a {@code kid} is unknown: Google rotates them), {@code iss}
 * {@code accounts.google.com} or {@code https://accounts.google.com}, {@code aud} the configured audience, {@code
 * exp}/{@code iat} around now, and {@code email} (the subscription's service account) with {@code email_verified}.
 */
public final class PushAuth {
    public static final String GOOGLE_CERTS = "https://www.googleapis.com/oauth2/v3/certs";
    static final Set<String> ISSUERS = Set.of("accounts.google.com", "https://accounts.google.com");
    static final Duration SKEW = Duration.ofMinutes(5);

    /** Where Google's signing keys come from: a JWKS document (a URL in use, a fixed one in tests). */
    public interface Keys {
        /** The JWKS as Google serves it: {@code {"keys": [{kid, kty: RSA, alg: RS256, n, e}]}}. */
        JsonNode fetch();
    }

    /** Why a push was refused: 401 when no token came, 403 when one came and failed. */
    public record Refusal(int status, String reason) {
    }

    private final String audience;
    private final Set<String> accounts;
    private final Keys source;
    private final Clock clock;
    private Map<String, PublicKey> keys = Map.of();
    private Instant fetchedAt;
    static final Duration REFETCH = Duration.ofSeconds(30);

    /** {@code accounts} empty: any service account, as long as Google verified its e-mail. */
    public PushAuth(String audience, Set<String> accounts, Keys source, Clock clock) {
        this.audience = audience;
        this.accounts = Set.copyOf(accounts);
        this.source = source;
        this.clock = clock;
    }

    /** Null when the push carries a valid token; otherwise why not. */
    public Refusal check(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return new Refusal(401, "no Authorization: Bearer token: the subscription pushes without authentication"
                + " (notif setup google --topic TOPIC --url URL --push-auth SERVICE_ACCOUNT turns it on)");
        }
        String[] parts = authorization.substring(7).strip().split("\\.", -1);
        if (parts.length != 3) {
            return new Refusal(403, "the bearer token is not a JWT");
        }
        JsonNode header;
        JsonNode claims;
        byte[] signature;
        try {
            Base64.Decoder b64 = Base64.getUrlDecoder();
            header = Json.parse(new String(b64.decode(parts[0]), StandardCharsets.UTF_8));
            claims = Json.parse(new String(b64.decode(parts[1]), StandardCharsets.UTF_8));
            signature = b64.decode(parts[2]);
        } catch (RuntimeException e) {
            return new Refusal(403, "the bearer token is not a readable JWT");
        }
        if (!"RS256".equals(Json.text(header, "alg"))) {
            return new Refusal(403, "the token's alg is " + Json.text(header, "alg") + ", not RS256 (Google signs RS256)");
        }
        PublicKey key;
        try {
            key = key(Json.text(header, "kid"));
        } catch (RuntimeException e) {
            return new Refusal(503, "Google's signing keys could not be read, so the token cannot be verified: "
                + e.getMessage() + " (Pub/Sub retries the push)");
        }
        if (key == null) {
            return new Refusal(403, "the token's kid " + Json.text(header, "kid") + " is none of Google's signing keys");
        }
        if (!verifies(key, (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII), signature)) {
            return new Refusal(403, "the token's signature does not verify with Google's key " + Json.text(header, "kid"));
        }
        String iss = Json.text(claims, "iss");
        if (!ISSUERS.contains(iss)) {
            return new Refusal(403, "the token's issuer is " + iss + ", not accounts.google.com");
        }
        String aud = Json.text(claims, "aud");
        if (!audience.equals(aud)) {
            return new Refusal(403, "the token's audience is " + aud + ", not " + audience + " (the subscription's"
                + " push audience, or its push URL when none is set, must equal --google-audience)");
        }
        Instant now = clock.instant();
        if (!claims.path("exp").isNumber() || Instant.ofEpochSecond(claims.get("exp").asLong()).plus(SKEW).isBefore(now)) {
            return new Refusal(403, "the token has expired (exp " + claims.path("exp").asText() + ")");
        }
        if (claims.path("iat").isNumber() && Instant.ofEpochSecond(claims.get("iat").asLong()).minus(SKEW).isAfter(now)) {
            return new Refusal(403, "the token was issued in the future (iat " + claims.get("iat").asText() + "): check"
                + " this machine's clock");
        }
        String email = Json.text(claims, "email");
        if (email == null || !claims.path("email_verified").asBoolean(false)) {
            return new Refusal(403, "the token has no verified email (email_verified is not true)");
        }
        if (!accounts.isEmpty() && !accounts.contains(email)) {
            return new Refusal(403, "the token is " + email + "'s, not " + String.join(" or ", accounts.stream().sorted()
                .toList()) + "'s (the subscription's push service account)");
        }
        return null;
    }

    /**
     * The key of this kid. Google's keys are read at the first push and again when a kid is unknown (they rotate),
     * at most every 30 s, so tokens with made-up kids cannot make the receiver hammer Google.
     */
    private synchronized PublicKey key(String kid) {
        if (kid == null) {
            return null;
        }
        Instant now = clock.instant();
        if (!keys.containsKey(kid) && (fetchedAt == null || now.isAfter(fetchedAt.plus(REFETCH)))) {
            keys = parse(source.fetch()); // throws when unreachable: answered 503, not as a forged token
            fetchedAt = now;
        }
        return keys.get(kid);
    }

    static Map<String, PublicKey> parse(JsonNode jwks) {
        Map<String, PublicKey> m = new HashMap<>();
        for (JsonNode k : jwks.path("keys")) {
            if (!"RSA".equals(Json.text(k, "kty")) || Json.text(k, "kid") == null) {
                continue;
            }
            try {
                Base64.Decoder b64 = Base64.getUrlDecoder();
                BigInteger n = new BigInteger(1, b64.decode(Json.text(k, "n")));
                BigInteger e = new BigInteger(1, b64.decode(Json.text(k, "e")));
                m.put(Json.text(k, "kid"), KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e)));
            } catch (GeneralSecurityException | RuntimeException ex) {
                // a key notif cannot read verifies nothing
            }
        }
        return m;
    }

    private static boolean verifies(PublicKey key, byte[] input, byte[] signature) {
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(key);
            rsa.update(input);
            return rsa.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The audience and accounts, for the receiver's start-up line. */
    public List<String> describe() {
        return List.of("audience " + audience, accounts.isEmpty() ? "any verified service account"
            : "accounts " + String.join(", ", accounts));
    }
}
