package dev.notif.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notif.core.Json;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A stateful fake of Google's token endpoint, the Pub/Sub v1 REST API (topics, IAM policies with etags,
 * subscriptions, publish) and Cloud Monitoring's timeSeries.list, with the documented shapes and google.rpc.Status
 * errors. Every API call must carry the token the fake issued for a correctly signed assertion.
 */
public final class FakeGoogle extends Dispatcher {
    public static final String TOKEN = "ya29.fake-access-token-0123456789";
    public static final String EMAIL = "notif-setup@acme-prod.iam.gserviceaccount.com";
    private static final Pattern TOPIC_SUBSCRIPTIONS = Pattern.compile("projects/[^/]+/topics/[^/]+/subscriptions");
    private static final Pattern TOPIC = Pattern.compile("projects/[^/]+/topics/[^/]+");
    private static final Pattern SUBSCRIPTION = Pattern.compile("projects/[^/]+/subscriptions/[^/]+");

    public final MockWebServer server = NoDelay.of(new MockWebServer());
    private final KeyPair keys;
    private final Map<String, ObjectNode> topics = Collections.synchronizedMap(new TreeMap<>());
    private final Map<String, ObjectNode> policies = Collections.synchronizedMap(new TreeMap<>());
    private final Map<String, ObjectNode> subscriptions = Collections.synchronizedMap(new TreeMap<>());
    /** Topic to the names of its subscriptions, sorted: what topics.subscriptions.list answers, without a scan. */
    private final Map<String, Set<String>> subscriptionsOf = new ConcurrentHashMap<>();
    private final List<ObjectNode> published = Collections.synchronizedList(new ArrayList<>());
    /** metric type to the timeSeries answer. */
    private final Map<String, JsonNode> timeSeries = Collections.synchronizedMap(new LinkedHashMap<>());
    /** "METHOD path-suffix" patterns and the error they are answered with. */
    private final Map<String, MockResponse> faults = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<String> writes = Collections.synchronizedList(new ArrayList<>());
    /** The first {@link #KEPT_QUERIES} timeSeries.list queries (a long-running stand-in must not keep them all). */
    private final List<HttpUrl> monitoringQueries = Collections.synchronizedList(new ArrayList<>());
    static final int KEPT_QUERIES = 100;
    /** Members refused by "Domain restricted sharing" on setIamPolicy. */
    private boolean domainRestricted;
    /** setIamPolicy calls that will find the policy changed by someone else first. */
    private final AtomicInteger concurrentChanges = new AtomicInteger();
    private volatile String tokenError;
    /** Token requests received, good or bad: what the token endpoint's rate limit counts. */
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private int etags;
    private int messageIds = 1000;

    private final Path dir;

