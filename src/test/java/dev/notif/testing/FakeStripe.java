package dev.notif.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notif.core.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;

/**
 * A stateful stand-in for the Stripe API on a MockWebServer: webhook endpoints (list with limit/starting_after/
 * has_more, create with its secret, retrieve, update, delete), events (types[], delivery_success, created[gte]),
 * the account, idempotency keys (a replay returns the saved answer with {@code Idempotent-Replayed: true}; other
 * parameters under the same key: 400 idempotency_error), API keys (401 for unknown ones, 403 for a restricted key
 * without webhook write), and injected faults (429, 5xx, connection resets before or after the work is done).
 * Object shapes follow the fixtures in {@code fixtures/stripe}.
 */
public final class FakeStripe extends Dispatcher implements AutoCloseable {
    public static final String KEY = "sk_test_51FakeKeyForNotifTests0000y123";
    public static final String LIVE_KEY = "sk_live_51FakeLiveKeyForNotifTests000z456";
    public static final String READ_ONLY_KEY = "rk_test_51FakeRestrictedReadOnly0000r789";
    public static final String ACCOUNT = "acct_1NotifTestAccount";
    private static final Pattern ENDPOINT = Pattern.compile("/v1/webhook_endpoints/([^/?]+)");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Injected failures: an answer instead of the work, or the work done and the answer lost. */
    public enum Fault { RATE_LIMITED, SERVER_ERROR, UNAVAILABLE, RESET, ANSWER_LOST }

    private record Injected(String method, String pathPrefix, Fault fault, int[] remaining) {
    }

    private record Saved(String params, int status, String body) {
    }

    /** One request as the fake saw it. */
    public record Call(String method, String path, String idempotencyKey, Map<String, List<String>> form) {
        public boolean write() {
            return !method.equals("GET");
        }
    }

    private final MockWebServer server = new MockWebServer();
    private final Clock clock;
    private final LinkedHashMap<String, ObjectNode> endpoints = new LinkedHashMap<>();
    private final Map<String, String> secrets = new HashMap<>();
    private final List<ObjectNode> events = new ArrayList<>();
    private final Map<String, Saved> idempotency = new HashMap<>();
    private final List<Injected> faults = new ArrayList<>();
    private final List<Call> calls = new ArrayList<>();
    private final Set<String> keys = new java.util.HashSet<>(Set.of(KEY, LIVE_KEY, READ_ONLY_KEY));
    private int pageSize = 100;
    private boolean accountReadable = true;
    private int sequence;

