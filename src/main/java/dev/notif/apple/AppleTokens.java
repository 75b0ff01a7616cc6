package dev.notif.apple;

import com.apple.itunes.storekit.client.BearerTokenAuthenticatorInterface;
import dev.notif.core.Json;
import dev.notif.core.Leases;
import dev.notif.core.Secrets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The bearer tokens notif signs for Apple's APIs: ES256 JWTs with the key id in {@code kid}, the issuer id in
 * {@code iss}, {@code iat}, {@code exp}, {@code aud = appstoreconnect-v1} and, for the App Store Server API, the
 * app's bundle id in {@code bid}. The App Store Server API's are signed for each request, as Apple's documentation
 * asks ("Generate a new signed JWT for each new request", Generating JSON Web Tokens for API requests) and Apple's
 * App Store Server Library does. The App Store Connect API's, which Apple accepts until their {@code exp}, are
 * reused until {@link #MARGIN} before it, one per key, callers that ask while it is being signed getting the same
 * one. Keep one per process ({@code ctx.shared(AppleTokens.class, AppleTokens::new)}).
 */
public final class AppleTokens {
    public static final String AUDIENCE = "appstoreconnect-v1";
    /**
     * The App Store Server API's: as long as Apple's own App Store Server Library gives its tokens (Apple refuses
     * tokens that expire more than 60 minutes after their {@code iat}).
     */
    static final Duration SERVER_API_LIFETIME = Duration.ofMinutes(5);
    /** The App Store Connect API's: Apple refuses tokens that live longer than 20 minutes. */
    static final Duration CONNECT_LIFETIME = Duration.ofMinutes(15);
    /**
     * An App Store Connect token is not handed out in its last minute: a request made with it, its retries included
     * (each bounded by --timeout), reaches Apple before it expires, on a clock a little behind Apple's too.
     */
    static final Duration MARGIN = Duration.ofMinutes(1);

    /** What tells one token from another: the key (its id, issuer and private key), the bundle id, the audience. */
    record Key(String keyId, String issuerId, String bundleId, String audience, String privateKey) {
        static Key of(AppleKey key, String bundleId) {
            return new Key(key.keyId(), key.issuerId(), bundleId, AUDIENCE,
                Secrets.fingerprint(key.privateKey().getEncoded()));
        }
    }

    private final Leases<Key, String> leases = new Leases<>(MARGIN);

    /** A new App Store Server API token for {@code bundleId}, signed by {@code key}: one for each request. */
    String serverApi(AppleKey key, String bundleId, Clock clock) {
        return sign(key, bundleId, clock.instant(), SERVER_API_LIFETIME);
    }

    /** The App Store Connect API's token (no bundle id), signed by the team key: this process's while it lasts. */
    String connect(AppleKey key, Clock clock) {
        return leases.get(Key.of(key, null), clock, () -> {
            Instant now = clock.instant();
            return new Leases.Lease<>(sign(key, null, now, CONNECT_LIFETIME), now.plus(CONNECT_LIFETIME));
        });
    }

    /** Apple's client asks for a token before each request: a new one each time. */
    BearerTokenAuthenticatorInterface authenticator(AppleKey key, String bundleId, Clock clock) {
        return () -> serverApi(key, bundleId, clock);
    }

    /**
     * The header {@code {"alg":"ES256","kid":...,"typ":"JWT"}} and the claims {@code iss, iat, exp, aud[, bid]} in
     * this order, written as Jackson writes them (compact; {@code AppleTokensTest} holds the two to the same bytes)
     * without building a tree and a generator for each request's token.
     */
    static String sign(AppleKey key, String bundleId, Instant now, Duration lifetime) {
        String header = "{\"alg\":\"ES256\",\"kid\":" + Json.quote(key.keyId()) + ",\"typ\":\"JWT\"}";
        String payload = "{\"iss\":" + Json.quote(key.issuerId()) + ",\"iat\":" + now.getEpochSecond() + ",\"exp\":"
            + now.plus(lifetime).getEpochSecond() + ",\"aud\":\"" + AUDIENCE + "\""
            + (bundleId == null ? "" : ",\"bid\":" + Json.quote(bundleId)) + "}";
        return Secrets.remember(Jws.sign(header, payload, key.privateKey())); // a bearer token until exp
    }
}
