package dev.notif.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notif.core.Json;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A stateful fake of the App Store Connect API's apps resource: it checks every bearer token as Apple does
 * (ES256, kid, iss, aud appstoreconnect-v1, exp at most 20 minutes away), answers GET /v1/apps?filter[bundleId]
 * and applies PATCH /v1/apps/{id}, with Apple's JSON:API shapes and error bodies.
 */
public final class FakeAppStoreConnect extends Dispatcher {
    private final PublicKey key;
    private final String kid;
    private final String issuer;
    private final Map<String, ObjectNode> apps = new LinkedHashMap<>();
    public final List<String> requests = new CopyOnWriteArrayList<>();
    public final List<JsonNode> patches = new CopyOnWriteArrayList<>();
    /** Answers to give before the real one, one per request (for 5xx/429 retries). */
    public final List<MockResponse> failFirst = new CopyOnWriteArrayList<>();
    /** When set, PATCH answers 403 as for a key with a role that may not edit apps. */
    public volatile boolean readOnlyKey;

    public FakeAppStoreConnect(PublicKey key, String kid, String issuer) {
        this.key = key;
        this.kid = kid;
        this.issuer = issuer;
    }

    public FakeAppStoreConnect app(String id, String name, String bundleId, String url, String version,
                                   String sandboxUrl, String sandboxVersion) {
        ObjectNode a = Json.object();
        a.put("name", name).put("bundleId", bundleId).put("sku", "SKU" + id).put("primaryLocale", "en-US");
        a.put("subscriptionStatusUrl", url).put("subscriptionStatusUrlVersion", version);
        a.put("subscriptionStatusUrlForSandbox", sandboxUrl).put("subscriptionStatusUrlVersionForSandbox", sandboxVersion);
        apps.put(id, a);
        return this;
    }

    public JsonNode attributes(String id) {
        return apps.get(id);
    }

    @Override
    public synchronized MockResponse dispatch(RecordedRequest request) {
        requests.add(request.getMethod() + " " + request.getPath());
        if (!failFirst.isEmpty()) {
            return failFirst.remove(0);
        }
        List<String> problems = AppleTestKeys.jwtProblems(request.getHeader("Authorization"), key, kid, issuer,
            "appstoreconnect-v1", null, Instant.now());
        if (!problems.isEmpty()) {
            return error(401, "NOT_AUTHORIZED", "Authentication credentials are missing or invalid.",
                "Provide a properly configured and signed bearer token, and make sure that it has not expired. "
                    + problems);
        }
        HttpUrl url = request.getRequestUrl();
        List<String> segments = url.pathSegments();
        if ("GET".equals(request.getMethod()) && segments.equals(List.of("v1", "apps"))) {
            String bundleId = url.queryParameter("filter[bundleId]");
            ArrayNode data = Json.mapper().createArrayNode();
            apps.forEach((id, a) -> {
                // the fake also returns prefix matches (com.example.watch for com.example): the client must pick the exact one
                if (bundleId == null || a.path("bundleId").asText().startsWith(bundleId)) {
                    data.add(resource(id, a));
                }
            });
            ObjectNode doc = Json.object();
            doc.set("data", data);
            doc.set("links", Json.object().put("self", url.toString()));
            doc.set("meta", Json.object().set("paging", Json.object().put("total", data.size()).put("limit", 200)));
            return json(200, doc);
        }
        if ("PATCH".equals(request.getMethod()) && segments.size() == 3 && segments.get(1).equals("apps")) {
            if (readOnlyKey) {
                return error(403, "FORBIDDEN_ERROR", "The API key in use does not allow this request",
                    "The API key in use does not allow this request");
            }
            ObjectNode app = apps.get(segments.get(2));
            if (app == null) {
                return error(404, "NOT_FOUND", "The specified resource does not exist",
                    "There is no resource of type 'apps' with id '" + segments.get(2) + "'");
            }
            JsonNode body = Json.parse(request.getBody().readString(StandardCharsets.UTF_8));
            patches.add(body);
            JsonNode attrs = body.path("data").path("attributes");
            List<String> invalid = new ArrayList<>();
            attrs.fields().forEachRemaining(f -> {
                if (f.getKey().startsWith("subscriptionStatusUrl") && !f.getKey().contains("Version")
                    && !f.getValue().asText().startsWith("https://")) {
                    invalid.add(f.getKey());
                }
            });
            if (!invalid.isEmpty()) {
                return error(409, "ENTITY_ERROR.ATTRIBUTE.INVALID", "An attribute value is invalid.",
                    "The URL must use HTTPS: " + invalid);
            }
            attrs.fields().forEachRemaining(f -> app.set(f.getKey(), f.getValue()));
            ObjectNode doc = Json.object();
            doc.set("data", resource(segments.get(2), app));
            return json(200, doc);
        }
        return error(404, "NOT_FOUND", "The specified resource does not exist", "The path provided does not match a"
            + " defined resource type.");
    }

    private static ObjectNode resource(String id, ObjectNode attributes) {
        ObjectNode r = Json.object().put("type", "apps").put("id", id);
        r.set("attributes", attributes.deepCopy());
        r.set("links", Json.object().put("self", "https://api.appstoreconnect.apple.com/v1/apps/" + id));
        return r;
    }

    static MockResponse json(int status, JsonNode body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json")
            .setBody(Json.compact(body));
    }

    static MockResponse error(int status, String code, String title, String detail) {
        ObjectNode e = Json.object().put("id", "b8c2f5a4-0c5d-4c6e-9b3c-5f1d2a7e9c11").put("status", String.valueOf(status))
            .put("code", code).put("title", title).put("detail", detail);
        ObjectNode doc = Json.object();
        doc.set("errors", Json.mapper().createArrayNode().add(e));
        return json(status, doc);
    }
}
