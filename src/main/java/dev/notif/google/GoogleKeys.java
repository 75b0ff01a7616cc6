package dev.notif.google;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.core.Http;
import dev.notif.core.Json;
import dev.notif.core.NotifException;
import dev.notif.core.Urls;
import dev.notif.listen.ListenSetup;
import java.io.IOException;
import java.util.Set;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** Google's OIDC signing keys (a JWKS over HTTPS), for the receiver's push authentication. */
public final class GoogleKeys implements PushAuth.Keys {
    private final String url;
    private final OkHttpClient client;

    GoogleKeys(String url, OkHttpClient client) {
        this.url = url;
        this.client = client;
    }

    /** The receiver's verifier of authenticated pushes; {@code jwksUrl} null: Google's own keys. */
    public static PushAuth pushAuth(String audience, Set<String> accounts, String jwksUrl, ListenSetup setup) {
        if (audience.isBlank()) {
            throw NotifException.usage("--google-audience is empty", "pass the subscription's push audience (by"
                + " default its push URL)");
        }
        String url = jwksUrl == null ? PushAuth.GOOGLE_CERTS : Urls.http("--google-jwks-url", jwksUrl).toString();
        PushAuth auth = new PushAuth(audience, accounts, new GoogleKeys(url, Http.client(setup.timeout())),
            setup.ctx().clock());
        setup.notice().accept("POST /google requires authenticated pushes: " + String.join(", ", auth.describe())
            + " (keys from " + url + ")");
        return auth;
    }

    @Override
    public JsonNode fetch() {
        Request request = new Request.Builder().url(url).header("User-Agent", Http.userAgent()).get().build();
        try (Response r = client.newCall(request).execute()) {
            JsonNode body = r.body() == null ? null : Json.parseOrNull(r.body().string());
            if (!r.isSuccessful() || body == null) {
                throw new IllegalStateException("Google's keys at " + url + " answered HTTP " + r.code());
            }
            return body;
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach Google's keys at " + url + ": " + e.getMessage(), e);
        }
    }
}
