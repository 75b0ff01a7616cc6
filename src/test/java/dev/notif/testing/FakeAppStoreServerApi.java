package dev.notif.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notif.core.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A stateful fake of one environment of the App Store Server API's notification endpoints. It checks every bearer
 * token as Apple does (ES256 by the In-App Purchase key, kid, iss, aud appstoreconnect-v1, bid, exp) and answers 401
 * otherwise; answers with the shapes of Apple's documented responses (the fixtures): test notification request
 * and status (404 4040008 until Apple knows the token, empty attempts until it has tried), history pages chained by
 * paginationToken, error 4040007 when no URL is set.
 */
public final class FakeAppStoreServerApi extends Dispatcher {
    static final Path FIXTURES = Path.of("src/test/resources/fixtures/apple");
    private static final Map<String, String> FIXTURE_TEXT = new ConcurrentHashMap<>();

    private final PublicKey key;
    private final String kid;
    private final String issuer;
    /** The apps the key serves (an In-App Purchase key is the team's): a token's bid must be one of them. */
    private final Set<String> apps;
    /** When false, the environment has no notification URL: requesting a test answers 404 4040007. */
    public volatile boolean urlConfigured = true;
    /** Status reads answered 404 4040008 (token not known yet), then ones with no attempts, then the attempts. */
    public volatile int unknownPolls;
    public volatile int emptyPolls;
    /** The attempts Apple makes at the test notification: sendAttemptResult values, in order. */
    public final List<String> attempts = new CopyOnWriteArrayList<>(List.of("SUCCESS"));
    /** History pages: each an array of history items; pages are chained with paginationToken. */
    public final List<ArrayNode> historyPages = new CopyOnWriteArrayList<>();
    /** Answers given before the real ones, one per request. */
    public final List<MockResponse> failFirst = new CopyOnWriteArrayList<>();
    /** False: the app has no production release, and (as Apple's production endpoints do then) every call is 401. */
    public volatile boolean released = true;
    public final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    public final List<JsonNode> historyBodies = new CopyOnWriteArrayList<>();
    public volatile int statusPolls;
    private final List<String> tokens = new CopyOnWriteArrayList<>();
    /** Apple's clock, against which each token's expiry is judged. */
    public volatile Clock clock = Clock.systemUTC();
    /**
     * The verdict on each bearer token string seen, apart from its expiry (judged at each request): verifying ES256
     * once per token, not once per request, as a token signed once serves many requests. A tampered token is another
     * string, verified afresh.
     */
    private final Map<String, AppleTestKeys.JwtVerdict> verdicts = new LinkedHashMap<>();

    /** {@code moreApps}: other apps of the team, whose tokens the same key signs. */
    public FakeAppStoreServerApi(PublicKey key, String kid, String issuer, String bundleId, String... moreApps) {
        this.key = key;
        this.kid = kid;
        this.issuer = issuer;
        Set<String> all = new LinkedHashSet<>(List.of(moreApps));
        all.add(bundleId);
        this.apps = Set.copyOf(all);
    }

