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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
 * ({@code /SimpleNotificationService-<id>.pem}) and answers the SubscribeURL ({@code /?Action=ConfirmSubscription})
 * and UnsubscribeURL the way SNS does, recording every visit so a command can tell whether the endpoint fetched them.
 * It binds to {@code bindHost:port} and advertises {@code publicBase} (when the endpoint reaches it through a tunnel
 * or a forwarded port) or its bound address.
 */
public final class SnsHost implements AutoCloseable {
    public static final String CERTIFICATE = "certificate";
    public static final String CONFIRM = "confirm";
    public static final String UNSUBSCRIBE = "unsubscribe";
    public static final String OTHER = "other";

    /** One request the host got: what it was for, the token it carried, when, from which client. */
    public record Visit(String kind, String path, String token, boolean tokenKnown, Instant at, String userAgent) {
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final String base;
    private final String certPath;
    private final String certPem;
    private final String topicArn;
    private final Clock clock;
    private final List<Visit> visits = new CopyOnWriteArrayList<>();
    private final Map<String, CountDownLatch> confirmations = new ConcurrentHashMap<>();

    private SnsHost(HttpServer server, ExecutorService executor, String base, String certPem, String topicArn,
                    Clock clock) {
        this.server = server;
        this.executor = executor;
        this.base = base;
        this.certPem = certPem;
        this.topicArn = topicArn;
        this.clock = clock;
        this.certPath = "/SimpleNotificationService-" + md5(certPem) + ".pem";
    }

    /** Starts serving; {@code publicBase} null advertises {@code http://bindHost:port}. */
    public static SnsHost start(String bindHost, int port, String publicBase, String certPem, String topicArn,
                                Clock clock) throws IOException {
        HttpServer server = LocalServers.create(bindHost, port, 0);
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "notif-sns-host");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        String host = bindHost.contains(":") ? "[" + bindHost + "]" : bindHost;
        String base = publicBase != null ? stripSlash(publicBase)
            : "http://" + host + ":" + server.getAddress().getPort();
        SnsHost sns = new SnsHost(server, executor, base, certPem, topicArn, clock);
        server.createContext("/", sns::handle);
        server.start();
        return sns;
    }

    public String baseUrl() {
        return base;
    }

    public String certificateUrl() {
        return base + certPath;
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

    public List<Visit> visits() {
        return List.copyOf(visits);
    }

    public boolean visited(String kind) {
        return visits.stream().anyMatch(v -> v.kind().equals(kind));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            String agent = exchange.getRequestHeaders().getFirst("User-Agent");
            Instant now = clock.instant();
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                visits.add(new Visit(OTHER, path, null, false, now, agent));
                respond(exchange, 405, "text/plain", "SNS links are fetched with GET\n");
            } else if (path.equals(certPath)) {
                visits.add(new Visit(CERTIFICATE, path, null, false, now, agent));
                respond(exchange, 200, "application/x-x509-ca-cert", certPem);
            } else if ("/".equals(path) && "ConfirmSubscription".equals(query.get("Action"))) {
                confirm(exchange, query.get("Token"), path, agent, now);
            } else if ("/".equals(path) && "Unsubscribe".equals(query.get("Action"))) {
                visits.add(new Visit(UNSUBSCRIBE, path, null, false, now, agent));
                respond(exchange, 200, "text/xml", response("Unsubscribe", ""));
            } else {
                visits.add(new Visit(OTHER, path, null, false, now, agent));
                respond(exchange, 404, "text/plain", "not found\n");
            }
        }
    }

    private void confirm(HttpExchange exchange, String token, String path, String agent, Instant now)
        throws IOException {
        CountDownLatch latch = token == null ? null : confirmations.get(token);
        visits.add(new Visit(CONFIRM, path, token, latch != null, now, agent));
        if (latch == null) {
            respond(exchange, 400, "text/xml", "<ErrorResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\">"
                + "<Error><Type>Sender</Type><Code>InvalidParameter</Code><Message>Invalid token</Message></Error>"
                + "<RequestId>" + UUID.randomUUID() + "</RequestId></ErrorResponse>\n");
            return;
        }
        latch.countDown();
        respond(exchange, 200, "text/xml", response("ConfirmSubscription",
            "<SubscriptionArn>" + topicArn + ":" + UUID.nameUUIDFromBytes(token.getBytes(StandardCharsets.UTF_8))
                + "</SubscriptionArn>"));
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

    private static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
