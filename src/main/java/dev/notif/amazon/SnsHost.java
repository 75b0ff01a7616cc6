package dev.notif.amazon;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.notif.core.LocalServers;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * notif's stand-in for the SNS host while a command runs: it serves the throwaway signing certificate
 * ({@code .../SimpleNotificationService-<id>.pem}) and answers the SubscribeURL ({@code .../?Action=ConfirmSubscription})
 * and UnsubscribeURL the way SNS does, recording every visit so a command can tell whether the endpoint fetched them.
 * It binds to {@code bindHost:port} and advertises {@code publicBase} (when the endpoint reaches it through a tunnel
 * or a forwarded port) or its bound address.
 *
 * <p>One server per address serves every command of the process that runs at the same time (a run over notif.toml
 * checks many Amazon endpoints at once: one port, one pair of threads, and a fixed {@code --callback-port} that every
 * entry can share). Each command has its own {@code SnsHost} on it: its links live under a path of its own
 * ({@code /<id>/...}), so what one endpoint fetched is never counted for another, and the server stops when the last
 * one is closed.
 */
public final class SnsHost implements AutoCloseable {
    public static final String CERTIFICATE = "certificate";
    public static final String CONFIRM = "confirm";
    public static final String UNSUBSCRIBE = "unsubscribe";
    public static final String OTHER = "other";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One request the host got: what it was for, the token it carried, when, from which client. */
    public record Visit(String kind, String path, String token, boolean tokenKnown, Instant at, String userAgent) {
    }

    private final Server server;
    private final String id;
    private final String base;
    private final String certPath;
    private final String certPem;
    private final String topicArn;
    private final Clock clock;
    private final List<Visit> visits = new CopyOnWriteArrayList<>();
    private final Map<String, CountDownLatch> confirmations = new ConcurrentHashMap<>();

    private SnsHost(Server server, String id, String certPem, String topicArn, Clock clock) {
        this.server = server;
        this.clock = clock;
        this.id = id;
        this.base = server.base + "/" + id;
        this.certPem = certPem;
        this.topicArn = topicArn;
        this.certPath = "/" + id + "/SimpleNotificationService-" + server.md5(certPem) + ".pem";
    }

    /**
     * A place on the process's server at {@code bindHost:port} (started now unless one serves that address already;
     * {@code port} 0: a free port); {@code publicBase} null advertises {@code http://bindHost:port}. IOException when
     * the address cannot be bound.
     */
    public static SnsHost start(String bindHost, int port, String publicBase, String certPem, String topicArn,
                                Clock clock) throws IOException {
        return Server.open(bindHost, port, publicBase == null ? null : stripSlash(publicBase), certPem, topicArn, clock);
    }

    /** The server's base URL: what the endpoint must reach. */
    public String baseUrl() {
        return server.base;
    }

    public String certificateUrl() {
        return server.base + certPath;
    }

    /** The SubscribeURL for a confirmation carrying {@code token}; its visit can then be awaited. */
    public String subscribeUrl(String token) {
        confirmations.putIfAbsent(token, new CountDownLatch(1));
        return base + "/?Action=ConfirmSubscription&TopicArn=" + encode(topicArn) + "&Token=" + token;
    }

    public String unsubscribeUrl(String subscriptionArn) {
        return base + "/?Action=Unsubscribe&SubscriptionArn=" + encode(subscriptionArn);
    }

    /** Waits at most {@code wait} for the SubscribeURL of {@code token} to be visited; true once it was. */
    public boolean awaitConfirmation(String token, Duration wait) {
        CountDownLatch latch = confirmations.get(token);
        if (latch == null) {
            return false;
        }
        try {
            return latch.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return latch.getCount() == 0;
        }
    }

    /** The requests made under this host's links (another command's on the same server are not among them). */
    public List<Visit> visits() {
        return List.copyOf(visits);
    }

    public boolean visited(String kind) {
        return visits.stream().anyMatch(v -> v.kind().equals(kind));
    }