    /** A fake whose key file is written into {@code dir}. */
    public FakeGoogle(Path dir) throws Exception {
        this.dir = dir;
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048);
        keys = gen.generateKeyPair();
        server.setDispatcher(this);
        server.start();
    }

    public String base() {
        String url = server.url("/").toString();
        return url.substring(0, url.length() - 1);
    }

    /** Writes a service-account key whose token_uri is this fake. */
    public Path keyFile() throws IOException {
        String pem = "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(
                keys.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
        ObjectNode key = Json.object();
        key.put("type", "service_account");
        key.put("project_id", "acme-prod");
        key.put("private_key_id", "0123456789abcdef0123456789abcdef01234567");
        key.put("private_key", pem);
        key.put("client_email", EMAIL);
        key.put("client_id", "112233445566778899000");
        key.put("auth_uri", "https://accounts.google.com/o/oauth2/auth");
        key.put("token_uri", server.url("/token").toString());
        Path file = dir.resolve("sa.json");
        Files.writeString(file, Json.pretty(key));
        return file;
    }

    public void close() throws IOException {
        server.shutdown();
    }

    /** Runs {@code notif VERB google} against this fake: its key, its API bases, then {@code extra}. */
    public NotifRun.Result run(NotifRun run, String verb, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of(verb, "google", "--credentials", keyFile().toString(),
            "--pubsub-api-base", base()));
        if (verb.equals("check")) {
            args.addAll(List.of("--monitoring-api-base", base(), "--resourcemanager-api-base", base()));
        }
        args.addAll(List.of(extra));
        return run.run(args.toArray(String[]::new));
    }

    public JsonNode policy(String topic) {
        return policies.get(topic);
    }

    public ObjectNode subscription(String name) {
        return subscriptions.get(name);
    }

    public List<ObjectNode> published() {
        return List.copyOf(published);
    }

    public int writeCount() {
        return writes.size();
    }

    public int requestCount() {
        return server.getRequestCount();
    }

    /** "METHOD /path" of each request received since the last call, oldest first (the server's record, emptied). */
    public List<String> takeCalls() throws InterruptedException {
        List<String> calls = new ArrayList<>();
        for (RecordedRequest r = server.takeRequest(0, TimeUnit.SECONDS); r != null;
             r = server.takeRequest(0, TimeUnit.SECONDS)) {
            calls.add(r.getMethod() + " " + r.getRequestUrl().encodedPath());
        }
        return calls;
    }

    /** Calls of {@code method} on a path ending with {@code pathSuffix} get 403 PERMISSION_DENIED. */
    public void deny(String method, String pathSuffix) {
        fail(method, pathSuffix, 403, "PERMISSION_DENIED", "User not authorized to perform this action.");
    }

    /** Calls of {@code method} on a path ending with {@code pathSuffix} get this google.rpc.Status error, always. */
    public void fail(String method, String pathSuffix, int code, String status, String message) {
        faults.put(method + " " + pathSuffix, error(code, status, message));
    }

    public void domainRestricted(boolean on) {
        domainRestricted = on;
    }

    public void concurrentChanges(int n) {
        concurrentChanges.set(n);
    }

    /** Every later token request is refused with this invalid_grant description (null: answered again). */
    public void tokenError(String description) {
        tokenError = description;
    }

    public int tokenRequests() {
        return tokenRequests.get();
    }

    /** The answer of timeSeries.list for queries of this metric type (any alignment). */
    public void givenTimeSeries(String metricType, JsonNode answer) {
        timeSeries.put(metricType + "|", answer);
    }

    /** The answer for queries of this metric type aligned to {@code alignment} (e.g. "60s"). */
    public void givenTimeSeries(String metricType, String alignment, JsonNode answer) {
        timeSeries.put(metricType + "|" + alignment, answer);
    }

    /** The URLs of the first {@link #KEPT_QUERIES} timeSeries.list queries received, in order. */
    public List<HttpUrl> monitoringQueries() {
        return List.copyOf(monitoringQueries);
    }

    // --- state helpers

    public ObjectNode givenTopic(String full) {
        ObjectNode t = Json.object();
        t.put("name", full);
        topics.put(full, t);
        ObjectNode policy = Json.object();
        policy.put("etag", nextEtag());
        policies.put(full, policy);
        return t;
    }

    /** A binding on a topic, or on a project's own policy ({@code projects/<id>}). */
    public ObjectNode givenBinding(String topic, String role, String member) {
        ObjectNode policy = policies.computeIfAbsent(topic, k -> Json.object().put("etag", nextEtag()));
        ArrayNode bindings = policy.withArrayProperty("bindings");
        ObjectNode b = bindings.addObject();
        b.put("role", role);
        b.putArray("members").add(member);
        policy.put("version", 1);
        policy.put("etag", nextEtag());
        return b;
    }

    public ObjectNode givenSubscription(String full, String topic, String endpoint) {
        ObjectNode s = Json.object();
        s.put("name", full);
        s.put("topic", topic);
        ObjectNode push = s.putObject("pushConfig");
        if (endpoint != null) {
            push.put("pushEndpoint", endpoint);
        }
        s.put("ackDeadlineSeconds", 10);
        s.put("messageRetentionDuration", "604800s");
        s.putObject("expirationPolicy").put("ttl", "2678400s");
        s.put("state", "ACTIVE");
        added(full, s);
        return s;
    }

    /** A subscription stays on the topic it was created on (Pub/Sub cannot move one); given again, it replaces. */
    private void added(String name, ObjectNode s) {
        ObjectNode replaced = subscriptions.put(name, s);
        if (replaced != null) {
            subscriptionsOf.getOrDefault(replaced.path("topic").asText(), new HashSet<>()).remove(name);
        }
        subscriptionsOf.computeIfAbsent(s.path("topic").asText(), t -> new ConcurrentSkipListSet<>()).add(name);
    }

    private String nextEtag() {
        return "BwY" + Base64.getEncoder().encodeToString(("etag-" + (++etags)).getBytes(StandardCharsets.UTF_8));
    }

    // --- dispatch

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String path = request.getRequestUrl().encodedPath();
        String method = request.getMethod();
        if (path.equals("/token")) {
            return token(request);
        }
        if (!("Bearer " + TOKEN).equals(request.getHeader("Authorization"))) {
            return error(401, "UNAUTHENTICATED", "Request had invalid authentication credentials.");
        }
        synchronized (faults) {
            for (Map.Entry<String, MockResponse> f : faults.entrySet()) {
                String[] parts = f.getKey().split(" ", 2);
                if (parts[0].equals(method) && path.endsWith(parts[1])) {
                    return f.getValue();
                }
            }
        }
        if (path.startsWith("/v3/")) {
            if (monitoringQueries.size() < KEPT_QUERIES) {
                monitoringQueries.add(request.getRequestUrl());
            }
            return monitoring(request);
        }
        String body = request.getBody().readUtf8();
        String name = URLDecoder.decode(path.substring("/v1/".length()), StandardCharsets.UTF_8);
        synchronized (this) {
            if (name.endsWith(":getIamPolicy")) {
                String topic = name.substring(0, name.length() - ":getIamPolicy".length());
                ObjectNode policy = policies.get(topic);
                if (policy == null && !topic.contains("/")) {
                    return json(200, Json.object().put("version", 1).put("etag", "BwYproject")); // a project's
                }
                return policy == null ? topicNotFound() : json(200, policy);
            }
            if (name.endsWith(":setIamPolicy")) {
                return setPolicy(name.substring(0, name.length() - ":setIamPolicy".length()), Json.parse(body));
            }
            if (name.endsWith(":publish")) {
                String topic = name.substring(0, name.length() - ":publish".length());
                if (!topics.containsKey(topic)) {
                    return topicNotFound();
                }
                ArrayNode ids = Json.mapper().createArrayNode();
                for (JsonNode m : Json.parse(body).path("messages")) {
                    ObjectNode copy = ((ObjectNode) m).deepCopy();
                    copy.put("messageId", String.valueOf(++messageIds));
                    published.add(copy);
                    ids.add(String.valueOf(messageIds));
                }
                ObjectNode answer = Json.object();
                answer.set("messageIds", ids);
                return json(200, answer);
            }
            if (TOPIC_SUBSCRIPTIONS.matcher(name).matches()) {
                String topic = name.substring(0, name.length() - "/subscriptions".length());
                if (!topics.containsKey(topic)) {
                    return topicNotFound();
                }
                ObjectNode answer = Json.object();
                ArrayNode list = answer.putArray("subscriptions");
                subscriptionsOf.getOrDefault(topic, Set.of()).forEach(list::add);
                return json(200, answer);
            }
            if (TOPIC.matcher(name).matches()) {
                return topic(method, name);
            }
            if (SUBSCRIPTION.matcher(name).matches()) {
                return subscription(method, name, body);
            }
        }
        return error(404, "NOT_FOUND", "no such method " + method + " " + path);
    }

    private MockResponse token(RecordedRequest request) {
        tokenRequests.incrementAndGet();
        String form = request.getBody().readUtf8();
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : form.split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        if (tokenError != null) {
            return json(400, Json.parse("{\"error\":\"invalid_grant\",\"error_description\":\"" + tokenError + "\"}"));
        }
        if (!"urn:ietf:params:oauth:grant-type:jwt-bearer".equals(params.get("grant_type"))) {
            return json(400, Json.parse("{\"error\":\"unsupported_grant_type\",\"error_description\":\"Invalid grant_type\"}"));
        }
        String[] jwt = params.getOrDefault("assertion", "").split("\\.");
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(keys.getPublic());
            rsa.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
            JsonNode claims = Json.parse(new String(Base64.getUrlDecoder().decode(jwt[1]), StandardCharsets.UTF_8));
            if (!rsa.verify(Base64.getUrlDecoder().decode(jwt[2]))
                || !EMAIL.equals(claims.path("iss").asText())
                || !(server.url("/token").toString().equals(claims.path("aud").asText())
                    || "https://oauth2.googleapis.com/token".equals(claims.path("aud").asText())) // google-auth-library
                || !claims.path("scope").asText().contains("cloud-platform")) {
                return json(400, Json.parse("{\"error\":\"invalid_grant\",\"error_description\":\"Invalid JWT Signature.\"}"));
            }
        } catch (Exception e) {
            return json(400, Json.parse("{\"error\":\"invalid_grant\",\"error_description\":\"Invalid JWT Signature.\"}"));
        }
        return json(200, Json.parse("{\"access_token\":\"" + TOKEN + "\",\"expires_in\":3599,\"token_type\":\"Bearer\"}"));
    }

    private MockResponse topic(String method, String name) {
        switch (method) {
            case "GET":
                return topics.containsKey(name) ? json(200, topics.get(name)) : topicNotFound();
            case "PUT":
                if (topics.containsKey(name)) {
                    return error(409, "ALREADY_EXISTS", "Resource already exists in the project (resource="
                        + name.substring(name.lastIndexOf('/') + 1) + ").");
                }
                writes.add("create topic " + name);
                return json(200, givenTopic(name));
            default:
                return error(405, "INVALID_ARGUMENT", "method");
        }
    }

    private MockResponse setPolicy(String topic, JsonNode body) {
        ObjectNode current = policies.get(topic);
        if (current == null) {
            return topicNotFound();
        }
        if (concurrentChanges.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            givenBinding(topic, "roles/pubsub.subscriber", "user:someone-else@acme.example");
        }
        JsonNode policy = body.path("policy");
        if (!current.path("etag").asText().equals(policy.path("etag").asText())) {
            return error(409, "ABORTED", "There were concurrent policy changes. Please retry the whole"
                + " read-modify-write with exponential backoff.");
        }
        if (domainRestricted) {
            for (JsonNode b : policy.path("bindings")) {
                for (JsonNode m : b.path("members")) {
                    if (m.asText().endsWith("@system.gserviceaccount.com")) {
                        String detail = "{\"error\":{\"code\":400,\"message\":\"One or more users named in the policy do"
                            + " not belong to a permitted customer.\",\"status\":\"FAILED_PRECONDITION\",\"details\":[{"
                            + "\"@type\":\"type.googleapis.com/google.rpc.PreconditionFailure\",\"violations\":[{"
                            + "\"type\":\"constraints/iam.allowedPolicyMemberDomains\",\"subject\":\"orgpolicy:"
                            + topic + "?configvalue=" + m.asText().substring("serviceAccount:".length())
                            + "\",\"description\":\"User " + m.asText().substring("serviceAccount:".length())
                            + " is not in permitted organization.\"}]}]}}";
                        return new MockResponse().setResponseCode(400).setHeader("Content-Type", "application/json")
                            .setBody(detail);
                    }
                }
            }
        }
        ObjectNode stored = ((ObjectNode) policy).deepCopy();
        stored.put("etag", nextEtag());
        policies.put(topic, stored);
        writes.add("set policy " + topic);
        return json(200, stored);
    }

    private MockResponse subscription(String method, String name, String body) {
        switch (method) {
            case "GET":
                return subscriptions.containsKey(name) ? json(200, subscriptions.get(name))
                    : error(404, "NOT_FOUND", "Resource not found (resource=" + name.substring(name.lastIndexOf('/') + 1)
                    + ").");
            case "PUT": {
                if (subscriptions.containsKey(name)) {
                    return error(409, "ALREADY_EXISTS", "Resource already exists in the project (resource="
                        + name.substring(name.lastIndexOf('/') + 1) + ").");
                }
                ObjectNode s = (ObjectNode) Json.parse(body);
                if (!topics.containsKey(s.path("topic").asText())) {
                    return topicNotFound();
                }
                if (s.path("pushConfig").path("pushEndpoint").asText().startsWith("http://")) {
                    return error(400, "INVALID_ARGUMENT", "Invalid push endpoint given (endpoint="
                        + s.path("pushConfig").path("pushEndpoint").asText() + "). Refer to"
                        + " https://cloud.google.com/pubsub/docs/push#configure_push_delivery for restrictions.");
                }
                s.put("name", name);
                s.put("state", "ACTIVE");
                added(name, s);
                writes.add("create subscription " + name);
                return json(200, s);
            }
            case "PATCH": {
                ObjectNode s = subscriptions.get(name);
                if (s == null) {
                    return error(404, "NOT_FOUND", "Resource not found");
                }
                JsonNode req = Json.parse(body);
                for (String field : req.path("updateMask").asText().split(",")) {
                    s.set(field, req.path("subscription").get(field));
                }
                writes.add("update subscription " + name + " " + req.path("updateMask").asText());
                return json(200, s);
            }
            default:
                return error(405, "INVALID_ARGUMENT", "method");
        }
    }

    private MockResponse monitoring(RecordedRequest request) {
        String filter = String.valueOf(request.getRequestUrl().queryParameter("filter"));
        String alignment = request.getRequestUrl().queryParameter("aggregation.alignmentPeriod");
        for (String key : List.of("|" + alignment, "|")) {
            for (Map.Entry<String, JsonNode> e : timeSeries.entrySet()) {
                String metric = e.getKey().substring(0, e.getKey().indexOf('|'));
                if (e.getKey().endsWith(key) && filter.contains("\"" + metric + "\"")) {
                    return json(200, e.getValue());
                }
            }
        }
        return json(200, Json.object());
    }

    static MockResponse topicNotFound() {
        return error(404, "NOT_FOUND", "Resource not found (resource=topic).");
    }

    static MockResponse error(int code, String status, String message) {
        ObjectNode error = Json.object();
        ObjectNode e = error.putObject("error");
        e.put("code", code);
        e.put("message", message);
        e.put("status", status);
        return json(code, error);
    }

    static MockResponse json(int code, JsonNode body) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json; charset=UTF-8")
            .setBody(Json.compact(body));
    }
}
