package dev.notif.listen;

import dev.notif.core.Json;
import dev.notif.core.Secrets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The local ingestion endpoint: {@code POST /<store>} to each store's route, {@code GET /status}, {@code GET /healthz}.
 * Every answer's log entry is durable before the answer leaves; bad input gets a 4xx, never a 500; a slow or idle
 * client holds a connection slot for a bounded time and never a thread ({@link Http1Server}).
 */
public final class Receiver implements AutoCloseable {
    public static final int DEFAULT_MAX_BODY = 1024 * 1024;
    /** Bodies up to this size are decided on the I/O thread by routes that do not block; larger ones on a worker. */
    static final int INLINE_BODY_BYTES = 64 * 1024;

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
    private final ExecutorService workers;
    private final Http1Server server;
    private final Http1Server.Limits limits;

    private Receiver(Config config, Http1Server.Limits limits, EventLog.Opener opener) throws IOException {
        this.config = config;
        this.limits = limits;
        for (StoreRoute route : config.routes()) {
            routes.put(route.store(), route);
        }
        this.log = EventLog.open(config.dataDir(), routes.keySet(), config.logLimits(), config.notice(), opener);
        AtomicInteger n = new AtomicInteger();
        int threads = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
        this.workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "notif-receiver-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            this.server = Http1Server.start(config.host(), config.port(), limits, new Handler(), config.clock());
        } catch (IOException | RuntimeException e) {
            log.close();
            workers.shutdownNow();
            throw e;
        }
    }

    public static Receiver start(Config config) throws IOException {
        return start(config, Http1Server.Limits.defaults(config.maxBodyBytes()));
    }

    /** With other connection bounds (tests: short timeouts, few connections). */
    static Receiver start(Config config, Http1Server.Limits limits) throws IOException {
        return new Receiver(config, limits, EventLog.Opener.FILES);
    }

    /** Over files opened by {@code opener} (tests: a disk that fails or is slow on demand). */
    static Receiver start(Config config, Http1Server.Limits limits, EventLog.Opener opener) throws IOException {
        return new Receiver(config, limits, opener);
    }

    public int port() {
        return server.port();
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

    /** The event log's writes so far (entries, flushes, their time). */
    public EventLog.Flushes flushes() {
        return log.flushes();
    }

    public Path logPath() {
        return log.path();
    }

    public List<String> stores() {
        return List.copyOf(routes.keySet());
    }

    /** Per-store status including each relaying route's forwarding queue. */
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

    int connections() throws InterruptedException {
        return server.connections();
    }

    /** The path without its leading and trailing slashes: the store's name for a delivery. */
    private static String store(String path) {
        int from = 0;
        int to = path.length();
        while (from < to && path.charAt(from) == '/') {
            from++;
        }
        while (to > from && path.charAt(to - 1) == '/') {
            to--;
        }
        return path.substring(from, to);
    }

    private static CompletableFuture<Http1Server.Response> now(int status, String body) {
        return CompletableFuture.completedFuture(Http1Server.Response.json(status, body));
    }

    private final class Handler implements Http1Server.Handler {
        @Override
        public CompletableFuture<Http1Server.Response> handle(Inbound in) {
            String path = in.path();
            String method = in.method();
            if (path.equals("/healthz")) {
                return now(200, "{\"ok\":true}");
            }
            if (path.equals("/status") || path.equals("/status/")) {
                if (!method.equals("GET") && !method.equals("HEAD")) {
                    return CompletableFuture.completedFuture(new Http1Server.Response(405, Answer.JSON,
                        Answer.errorBody(ErrorCodes.METHOD_NOT_ALLOWED, "GET /status").getBytes(StandardCharsets.UTF_8),
                        "GET"));
                }
                return CompletableFuture.supplyAsync(() -> Http1Server.Response.json(200,
                    Secrets.scrub(Json.compact(new StatusDocument(status())))), workers);
            }
            String store = store(path);
            StoreRoute route = routes.get(store);
            if (route == null) {
                return now(404, Answer.errorBody(ErrorCodes.NOT_FOUND, "no route " + path + "; this receiver serves "
                    + String.join(", ", routes.keySet().stream().map(s -> "POST /" + s).toList())
                    + ", GET /status and GET /healthz"));
            }
            if (!method.equals("POST")) {
                return CompletableFuture.completedFuture(new Http1Server.Response(405, Answer.JSON,
                    Answer.errorBody(ErrorCodes.METHOD_NOT_ALLOWED, "stores deliver with POST /" + store)
                        .getBytes(StandardCharsets.UTF_8), "POST"));
            }
            if (route.decidesWithoutBlocking() && in.body().length <= INLINE_BODY_BYTES) {
                return decide(route, in); // here, on the I/O thread: no hand-off
            }
            return CompletableFuture.supplyAsync(() -> decide(route, in), workers).thenCompose(f -> f);
        }

        private CompletableFuture<Http1Server.Response> decide(StoreRoute route, Inbound in) {
            Answer answer;
            try {
                answer = route.handle(in);
            } catch (RuntimeException e) {
                answer = Answer.rejected(400, ErrorCodes.MALFORMED, "the delivery could not be processed ("
                    + e.getClass().getSimpleName() + ")", LogEntry.rejected(route.store(), in.receivedAt(),
                    ErrorCodes.MALFORMED, null, null));
            }
            return finish(route, in, answer);
        }

        @Override
        public Http1Server.Response timedOut(Inbound in) {
            StoreRoute route = routes.get(store(in.path()));
            return notStored(route == null ? store(in.path()) : route.store(), "the disk did not confirm it within "
                + limits.answerMillis() / 1000 + " s");
        }

        @Override
        public CompletableFuture<Http1Server.Response> tooLarge(Inbound in) {
            StoreRoute route = routes.get(store(in.path()));
            String message = "body larger than " + config.maxBodyBytes() + " bytes";
            if (route == null || !in.method().equals("POST")) {
                return now(413, Answer.errorBody(ErrorCodes.MALFORMED, message));
            }
            LogEntry entry = LogEntry.rejected(route.store(), in.receivedAt(), ErrorCodes.MALFORMED, null, null);
            return finish(route, null, Answer.rejected(413, ErrorCodes.MALFORMED, message, entry));
        }
    }

    /** Answers once the entry is durable: the answer itself, or 503 when it could not be stored. */
    private CompletableFuture<Http1Server.Response> finish(StoreRoute route, Inbound inbound, Answer answer) {
        LogEntry entry = answer.entry();
        // a disk that does not confirm within limits.answerMillis() gets the request 503 from the server (timedOut)
        CompletableFuture<Void> durable = entry == null ? CompletableFuture.completedFuture(null) : log.append(entry);
        // the answer is made on the I/O thread (the log's writer only writes and flushes), on a worker when the route
        // has I/O to do first
        java.util.concurrent.Executor where = route.actsAfterRecording() ? workers : server::post;
        return durable.handleAsync((ok, failure) -> {
            if (failure != null) {
                return notStored(route.store(), failure.getMessage());
            }
            if (entry != null && entry.accepted() && inbound != null) {
                route.afterRecorded(entry, inbound);
            }
            report(route.store(), answer.status(), entry, answer.body());
            byte[] body = answer.body() == null ? new byte[0] : answer.body().getBytes(StandardCharsets.UTF_8);
            return new Http1Server.Response(answer.status(), answer.contentType(), body, null);
        }, where);
    }

    /** Not durable, so not acknowledged: the store retries a 503. */
    private Http1Server.Response notStored(String store, String why) {
        report(store, 503, null, "not stored: " + why);
        return Http1Server.Response.json(503, Answer.errorBody(ErrorCodes.UNAVAILABLE,
            "the delivery could not be stored durably; retry later"));
    }

    private void report(String store, int status, LogEntry entry, String answer) {
        if (config.onDelivery() != null) {
            config.onDelivery().accept(new Delivery(store, status, entry, answer));
        }
    }

    /** Stops accepting, lets requests in flight finish (up to a second), writes what is queued, closes the log. */
    @Override
    public void close() {
        server.stop(1000);
        workers.shutdown();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.close();
        routes.values().forEach(StoreRoute::close);
    }
}
