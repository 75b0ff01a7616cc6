package dev.notif.google;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.core.Http;
import dev.notif.core.Json;
import dev.notif.core.NotifException;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * One Google REST API (Pub/Sub, Cloud Monitoring) over okhttp: JSON in and out, a bearer token unless the target is
 * the emulator, retries with backoff by {@link Http#apiClient}. A non-2xx answer becomes a {@link GoogleApiException};
 * 5xx and 429 after the retries, and network failures, become exit 4.
 */
public final class GoogleApi {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final String service;
    private final HttpUrl base;
    private final OkHttpClient client;
    private final Supplier<String> bearer;

    /** {@code bearer} null: no Authorization header (the Pub/Sub emulator). */
    public GoogleApi(String service, String base, OkHttpClient client, Supplier<String> bearer) {
        this.service = service;
        HttpUrl url = HttpUrl.parse(base);
        if (url == null) {
            throw NotifException.usage("not a URL for the " + service + " API: " + base, "pass a full URL such as https://"
                + "pubsub.googleapis.com");
        }
        this.base = url;
        this.client = client;
        this.bearer = bearer;
    }

    /** GET with query parameters; a collection value repeats its parameter. */
    public JsonNode get(String path, Map<String, ?> query) {
        HttpUrl.Builder url = url(path);
        query.forEach((name, value) -> {
            if (value instanceof Collection<?> values) {
                values.forEach(v -> url.addQueryParameter(name, String.valueOf(v)));
            } else {
                url.addQueryParameter(name, String.valueOf(value));
            }
        });
        return execute(new Request.Builder().url(url.build()).get(), "GET " + path);
    }

    /** PUT, POST or PATCH with a JSON body; {@code safeToRetry} for reads over POST and conditional writes. */
    public JsonNode send(String method, String path, JsonNode body, boolean safeToRetry) {
        Request.Builder request = new Request.Builder().url(url(path).build())
            .method(method, RequestBody.create(Json.compact(body), JSON));
        if (safeToRetry) {
            request.tag(Http.SafeToRetry.class, Http.SafeToRetry.TAG);
        }
        return execute(request, method + " " + path);
    }

    private HttpUrl.Builder url(String path) {
        // path is "v1/projects/p/topics/t:publish"; ':' and '/' stay as they are
        HttpUrl.Builder url = base.newBuilder();
        String basePath = base.encodedPath().endsWith("/") ? base.encodedPath() : base.encodedPath() + "/";
        return url.encodedPath(basePath + path);
    }

    private JsonNode execute(Request.Builder request, String what) {
        request.header("User-Agent", Http.userAgent()).header("Accept", "application/json");
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer.get());
        }
        try (Response response = client.newCall(request.build()).execute()) {
            // JSON is UTF-8 (RFC 8259) and Google's APIs say so: read as such, without parsing the Content-Type
            String body = response.body() == null ? "" : response.body().source().readUtf8();
            if (response.isSuccessful()) {
                JsonNode json = Json.parseOrNull(body);
                return json == null ? Json.object() : json;
            }
            GoogleApiException error = GoogleApiException.parse(response.code(), body);
            if (response.code() >= 500 && !error.unimplemented() || response.code() == 429) {
                throw NotifException.unavailable("the " + service + " API kept failing on " + what + ": HTTP "
                    + response.code() + " " + error.getMessage(), "retry in a few minutes; see"
                    + " https://status.cloud.google.com", error);
            }
            if (response.code() == 401) {
                throw NotifException.credentials("the " + service + " API rejected the access token: "
                    + error.getMessage(), "check that the key is current and the clock of this machine is right");
            }
            throw error;
        } catch (IOException e) {
            throw NotifException.unavailable("cannot reach the " + service + " API at " + base + ": " + e.getMessage(),
                "check the network and proxy settings (or the --*-api-base / PUBSUB_EMULATOR_HOST value), then retry",
                e);
        }
    }
}