    public FakeStripe(Clock clock) {
        this.clock = clock;
        server.setDispatcher(this);
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public FakeStripe() {
        this(Clock.systemUTC());
    }

    public String apiBase() {
        String url = server.url("/").toString();
        return url.substring(0, url.length() - 1);
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }

    /** Pages hold at most this many objects, whatever limit the client asks for. */
    public FakeStripe pageSize(int size) {
        pageSize = size;
        return this;
    }

    public FakeStripe accountReadable(boolean readable) {
        accountReadable = readable;
        return this;
    }

    /** The next {@code times} requests matching method and path prefix meet {@code fault}. */
    public synchronized FakeStripe inject(String method, String pathPrefix, int times, Fault fault) {
        faults.add(new Injected(method, pathPrefix, fault, new int[] {times}));
        return this;
    }

    /** An existing endpoint (as if made in the Dashboard); returns its id. */
    public synchronized String addEndpoint(String url, String status, long created, String... events) {
        ObjectNode e = endpoint(url, List.of(events), null);
        e.put("status", status);
        e.put("created", created);
        endpoints.put(e.get("id").asText(), e);
        return e.get("id").asText();
    }

    public synchronized void addEvent(String type, long created, long pendingWebhooks) {
        ObjectNode e = (ObjectNode) fixture("event.json");
        e.put("id", "evt_" + (++sequence) + "Fake" + Long.toHexString(RANDOM.nextLong()));
        e.put("type", type);
        e.put("created", created);
        e.put("pending_webhooks", pendingWebhooks);
        events.add(e);
    }

    /** Deletes an endpoint behind notif's back (as the Dashboard would). */
    public synchronized void deleteEndpoint(String id) {
        endpoints.remove(id);
    }

    public synchronized List<JsonNode> endpoints() {
        return List.copyOf(endpoints.values());
    }

    public synchronized List<JsonNode> endpointsFor(String url) {
        return endpoints.values().stream().filter(e -> e.get("url").asText().equals(url)).map(e -> (JsonNode) e).toList();
    }

    public synchronized String secretOf(String id) {
        return secrets.get(id);
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    public synchronized List<Call> writes() {
        return calls.stream().filter(Call::write).toList();
    }

    public synchronized void forgetCalls() {
        calls.clear();
    }

    @Override
    public synchronized MockResponse dispatch(RecordedRequest request) {
        String path = request.getPath() == null ? "" : request.getPath();
        String pathOnly = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        String method = request.getMethod();
        Map<String, List<String>> form = parseForm(method.equals("GET") || method.equals("DELETE")
            ? (path.contains("?") ? path.substring(path.indexOf('?') + 1) : "")
            : request.getBody().readString(StandardCharsets.UTF_8));
        String idemKey = request.getHeader("Idempotency-Key");
        calls.add(new Call(method, pathOnly, idemKey, form));

        Fault fault = fault(method, pathOnly);
        if (fault == Fault.RESET) {
            return new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST);
        }
        if (fault == Fault.RATE_LIMITED) {
            return error(429, "rate_limit_error", "rate_limit", "Too many requests hit the API too quickly.", null);
        }
        if (fault == Fault.SERVER_ERROR || fault == Fault.UNAVAILABLE) {
            return error(fault == Fault.SERVER_ERROR ? 500 : 503, "api_error", null,
                "An unknown error occurred", null);
        }
        String auth = request.getHeader("Authorization");
        String key = auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : null;
        if (key == null || !keys.contains(key)) {
            return json(401, fixture("error_401_invalid_key.json"));
        }
        MockResponse answer;
        if (!method.equals("GET") && idemKey != null && idempotency.containsKey(idemKey)) {
            Saved saved = idempotency.get(idemKey);
            String params = method + " " + pathOnly + " " + form;
            if (!saved.params().equals(params)) {
                answer = error(400, "idempotency_error", null, "Keys for idempotent requests can only be used with the"
                    + " same parameters they were first used with. Try using a key other than '" + idemKey
                    + "' if you meant to execute a different request.", null);
            } else {
                answer = new MockResponse().setResponseCode(saved.status()).setBody(saved.body())
                    .setHeader("Content-Type", "application/json").setHeader("Idempotent-Replayed", "true")
                    .setHeader("Request-Id", requestId());
            }
        } else {
            answer = handle(method, pathOnly, form, key);
            if (!method.equals("GET") && idemKey != null && answer.getStatus().contains(" 2")) {
                idempotency.put(idemKey, new Saved(method + " " + pathOnly + " " + form,
                    Integer.parseInt(answer.getStatus().split(" ")[1]), answer.getBody().readUtf8()));
                answer = new MockResponse().setResponseCode(idempotency.get(idemKey).status())
                    .setBody(idempotency.get(idemKey).body()).setHeader("Content-Type", "application/json")
                    .setHeader("Request-Id", requestId());
            }
        }
        if (fault == Fault.ANSWER_LOST) {
            return new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST);
        }
        return answer;
    }

    private Fault fault(String method, String path) {
        for (Injected f : faults) {
            if (f.remaining()[0] > 0 && f.method().equals(method) && path.startsWith(f.pathPrefix())) {
                f.remaining()[0]--;
                return f.fault();
            }
        }
        return null;
    }

