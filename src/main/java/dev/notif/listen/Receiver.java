package dev.notif.listen;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.notif.core.Json;
import dev.notif.core.LocalServers;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The local ingestion endpoint: {@code POST /<store>} to each store's route, {@code GET /status}, {@code GET /healthz}.
 * Every answer's log entry is durable before the answer leaves; bad input gets a 4xx, never a 500.
 */
public final class Receiver implements AutoCloseable {
    public static final int DEFAULT_MAX_BODY = 1024 * 1024;
    private static final long DURABLE_WAIT_SECONDS = 30;

    /** What to start: where to bind, where the log lives, the routes, and who hears about each delivery. */
    public record Config(String host, int port, Path dataDir, int maxBodyBytes, List<StoreRoute> routes, Clock clock,
                         Consumer<Delivery> onDelivery, Consumer<String> notice, EventLog.Limits logLimits) {
        public Config(String host, int port, Path dataDir, int maxBodyBytes, List<StoreRoute> routes, Clock clock,
                      Consumer<Delivery> onDelivery) {
            this(host, port, dataDir, maxBodyBytes, routes, clock, onDelivery, message -> { }, EventLog.Limits.DEFAULT);
        }
    }

    /** One handled request, as reported to {@link Config#onDelivery}. */
    public record Delivery(String store, int status, LogEntry entry, String answer) {
    }

    private final Config config;
    private final Map<String, StoreRoute> routes = new LinkedHashMap<>();
    private final EventLog log;
    private final HttpServer server;
    private final ExecutorService executor;

    private Receiver(Config config) throws IOException {
        this.config = config;
        for (StoreRoute route : config.routes()) {
            routes.put(route.store(), route);
        }
        this.log = EventLog.open(config.dataDir(), routes.keySet(), config.logLimits(), config.notice());
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(64, r -> {
            Thread t = new Thread(r, "notif-receiver-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        HttpServer s;
        try {
            s = LocalServers.create(config.host(), config.port(), 512);
        } catch (IOException e) {
            log.close();
            executor.shutdownNow();
            throw e;
        }
        this.server = s;
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static Receiver start(Config config) throws IOException {
        return new Receiver(config);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://host:port} as a client would use it. */
    public String baseUrl() {
        String host = config.host();
        if (host.equals("0.0.0.0") || host.equals("::")) {
            host = "127.0.0.1";
        } else if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return "http://" + host + ":" + port();
    }

    public Path logPath() {
        return log.path();
    }

    public List<String> stores() {
        return List.copyOf(routes.keySet());
    }

    /** Per-store status including each route's extra fields. */
    public Map<String, StoreStatus> status() {
        Map<String, StoreStatus> snapshot = log.status();
        routes.forEach((name, route) -> {
            Forwarding f = route.forwarding();
            if (f != null) {
                snapshot.put(name, snapshot.getOrDefault(name, StoreStatus.empty()).withForwarding(f));
            }
        });
        return snapshot;
    }

    private void handle(HttpExchange ex) {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
            if (path.equals("/healthz")) {
                respond(ex, 200, "{\"ok\":true}");
            } else if (path.equals("/status") || path.equals("/status/")) {
                if (!method.equals("GET") && !method.equals("HEAD")) {
                    ex.getResponseHeaders().set("Allow", "GET");
                    respond(ex, 405, Answer.errorBody("method_not_allowed", "GET /status"));
                } else {
                    respond(ex, 200, Json.compact(new StatusDocument(status())));
                }
            } else {
                String store = path.replaceAll("^/+|/+$", "");
                StoreRoute route = routes.get(store);
                if (route == null) {
                    respond(ex, 404, Answer.errorBody("not_found", "no route " + path + "; this receiver serves "
                        + String.join(", ", routes.keySet().stream().map(s -> "POST /" + s).toList())
                        + ", GET /status and GET /healthz"));
                } else if (!method.equals("POST")) {
                    ex.getResponseHeaders().set("Allow", "POST");
                    respond(ex, 405, Answer.errorBody("method_not_allowed", "stores deliver with POST /" + store));
                } else {
                    deliver(ex, route);
                }
            }
        } catch (IOException | RuntimeException e) {
            // the client went away or sent garbage the HTTP layer could not parse; nothing was acknowledged
        }
    }

    private void deliver(HttpExchange ex, StoreRoute route) throws IOException {
        Inbound inbound;
        byte[] body = readBody(ex);
        if (body == null) {
            LogEntry entry = LogEntry.rejected(route.store(), config.clock().instant(), "malformed", null, null);
            finish(ex, route, null, Answer.rejected(413, "malformed", "body larger than " + config.maxBodyBytes()
                + " bytes", entry));
            return;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
        inbound = new Inbound("POST", ex.getRequestURI().getPath(), ex.getRequestURI().getRawQuery(), headers, body,
            config.clock().instant());
        Answer answer;
        try {
            answer = route.handle(inbound);
        } catch (RuntimeException e) {
            answer = Answer.rejected(400, "malformed", "the delivery could not be processed ("
                + e.getClass().getSimpleName() + ")", LogEntry.rejected(route.store(), inbound.receivedAt(),
                "malformed", null, null));
        }
        finish(ex, route, inbound, answer);
    }

    private void finish(HttpExchange ex, StoreRoute route, Inbound inbound, Answer answer) throws IOException {
        LogEntry entry = answer.entry();
        if (entry != null) {
            try {
                log.append(entry).get(DURABLE_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                // not durable, so not acknowledged: the store retries a 503
                respond(ex, 503, Answer.errorBody("unavailable", "the delivery could not be stored durably; retry later"));
                report(route.store(), 503, null, "not stored: " + e);
                return;
            }
            if (entry.accepted() && inbound != null) {
                route.afterRecorded(entry, inbound);
            }
        }
        if (answer.contentType() != null) {
            ex.getResponseHeaders().set("Content-Type", answer.contentType());
        }
        respond(ex, answer.status(), answer.body());
        report(route.store(), answer.status(), entry, answer.body());
    }

    private void report(String store, int status, LogEntry entry, String answer) {
        if (config.onDelivery() != null) {
            config.onDelivery().accept(new Delivery(store, status, entry, answer));
        }
    }

    /** The body, or null when it is larger than allowed. */
    private byte[] readBody(HttpExchange ex) throws IOException {
        String length = ex.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > config.maxBodyBytes()) {
                    return null;
                }
            } catch (NumberFormatException e) {
                // the HTTP layer rejects it; fall through to the bounded read
            }
        }
        try (InputStream in = ex.getRequestBody()) {
            byte[] body = in.readNBytes(config.maxBodyBytes() + 1);
            return body.length > config.maxBodyBytes() ? null : body;
        }
    }

    private static void respond(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (!ex.getResponseHeaders().containsKey("Content-Type")) {
            ex.getResponseHeaders().set("Content-Type", "application/json");
        }
        boolean head = ex.getRequestMethod().equalsIgnoreCase("HEAD");
        ex.sendResponseHeaders(status, head || bytes.length == 0 ? -1 : bytes.length);
        if (!head && bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** Stops accepting, lets requests in flight finish (up to a second), writes what is queued, closes the log. */
    @Override
    public void close() {
        server.stop(1);
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.close();
        routes.values().forEach(StoreRoute::close);
    }
}
