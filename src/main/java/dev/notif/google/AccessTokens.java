package dev.notif.google;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.core.Http;
import dev.notif.core.Json;
import dev.notif.core.NotifException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * OAuth 2.0 access tokens for a service account by the JWT-bearer grant (RFC 7523), the flow Google's own libraries
 * use: an RS256-signed assertion {@code {iss, scope, aud: token_uri, iat, exp}} is exchanged at the key's token_uri.
 * The token is fetched once and reused until a minute before it expires.
 */
public final class AccessTokens {
    public static final String SCOPE = "https://www.googleapis.com/auth/cloud-platform";
    static final long LIFETIME_SECONDS = 3600;

    private final ServiceAccountKey key;
    private final OkHttpClient client;
    private final Clock clock;
    private String token;
    private Instant expiresAt;

    public AccessTokens(ServiceAccountKey key, OkHttpClient client, Clock clock) {
        this.key = key;
        this.client = client;
        this.clock = clock;
    }

    /** A valid access token; exit 3 when Google refuses the key, 4 when the token endpoint cannot be reached. */
    public synchronized String token() {
        Instant now = clock.instant();
        if (token == null || now.isAfter(expiresAt.minusSeconds(60))) {
            fetch(now);
        }
        return token;
    }

    /** The signed JWT assertion: header {@code {alg: RS256, typ: JWT, kid}}, claims as Google documents them. */
    static String assertion(ServiceAccountKey key, String scope, Instant now) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "RS256");
        header.put("typ", "JWT");
        if (key.privateKeyId() != null) {
            header.put("kid", key.privateKeyId());
        }
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", key.clientEmail());
        claims.put("scope", scope);
        claims.put("aud", key.tokenUri());
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.getEpochSecond() + LIFETIME_SECONDS);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signingInput = b64.encodeToString(Json.compact(header).getBytes(StandardCharsets.UTF_8)) + "."
            + b64.encodeToString(Json.compact(claims).getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key.privateKey());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + b64.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw NotifException.credentials("cannot sign with the key of " + key.clientEmail() + ": " + e.getMessage(),
                ServiceAccountKey.CREATE_KEY);
        }
    }

    private void fetch(Instant now) {
        Request request = new Request.Builder().url(key.tokenUri())
            .header("User-Agent", Http.userAgent())
            .post(new FormBody.Builder()
                .add("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer")
                .add("assertion", assertion(key, SCOPE, now))
                .build())
            .tag(Http.SafeToRetry.class, Http.SafeToRetry.TAG) // exchanging an assertion changes nothing
            .build();
        try (Response response = client.newCall(request).execute()) {
            String body = response.body() == null ? "" : response.body().string();
            JsonNode json = Json.parseOrNull(body);
            if (response.isSuccessful() && json != null && Json.text(json, "access_token") != null) {
                token = Json.text(json, "access_token");
                expiresAt = now.plusSeconds(json.path("expires_in").asLong(LIFETIME_SECONDS));
                return;
            }
            if (response.code() >= 500 || response.code() == 429) {
                throw NotifException.unavailable("Google's token endpoint " + key.tokenUri() + " kept failing (HTTP "
                    + response.code() + ")", "retry in a few minutes; see https://status.cloud.google.com", null);
            }
            throw refused(key, response.code(), json);
        } catch (IOException e) {
            throw NotifException.unavailable("cannot reach Google's token endpoint " + key.tokenUri() + ": "
                + e.getMessage(), "check the network and proxy settings, then retry", e);
        }
    }

    /** Why Google refused the assertion, in words that name the fix. */
    static NotifException refused(ServiceAccountKey key, int status, JsonNode json) {
        String error = Json.text(json, "error");
        String description = Json.text(json, "error_description");
        String said = (error == null ? "HTTP " + status : error) + (description == null ? "" : ": " + description);
        String lower = said.toLowerCase(Locale.ROOT);
        String account = key.clientEmail();
        String hint;
        if (lower.contains("invalid jwt signature")) {
            hint = "the key " + key.privateKeyId() + " was deleted or rotated; create a new key for " + account;
        } else if (lower.contains("reasonable timeframe") || lower.contains("iat and exp")) {
            hint = "this machine's clock is off; sync it (NTP) and retry";
        } else if (lower.contains("disabled")) {
            hint = "the service account " + account + " is disabled; enable it in IAM & Admin > Service accounts";
        } else if (lower.contains("not found") || lower.contains("invalid_client")) {
            hint = "the service account " + account + " was deleted; create a new account and key";
        } else {
            hint = "check that the key of " + account + " is current (IAM & Admin > Service accounts > Keys)";
        }
        return NotifException.credentials("Google refused the service-account key of " + account + " (" + said + ")", hint);
    }
}