    /** A fixture's document, a new tree each time (callers change theirs); each file is read once. */
    public static JsonNode fixture(String name) {
        return Json.parse(FIXTURE_TEXT.computeIfAbsent(name, n -> {
            try {
                return Files.readString(FIXTURES.resolve(n));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
    }

    /** A history item with these attempts (result@epochMillis), its signedPayload carrying type and uuid. */
    public static ObjectNode historyItem(String type, String uuid, Object... resultAndMillis) {
        ObjectNode item = Json.object();
        ArrayNode sendAttempts = item.putArray("sendAttempts");
        for (int i = 0; i < resultAndMillis.length; i += 2) {
            sendAttempts.addObject().put("attemptDate", (Long) resultAndMillis[i + 1])
                .put("sendAttemptResult", (String) resultAndMillis[i]);
        }
        ObjectNode payload = Json.object().put("notificationType", type).put("notificationUUID", uuid);
        String b64 = java.util.Base64.getUrlEncoder().withoutPadding()
            .encodeToString(Json.compact(payload).getBytes(StandardCharsets.UTF_8));
        item.put("signedPayload", "eyJhbGciOiJFUzI1NiJ9." + b64 + ".c2ln");
        return item;
    }

    @Override
    public synchronized MockResponse dispatch(RecordedRequest request) {
        requests.add(request);
        if (!released) {
            return new MockResponse().setResponseCode(401);
        }
        if (!failFirst.isEmpty()) {
            return failFirst.remove(0);
        }
        String authorization = String.valueOf(request.getHeader("Authorization"));
        List<String> problems = verdicts.computeIfAbsent(authorization, a -> AppleTestKeys.jwtVerdict(
            request.getHeader("Authorization"), key, kid, issuer, "appstoreconnect-v1", apps)).at(clock.instant());
        if (!problems.isEmpty()) {
            return new MockResponse().setResponseCode(401).setHeader("X-Problems", String.join("; ", problems));
        }
        String path = request.getRequestUrl().encodedPath();
        if ("POST".equals(request.getMethod()) && path.equals("/inApps/v1/notifications/test")) {
            if (!urlConfigured) {
                return error(404, 4040007L, "An error that indicates that the App Store server couldn't find a"
                    + " notifications URL for your app in this environment.");
            }
            String token = fixture("requestTestNotificationResponse.json").get("testNotificationToken").asText()
                + "_" + System.nanoTime();
            tokens.add(token);
            return json(200, Json.object().put("testNotificationToken", token));
        }
        if ("GET".equals(request.getMethod()) && path.startsWith("/inApps/v1/notifications/test/")) {
            String token = request.getRequestUrl().pathSegments().get(4);
            statusPolls++;
            if (!tokens.contains(token) || statusPolls <= unknownPolls) {
                return error(404, 4040008L, "An error that indicates that the test notification token is expired or"
                    + " the test notification status isn't available.");
            }
            ObjectNode status = (ObjectNode) fixture("getTestNotificationStatusResponse.json");
            ArrayNode list = status.putArray("sendAttempts");
            if (statusPolls > unknownPolls + emptyPolls) {
                long at = 1698148900000L;
                for (String result : attempts) {
                    list.addObject().put("attemptDate", at).put("sendAttemptResult", result);
                    at += 60_000;
                }
            }
            return json(200, status);
        }
        if ("POST".equals(request.getMethod()) && path.equals("/inApps/v1/notifications/history")) {
            JsonNode body = Json.parse(request.getBody().readString(StandardCharsets.UTF_8));
            historyBodies.add(body);
            if (!body.has("startDate") || !body.has("endDate")) {
                return error(400, 4000030L, "Invalid request: startDate and endDate are required.");
            }
            String token = request.getRequestUrl().queryParameter("paginationToken");
            int page = token == null ? 0 : Integer.parseInt(token.substring(token.lastIndexOf('-') + 1));
            ObjectNode doc = Json.object();
            boolean more = page + 1 < historyPages.size();
            if (more) {
                doc.put("paginationToken", "57715481-805a-4283-8499-1c19b5d6b20a-" + (page + 1));
            }
            doc.put("hasMore", more);
            doc.set("notificationHistory", historyPages.isEmpty() ? Json.mapper().createArrayNode()
                : historyPages.get(page));
            return json(200, doc);
        }
        return error(404, 4040000L, "Not found.");
    }

    /** The distinct bearer tokens the requests carried, in the order first seen. */
    public synchronized List<String> bearerTokens() {
        return List.copyOf(verdicts.keySet());
    }

    /** The history requests' pagination tokens, in order (null for the first page). */
    public List<String> historyTokens() {
        List<String> out = new ArrayList<>();
        for (RecordedRequest r : requests) {
            if (r.getRequestUrl().encodedPath().endsWith("/history")) {
                out.add(r.getRequestUrl().queryParameter("paginationToken"));
            }
        }
        return out;
    }

    static MockResponse json(int status, JsonNode body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json")
            .setBody(Json.compact(body));
    }

    public static MockResponse error(int status, long code, String message) {
        return json(status, Json.object().put("errorCode", code).put("errorMessage", message));
    }
}
