package dev.notif.apple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notif.core.Http;
import dev.notif.core.Json;
import dev.notif.core.NotifException;
import dev.notif.core.Secrets;
import java.io.IOException;
import java.time.Clock;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The two App Store Connect API calls notif needs: read an app's App Store Server Notifications settings by bundle
 * id ({@code GET /v1/apps?filter[bundleId]=…}) and change them ({@code PATCH /v1/apps/{id}}). Errors become
 * notif's exit codes: 401/403 credentials (3), 409/422 refused values (2), unreachable or 5xx after retries (4).
 */
public final class AppStoreConnect {
    public static final String API_BASE = "https://api.appstoreconnect.apple.com";
    static final String FIELDS = "name,bundleId,subscriptionStatusUrl,subscriptionStatusUrlVersion,"
        + "subscriptionStatusUrlForSandbox,subscriptionStatusUrlVersionForSandbox";
    private static final MediaType JSON = MediaType.get("application/json");

    private final OkHttpClient client;
    private final HttpUrl base;
    private final AppleKey key;
    private final Clock clock;
    private final AppleTokens tokens;

    public AppStoreConnect(OkHttpClient client, HttpUrl base, AppleKey key, Clock clock) {
        this(client, base, key, clock, new AppleTokens());
    }

    /** {@code tokens}: the process's, so that the team key's token serves every app of a run. */
    public AppStoreConnect(OkHttpClient client, HttpUrl base, AppleKey key, Clock clock, AppleTokens tokens) {
        this.client = client;
        this.base = base;
        this.key = key;
        this.clock = clock;
        this.tokens = tokens;
    }

    /** One environment's notification settings: the URL (or null) and the version ({@code V1}, {@code V2} or null). */
    public record Endpoint(String url, String version) {
        public boolean configured() {
            return url != null && !url.isBlank();
        }
    }

    /** An app as App Store Connect describes it, with both environments' settings. */
    public record App(String id, String name, String bundleId, Endpoint production, Endpoint sandbox) {
        public Endpoint endpoint(AppleEnvironment env) {
            return env == AppleEnvironment.PRODUCTION ? production : sandbox;
        }
    }

    /** The app with exactly this bundle id, or null when the key's team has none. */
    public App findApp(String bundleId) {
        HttpUrl url = base.newBuilder().addPathSegments("v1/apps")
            .addQueryParameter("filter[bundleId]", bundleId)
            .addQueryParameter("fields[apps]", FIELDS)
            .addQueryParameter("limit", "200")
            .build();
        JsonNode body = call(new Request.Builder().url(url).get(), "read the app " + bundleId);
        for (JsonNode app : body.path("data")) {
            if (bundleId.equals(app.path("attributes").path("bundleId").asText(null))) {
                return app(app);
            }
        }
        return null;
    }

    /** Sets the given fields (null ones are left alone) and returns the app as App Store Connect now has it. */
    public App update(String appId, Endpoint production, Endpoint sandbox) {
        ObjectNode attributes = Json.object();
        if (production != null) {
            attributes.put("subscriptionStatusUrl", production.url());
            attributes.put("subscriptionStatusUrlVersion", production.version());
        }
        if (sandbox != null) {
            attributes.put("subscriptionStatusUrlForSandbox", sandbox.url());
            attributes.put("subscriptionStatusUrlVersionForSandbox", sandbox.version());
        }
        ObjectNode data = Json.object().put("type", "apps").put("id", appId);
        data.set("attributes", attributes);
        ObjectNode doc = Json.object();
        doc.set("data", data);
        HttpUrl url = base.newBuilder().addPathSegments("v1/apps").addPathSegment(appId)
            .addQueryParameter("fields[apps]", FIELDS).build();
        // setting the same values twice is harmless, so a PATCH lost to a network error may be repeated
        Request.Builder request = new Request.Builder().url(url).patch(RequestBody.create(Json.compact(doc), JSON))
            .tag(Http.SafeToRetry.class, Http.SafeToRetry.TAG);
        return app(call(request, "update the app " + appId).path("data"));
    }

    static App app(JsonNode app) {
        JsonNode a = app.path("attributes");
        return new App(app.path("id").asText(null), a.path("name").asText(null), a.path("bundleId").asText(null),
            new Endpoint(text(a, "subscriptionStatusUrl"), text(a, "subscriptionStatusUrlVersion")),
            new Endpoint(text(a, "subscriptionStatusUrlForSandbox"), text(a, "subscriptionStatusUrlVersionForSandbox")));
    }

    private JsonNode call(Request.Builder request, String what) {
        request.header("Authorization", "Bearer " + tokens.connect(key, clock))
            .header("Accept", "application/json")
            .header("User-Agent", Http.userAgent());
        try (Response response = client.newCall(request.build()).execute()) {
            ResponseBody body = response.body();
            String text = body == null ? "" : body.string();
            if (response.isSuccessful()) {
                JsonNode json = Json.parseOrNull(text);
                if (json == null) {
                    throw NotifException.unavailable("App Store Connect answered " + response.code() + " to " + what
                        + " with a body that is not JSON", "retry later; if it persists, check --asc-api-base", null);
                }
                return json;
            }
            throw failure(response.code(), text, what);
        } catch (IOException e) {
            throw NotifException.unavailable("cannot reach the App Store Connect API at " + base + " to " + what + ": "
                + e.getMessage(), "check the network connection, or raise --timeout", e);
        }
    }

    /** What an App Store Connect error answer means for the user. */
    NotifException failure(int status, String body, String what) {
        JsonNode json = Json.parseOrNull(body);
        JsonNode error = json == null ? null : json.path("errors").path(0);
        String code = error == null ? null : Json.text(error, "code");
        String detail = error == null ? null : Json.text(error, "detail");
        String said = status + (code == null ? "" : " " + code) + (detail == null ? "" : ": " + Secrets.scrub(detail));
        if (status == 401) {
            return NotifException.credentials("App Store Connect rejected the team key " + key.keyId() + " (" + said + ")",
                "check that ASC_KEY_ID and ASC_ISSUER_ID belong to the .p8 file and that the key is not revoked; "
                    + AppleKey.Kind.ASC.where());
        }
        if (status == 403) {
            return NotifException.credentials("the App Store Connect API key " + key.keyId() + " may not " + what
                + " (" + said + ")", "use a team key with the App Manager or Admin role (a key's role cannot change:"
                    + " create a new one in App Store Connect > Users and Access > Integrations > Team Keys)");
        }
        if (status == 409 || status == 422 || status == 400) {
            return NotifException.usage("App Store Connect refused to " + what + " (" + said + ")",
                "check --url: Apple accepts only an https URL it can reach, at most 255 characters");
        }
        if (status == 404) {
            return NotifException.usage("App Store Connect has nothing to " + what + " (" + said + ")",
                "check the bundle id and that the key belongs to the app's team");
        }
        return NotifException.unavailable("App Store Connect failed to " + what + " (" + said + ")",
            "Apple's side failed even after retries; try again later (https://developer.apple.com/system-status/)",
            null);
    }

    private static String text(JsonNode node, String field) {
        String v = Json.text(node, field);
        return v == null || v.isEmpty() ? null : v;
    }
}
