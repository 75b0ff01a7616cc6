package dev.notif.apple;

import dev.notif.core.Secrets;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notif.core.Json;
import java.time.Duration;
import java.time.Instant;

/**
 * The bearer token of the App Store Connect API: an ES256 JWT with the key id in {@code kid}, the team's issuer id
 * in {@code iss}, {@code aud = appstoreconnect-v1} and an expiry under Apple's 20-minute limit.
 */
public final class AscToken {
    public static final String AUDIENCE = "appstoreconnect-v1";
    /** Apple rejects tokens that live longer than 20 minutes. */
    static final Duration LIFETIME = Duration.ofMinutes(15);

    private AscToken() {
    }

    public static String create(AppleKey key, Instant now) {
        ObjectNode header = Json.object().put("alg", "ES256").put("kid", key.keyId()).put("typ", "JWT");
        ObjectNode payload = Json.object()
            .put("iss", key.issuerId())
            .put("iat", now.getEpochSecond())
            .put("exp", now.plus(LIFETIME).getEpochSecond())
            .put("aud", AUDIENCE);
        return Secrets.remember(Jws.sign(header, payload, key.privateKey())); // a bearer token for 20 minutes
    }
}