    /** A request under {@code /<id>}: {@code path} is what follows it. */
    private void handle(HttpExchange exchange, String path, Map<String, String> query, String agent)
        throws IOException {
        Instant now = clock.instant();
        String full = exchange.getRequestURI().getRawPath();
        if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
            visits.add(new Visit(OTHER, full, null, false, now, agent));
            respond(exchange, 405, "text/plain", "SNS links are fetched with GET\n");
        } else if (full.equals(certPath)) {
            visits.add(new Visit(CERTIFICATE, full, null, false, now, agent));
            respond(exchange, 200, "application/x-x509-ca-cert", certPem);
        } else if ("/".equals(path) && "ConfirmSubscription".equals(query.get("Action"))) {
            String token = query.get("Token");
            CountDownLatch latch = token == null ? null : confirmations.get(token);
            visits.add(new Visit(CONFIRM, full, token, latch != null, now, agent));
            if (latch == null) {
                invalidToken(exchange);
                return;
            }
            latch.countDown();
            respond(exchange, 200, "text/xml", response("ConfirmSubscription",
                "<SubscriptionArn>" + topicArn + ":" + UUID.nameUUIDFromBytes(token.getBytes(StandardCharsets.UTF_8))
                    + "</SubscriptionArn>"));
        } else if ("/".equals(path) && "Unsubscribe".equals(query.get("Action"))) {
            visits.add(new Visit(UNSUBSCRIBE, full, null, false, now, agent));
            respond(exchange, 200, "text/xml", response("Unsubscribe", ""));
        } else {
            visits.add(new Visit(OTHER, full, null, false, now, agent));
            respond(exchange, 404, "text/plain", "not found\n");
        }
    }

    /** Someone made a SubscribeURL of this host's token at another path: not the URL as given, so no confirmation. */
    private boolean altered(HttpExchange exchange, String token, String agent) throws IOException {
        if (token == null || !confirmations.containsKey(token)) {
            return false;
        }
        visits.add(new Visit(CONFIRM, exchange.getRequestURI().getRawPath(), token, false, clock.instant(), agent));
        invalidToken(exchange);
        return true;
    }

    @Override
    public void close() {
        server.leave(this);
    }

    /** One HTTP server for every host at its address; started by the first, stopped when the last leaves. */
    private static final class Server {
        private static final Map<List<Object>, Server> RUNNING = new HashMap<>();
        private final List<Object> address;
        private final HttpServer http;
        private final ExecutorService executor;
        private final String base;
        private final Map<String, SnsHost> hosts = new ConcurrentHashMap<>();
        private final Map<String, String> digests = new ConcurrentHashMap<>();

        private Server(List<Object> address, HttpServer http, ExecutorService executor, String base) {
            this.address = address;
            this.http = http;
            this.executor = executor;
            this.base = base;
        }

        /** A host of its own on the server of that address, started first when none runs there. */
        static SnsHost open(String bindHost, int port, String publicBase, String certPem, String topicArn, Clock clock)
            throws IOException {
            List<Object> address = java.util.Arrays.asList(bindHost, port, publicBase);
            synchronized (RUNNING) {
                Server s = RUNNING.get(address);
                if (s == null) {
                    s = start(address, bindHost, port, publicBase);
                    RUNNING.put(address, s);
                }
                byte[] bytes = new byte[12];
                RANDOM.nextBytes(bytes);
                SnsHost h = new SnsHost(s, HexFormat.of().formatHex(bytes), certPem, topicArn, clock);
                s.hosts.put(h.id, h);
                return h;
            }
        }

        private static Server start(List<Object> address, String bindHost, int port, String publicBase)
            throws IOException {
            HttpServer http = LocalServers.create(bindHost, port, 0);
            ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
                Thread t = new Thread(r, "notif-sns-host");
                t.setDaemon(true);
                return t;
            });
            http.setExecutor(executor);
            String host = bindHost.contains(":") ? "[" + bindHost + "]" : bindHost;
            String base = publicBase != null ? publicBase : "http://" + host + ":" + http.getAddress().getPort();
            Server s = new Server(address, http, executor, base);
            http.createContext("/", s::handle);
            http.start();
            return s;
        }

        void leave(SnsHost h) {
            synchronized (RUNNING) {
                if (hosts.remove(h.id) != null && hosts.isEmpty()) {
                    RUNNING.remove(address);
                    http.stop(0);
                    executor.shutdownNow();
                }
            }
        }

        String md5(String certPem) {
            return digests.computeIfAbsent(certPem, Server::digest);
        }

        private static String digest(String s) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                String path = exchange.getRequestURI().getRawPath();
                Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
                String agent = exchange.getRequestHeaders().getFirst("User-Agent");
                int slash = path.indexOf('/', 1);
                SnsHost h = slash < 0 ? null : hosts.get(path.substring(1, slash));
                if (h != null) {
                    h.handle(exchange, path.substring(slash), query, agent);
                    return;
                }
                // a SubscribeURL rebuilt at another path: the host whose token it carries is told; anything else is no
                // one's (a path notif never gave out)
                if ("ConfirmSubscription".equals(query.get("Action"))) {
                    for (SnsHost other : hosts.values()) {
                        if (other.altered(exchange, query.get("Token"), agent)) {
                            return;
                        }
                    }
                }
                respond(exchange, 404, "text/plain", "not found\n");
            }
        }
    }

    private static void invalidToken(HttpExchange exchange) throws IOException {
        respond(exchange, 400, "text/xml", "<ErrorResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\">"
            + "<Error><Type>Sender</Type><Code>InvalidParameter</Code><Message>Invalid token</Message></Error>"
            + "<RequestId>" + UUID.randomUUID() + "</RequestId></ErrorResponse>\n");
    }

    private static String response(String action, String result) {
        return "<" + action + "Response xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\">\n"
            + "  <" + action + "Result>" + result + "</" + action + "Result>\n"
            + "  <ResponseMetadata><RequestId>" + UUID.randomUUID() + "</RequestId></ResponseMetadata>\n"
            + "</" + action + "Response>\n";
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw == null) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            q.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return q;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String stripSlash(String s) {
        String r = s;
        while (r.endsWith("/")) {
            r = r.substring(0, r.length() - 1);
        }
        return r;
    }
}
