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
 * Also: an endpoint's pinned {@code api_version}; Stripe's limit of 16 endpoints; {@code POST /v1/events/{id}/retry}
 * with {@code webhook_endpoint} (the Stripe CLI's {@code events resend}), recorded per event; v2 event destinations
 * ({@code GET /v2/core/event_destinations} with {@code include=webhook_endpoint.url}, {@code next_page_url} pages,
 * JSON bodies, fields notif does not know); Checkout Sessions and Subscriptions lists.
 * Object shapes follow the fixtures in {@code fixtures/stripe} and Stripe's API reference.
 */
public final class FakeStripe extends Dispatcher implements AutoCloseable {
    public static final String KEY = "sk_test_51FakeKeyForNotifTests0000y123";
    public static final String LIVE_KEY = "sk_live_51FakeLiveKeyForNotifTests000z456";
    public static final String READ_ONLY_KEY = "rk_test_51FakeRestrictedReadOnly0000r789";
    public static final String ACCOUNT = "acct_1NotifTestAccount";
    private static final Pattern ENDPOINT = Pattern.compile("/v1/webhook_endpoints/([^/?]+)");
    private static final Pattern RETRY = Pattern.compile("/v1/events/([^/?]+)/retry");
    public static final int ENDPOINT_LIMIT = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Injected failures: an answer instead of the work, or the work done and the answer lost. */
    /** STALE: a list answered as it was before another client's writes (empty), as a concurrent run saw it. */
    public enum Fault { RATE_LIMITED, SERVER_ERROR, UNAVAILABLE, RESET, ANSWER_LOST, STALE }

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

    private final MockWebServer server = NoDelay.of(new MockWebServer());
    private final Clock clock;
    private final LinkedHashMap<String, ObjectNode> endpoints = new LinkedHashMap<>();
    private final Map<String, String> secrets = new HashMap<>();
    private final List<ObjectNode> events = new ArrayList<>();
    private final List<ObjectNode> destinations = new ArrayList<>();
    private final List<ObjectNode> sessions = new ArrayList<>();
    private final List<ObjectNode> subscriptions = new ArrayList<>();
    private final List<String[]> retries = new ArrayList<>();
    private String accountApiVersion = "2024-06-20";
    private boolean destinationsReadable = true;
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

    public synchronized String addEvent(String type, long created, long pendingWebhooks) {
        ObjectNode e = (ObjectNode) fixture("event.json");
        e.put("id", "evt_" + (++sequence) + "Fake" + Long.toHexString(RANDOM.nextLong()));
        e.put("type", type);
        e.put("created", created);
        e.put("pending_webhooks", pendingWebhooks);
        e.put("api_version", accountApiVersion);
        events.add(e);
        return e.get("id").asText();
    }

    /** The version the account renders events in by default (what a new event gets). */
    public synchronized FakeStripe accountApiVersion(String version) {
        accountApiVersion = version;
        return this;
    }

    /** Pins an endpoint's API version (as if it was created with api_version). */
    public synchronized void pinApiVersion(String endpointId, String version) {
        endpoints.get(endpointId).put("api_version", version);
    }

    /** A v2 event destination as Stripe's reference shows the object, plus a field notif does not know. */
    public synchronized String addDestination(String type, String payload, String url, String... events) {
        ObjectNode d = Json.object();
        String id = "ed_test_" + (++sequence) + "Fake" + randomToken(20);
        d.put("id", id);
        d.put("object", "v2.core.event_destination");
        d.put("created", "2025-10-22T16:20:09.931Z");
        d.put("description", "made in Workbench");
        ArrayNode list = d.putArray("enabled_events");
        for (String e : events) {
            list.add(e);
        }
        d.put("event_payload", payload);
        d.putArray("events_from").add("@self");
        d.put("livemode", false);
        d.putObject("metadata");
        d.put("name", "destination " + sequence);
        d.put("snapshot_api_version", "snapshot".equals(payload) ? accountApiVersion : null);
        d.put("status", "enabled");
        d.putNull("status_details");
        d.put("type", type);
        d.put("updated", "2025-10-22T16:20:09.937Z");
        d.putObject("a_field_from_the_future").put("x", 1);
        if ("webhook_endpoint".equals(type)) {
            d.putObject("webhook_endpoint").put("signing_secret", (String) null).put("url", url);
            d.putNull("amazon_eventbridge");
        } else {
            d.putNull("webhook_endpoint");
            d.putObject("amazon_eventbridge").put("aws_account_id", "123456789012").put("aws_region", "us-east-1")
                .put("aws_event_source_arn", "arn:aws:events:us-east-1::event-source/aws.partner/stripe.com/" + id)
                .put("aws_event_source_status", "active");
        }
        destinations.add(d);
        return id;
    }

    /** 403 for the v2 event destinations, as for a restricted key without that permission. */
    public synchronized FakeStripe destinationsReadable(boolean readable) {
        destinationsReadable = readable;
        return this;
    }

    /** A Checkout Session: {@code customer} null for a guest checkout; metadata as given (key, value, ...). */
    public synchronized String addCheckoutSession(String customer, String subscription, long created,
                                                  String... metadata) {
        ObjectNode s = (ObjectNode) fixture("checkout.session.json");
        String id = "cs_test_" + (++sequence) + "Fake" + randomToken(16);
        s.put("id", id);
        s.put("customer", customer);
        s.put("subscription", subscription);
        s.put("mode", subscription == null ? "payment" : "subscription");
        s.put("status", "complete");
        s.put("created", created);
        s.set("metadata", metadata(metadata));
        sessions.add(s);
        return id;
    }

    public synchronized String addSubscription(String customer, long created, String... metadata) {
        ObjectNode s = (ObjectNode) fixture("subscription.json");
        String id = "sub_" + (++sequence) + "Fake" + randomToken(14);
        s.put("id", id);
        s.put("customer", customer);
        s.put("created", created);
        s.set("metadata", metadata(metadata));
        subscriptions.add(s);
        return id;
    }

    private static ObjectNode metadata(String... pairs) {
        ObjectNode m = Json.object();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    /** Marks an event delivered to every endpoint (what a successful resend leads to). */
    public synchronized void delivered(String eventId) {
        events.stream().filter(e -> e.get("id").asText().equals(eventId)).forEach(e -> e.put("pending_webhooks", 0));
    }

    /** Every {@code events/{id}/retry} that was done, as {event id, webhook endpoint id}. */
    public synchronized List<String[]> retries() {
        return List.copyOf(retries);
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
        if (fault == Fault.STALE && method.equals("GET")) {
            return new MockResponse().setHeader("Content-Type", "application/json").setBody("{\"object\":\"list\","
                + "\"data\":[],\"has_more\":false,\"url\":\"" + pathOnly + "\"}");
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
                if (endpoints.size() >= ENDPOINT_LIMIT) {
                    return error(400, "invalid_request_error", null, "You have reached the maximum of "
                        + ENDPOINT_LIMIT + " test webhook endpoints.", null);
                }
                String version = first(form, "api_version");
                if (version != null && !version.matches("\\d{4}-\\d{2}-\\d{2}(\\.[a-z]+)?")) {
                    return error(400, "invalid_request_error", null, "Invalid API version: " + version, "api_version");
                }
                ObjectNode e = endpoint(url, form.getOrDefault("enabled_events", List.of()), first(form, "description"));
                e.put("api_version", version);
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
        Matcher retry = RETRY.matcher(path);
        if (retry.matches() && method.equals("POST")) {
            if (readOnly) {
                return permission(key, "rak_event_write");
            }
            ObjectNode event = events.stream().filter(e -> e.get("id").asText().equals(retry.group(1))).findFirst()
                .orElse(null);
            String endpoint = first(form, "webhook_endpoint");
            if (event == null) {
                return error(404, "invalid_request_error", "resource_missing", "No such event: '" + retry.group(1)
                    + "'", "id");
            }
            if (endpoint == null || !endpoints.containsKey(endpoint)) {
                return error(400, "invalid_request_error", "resource_missing", "No such webhook endpoint: '"
                    + endpoint + "'", "webhook_endpoint");
            }
            retries.add(new String[] {event.get("id").asText(), endpoint});
            return json(200, event);
        }
        if (path.equals("/v2/core/event_destinations") && method.equals("GET")) {
            if (!destinationsReadable) {
                return permission(key, "rak_event_destination_read");
            }
            return v2List(form);
        }
        if ((path.equals("/v1/checkout/sessions") || path.equals("/v1/subscriptions")) && method.equals("GET")) {
            return list(new ArrayList<>(path.contains("checkout") ? sessions : subscriptions), form, path);
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

    /**
     * A v2 list: {@code data} and {@code next_page_url} (an opaque {@code page} token), as Stripe's v2 reference
     * shows it; {@code webhook_endpoint.url} only when {@code include} asks for it.
     */
    private MockResponse v2List(Map<String, List<String>> form) {
        boolean withUrl = form.getOrDefault("include", List.of()).contains("webhook_endpoint.url");
        int start = first(form, "page") == null ? 0 : Integer.parseInt(first(form, "page").substring(5));
        int limit = Math.min(first(form, "limit") == null ? 20 : Integer.parseInt(first(form, "limit")), pageSize);
        int end = Math.min(destinations.size(), start + limit);
        ObjectNode page = Json.object();
        ArrayNode data = page.putArray("data");
        for (ObjectNode d : destinations.subList(start, end)) {
            ObjectNode copy = d.deepCopy();
            if (!withUrl && copy.get("webhook_endpoint").isObject()) {
                ((ObjectNode) copy.get("webhook_endpoint")).putNull("url");
            }
            data.add(copy);
        }
        page.put("next_page_url", end < destinations.size() ? "/v2/core/event_destinations?limit=" + limit
            + (withUrl ? "&include=webhook_endpoint.url" : "") + "&page=page_" + end : null);
        page.putNull("previous_page_url");
        return json(200, page);
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