    private MockResponse handle(String method, String path, Map<String, List<String>> form, String key) {
        Matcher one = ENDPOINT.matcher(path);
        boolean readOnly = key.equals(READ_ONLY_KEY);
        if (path.equals("/v1/account") && method.equals("GET")) {
            if (!accountReadable) {
                return permission(key, "rak_account_read");
            }
            ObjectNode a = Json.object();
            a.put("id", ACCOUNT);
            a.put("object", "account");
            a.putObject("business_profile").put("name", "Notif Test Co");
            return json(200, a);
        }
        if (path.equals("/v1/webhook_endpoints")) {
            if (method.equals("GET")) {
                return list(new ArrayList<>(endpoints.values()), form, "/v1/webhook_endpoints");
            }
            if (method.equals("POST")) {
                if (readOnly) {
                    return permission(key, "rak_webhook_write");
                }
                String url = first(form, "url");
                if (url == null) {
                    return error(400, "invalid_request_error", "parameter_missing", "Missing required param: url.", "url");
                }
                if (key.startsWith("sk_live_") && url.startsWith("http://")) {
                    return json(400, fixture("error_400_livemode_https.json"));
                }
                ObjectNode e = endpoint(url, form.getOrDefault("enabled_events", List.of()), first(form, "description"));
                String secret = "whsec_" + randomToken(32);
                endpoints.put(e.get("id").asText(), e);
                secrets.put(e.get("id").asText(), secret);
                ObjectNode withSecret = e.deepCopy();
                withSecret.put("secret", secret);
                return json(200, withSecret);
            }
        }
        if (one.matches()) {
            String id = one.group(1);
            ObjectNode e = endpoints.get(id);
            if (e == null) {
                MockResponse missing = json(404, fixture("error.json"));
                return missing.setBody(missing.getBody().readUtf8().replace("we_123", id));
            }
            switch (method) {
                case "GET":
                    return json(200, e);
                case "POST":
                    if (readOnly) {
                        return permission(key, "rak_webhook_write");
                    }
                    if (form.containsKey("enabled_events")) {
                        ArrayNode list = e.putArray("enabled_events");
                        form.get("enabled_events").forEach(list::add);
                    }
                    if (form.containsKey("disabled")) {
                        e.put("status", "true".equals(first(form, "disabled")) ? "disabled" : "enabled");
                    }
                    if (form.containsKey("url")) {
                        e.put("url", first(form, "url"));
                    }
                    return json(200, e);
                case "DELETE":
                    if (readOnly) {
                        return permission(key, "rak_webhook_write");
                    }
                    endpoints.remove(id);
                    ObjectNode deleted = (ObjectNode) fixture("deleted_webhook_endpoint.json");
                    deleted.put("id", id);
                    return json(200, deleted);
                default:
                    break;
            }
        }
        if (path.equals("/v1/events") && method.equals("GET")) {
            List<String> types = form.getOrDefault("types", List.of());
            String success = first(form, "delivery_success");
            String gte = first(form, "created[gte]");
            List<ObjectNode> matching = events.stream()
                .filter(e -> types.isEmpty() || types.contains(e.get("type").asText()))
                .filter(e -> gte == null || e.get("created").asLong() >= Long.parseLong(gte))
                .filter(e -> success == null || ("true".equals(success) == (e.get("pending_webhooks").asLong() == 0)))
                .toList();
            return list(new ArrayList<>(matching), form, "/v1/events");
        }
        return json(404, fixture("error_404_unrecognized_url.json"));
    }

    /** Newest first, as Stripe lists; starting_after continues after an id; at most min(limit, pageSize). */
    private MockResponse list(List<ObjectNode> items, Map<String, List<String>> form, String url) {
        items.sort((a, b) -> Long.compare(b.get("created").asLong(), a.get("created").asLong()));
        String after = first(form, "starting_after");
        int start = 0;
        if (after != null) {
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i).get("id").asText().equals(after)) {
                    start = i + 1;
                }
            }
        }
        int limit = Math.min(first(form, "limit") == null ? 10 : Integer.parseInt(first(form, "limit")), pageSize);
        int end = Math.min(items.size(), start + limit);
        ObjectNode page = Json.object();
        page.put("object", "list");
        page.put("url", url);
        page.put("has_more", end < items.size());
        ArrayNode data = page.putArray("data");
        items.subList(start, end).forEach(data::add);
        return json(200, page);
    }

    private ObjectNode endpoint(String url, List<String> enabled, String description) {
        ObjectNode e = (ObjectNode) fixture("webhook_endpoint.json");
        sequence++;
        e.put("id", "we_" + String.format("%04d", sequence) + "Fake" + randomToken(12));
        e.put("url", url);
        e.put("created", clock.instant().getEpochSecond() + sequence); // distinct, increasing
        e.put("description", description);
        ArrayNode list = e.putArray("enabled_events");
        enabled.forEach(list::add);
        return e;
    }

    private MockResponse permission(String key, String permission) {
        return error(403, "invalid_request_error", null, "The provided key '" + key.substring(0, 8) + "***"
            + key.substring(key.length() - 4) + "' does not have the required permissions for this endpoint on account '"
            + ACCOUNT + "'. Having the '" + permission + "' permission would allow this request to continue.", null);
    }

    private static MockResponse error(int status, String type, String code, String message, String param) {
        ObjectNode body = Json.object();
        ObjectNode error = body.putObject("error");
        error.put("type", type);
        if (code != null) {
            error.put("code", code);
        }
        if (param != null) {
            error.put("param", param);
        }
        error.put("message", message);
        return json(status, body);
    }

    private static MockResponse json(int status, JsonNode body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json")
            .setHeader("Request-Id", requestId()).setBody(Json.pretty(body));
    }

    private static String requestId() {
        return "req_" + randomToken(14);
    }

    static String randomToken(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Form or query parameters; {@code a[0]=x&a[1]=y} and {@code a[]=x} become {@code a: [x, y]}. */
    static Map<String, List<String>> parseForm(String body) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return form;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            name = name.replaceAll("\\[\\d*\\]$", "");
            form.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return form;
    }

    public static JsonNode fixture(String name) {
        try (InputStream in = FakeStripe.class.getResourceAsStream("/fixtures/stripe/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + name);
            }
            return Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
