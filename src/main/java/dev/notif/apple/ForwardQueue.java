package dev.notif.apple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notif.core.DurableFiles;
import dev.notif.core.Http;
import dev.notif.core.Json;
import dev.notif.core.RetryPolicy;
import dev.notif.core.Secrets;
import dev.notif.listen.Forwarding;
import dev.notif.probe.HttpProbe;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * A durable relay: each notification is written to {@code pending/} (fsynced, atomically renamed) before it is
 * queued, then POSTed as-is (same body, same Content-Type) to the target by one background thread. Network errors,
 * 5xx, 408 and 429 are retried with exponential backoff; other answers (4xx, redirects) and exhausted retries move
 * the item to {@code failed/}, where it stays for inspection. What is pending survives a restart or a kill: it is
 * sent again when the queue opens (at least once, never silently dropped).
 */
public final class ForwardQueue implements AutoCloseable {
    static final int BODY_KEPT = 300;

    /** Where to relay to, where the queue lives, how to call and how long to keep trying. */
    public record Config(HttpUrl target, Path dir, OkHttpClient client, RetryPolicy backoff, Clock clock,
                         Consumer<String> notice) {
    }

    /** One queued notification. */
    record Item(Path file, String id, String contentType, byte[] body, Instant receivedAt, int attempts, Instant next,
                String lastError, long seq) {
    }

    private final Config config;
    private final Path pending;
    private final Path failedDir;
    private final Object lock = new Object();
    private final PriorityQueue<Item> queue = new PriorityQueue<>(
        Comparator.comparing(Item::next).thenComparingLong(Item::seq));
    private final AtomicLong seq = new AtomicLong();
    private final Thread worker;
    private volatile boolean closed;
    private Item inFlight;
    private long delivered;
    private long failed;
    private Instant lastDeliveredAt;
    private Forwarding.Failure lastFailure;

    private ForwardQueue(Config config) throws IOException {
        this.config = config;
        this.pending = config.dir().resolve("pending");
        this.failedDir = config.dir().resolve("failed");
        DurableFiles.directories(pending);
        DurableFiles.directories(failedDir);
        for (Path d : List.of(config.dir(), pending, failedDir)) {
            DurableFiles.restrict(d); // a queue an older notif made readable by others is made private
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(failedDir, "*.json")) {
            for (Path f : files) {
                DurableFiles.restrict(f);
                failed++;
            }
        }
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(pending, "*.json")) {
            files.forEach(found::add);
        }
        found.sort(Comparator.naturalOrder()); // names start with the receive time: oldest first
        for (Path file : found) {
            DurableFiles.restrict(file);
            Item item = read(file);
            if (item == null) {
                moveToFailed(file, "unreadable queue file");
            } else {
                queue.add(item);
            }
        }
        this.worker = new Thread(this::work, "notif-forward");
        this.worker.setDaemon(true);
    }

    /** Opens the queue under {@code config.dir()}, picks up what a previous run left pending and starts relaying. */
    public static ForwardQueue open(Config config) throws IOException {
        ForwardQueue q = new ForwardQueue(config);
        if (!q.queue.isEmpty()) {
            config.notice().accept("forwarding " + q.queue.size() + " notification(s) left pending by a previous run to "
                + shown(config.target()));
        }
        q.worker.start();
        return q;
    }

    /** Stores the notification durably, then queues it; returns once it is on disk. */
    public void enqueue(String id, String contentType, byte[] body, Instant receivedAt) throws IOException {
        long n = seq.incrementAndGet();
        Path file = pending.resolve(String.format("%013d-%06d-%s.json", receivedAt.toEpochMilli(), n % 1_000_000,
            Long.toHexString(System.nanoTime())));
        Item item = new Item(file, id, contentType, body, receivedAt, 0, config.clock().instant(), null, n);
        write(item);
        synchronized (lock) {
            queue.add(item);
            lock.notifyAll();
        }
    }

    /** What is pending, delivered and failed, for /status. */
    public Forwarding status() {
        synchronized (lock) {
            Item head = queue.peek();
            return new Forwarding(shown(config.target()), queue.size() + (inFlight == null ? 0 : 1), delivered, failed,
                failedDir.toString(), lastDeliveredAt, head == null ? null : head.next(), lastFailure);
        }
    }

    @Override
    public void close() {
        closed = true;
        synchronized (lock) {
            lock.notifyAll();
        }
        worker.interrupt();
        try {
            worker.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void work() {
        while (!closed) {
            Item item;
            synchronized (lock) {
                item = queue.peek();
                long wait = item == null ? 0 : Duration.between(config.clock().instant(), item.next()).toMillis();
                if (item == null || wait > 0) {
                    try {
                        lock.wait(item == null ? 0 : wait);
                    } catch (InterruptedException e) {
                        return;
                    }
                    continue;
                }
                queue.poll();
                inFlight = item;
            }
            Item again = deliver(item);
            synchronized (lock) {
                inFlight = null;
                if (again != null && !closed) {
                    queue.add(again);
                }
            }
        }
    }

    /** Sends one item; returns it (rescheduled) when it must be tried again, null when it is done either way. */
    private Item deliver(Item item) {
        MediaType type = item.contentType() == null ? null : MediaType.parse(item.contentType());
        Request request = new Request.Builder().url(config.target())
            .post(RequestBody.create(item.body(), type))
            .header("User-Agent", Http.userAgent() + " (forwarding Apple App Store Server Notifications)")
            .build();
        String error;
        boolean retry;
        try (Response r = config.client().newCall(request).execute()) {
            int code = r.code();
            if (code >= 200 && code < 300) {
                Files.deleteIfExists(item.file());
                synchronized (lock) {
                    delivered++;
                    lastDeliveredAt = config.clock().instant();
                }
                config.notice().accept("apple: forwarded " + item.id() + " to " + shown(config.target()) + " (HTTP "
                    + code + (item.attempts() == 0 ? "" : ", attempt " + (item.attempts() + 1)) + ")");
                return null;
            }
            error = "HTTP " + code + bodyStart(r.body()) + (code >= 300 && code < 400
                ? " (redirect to " + r.header("Location") + ": forward to the final URL)" : "");
            retry = code >= 500 || code == 408 || code == 429;
        } catch (IOException e) {
            if (closed) {
                return null; // stays in pending/: sent again on the next start
            }
            error = HttpProbe.classify(e, config.target().host(), config.target().port(), 0).failure().detail();
            retry = true;
        }
        int attempts = item.attempts() + 1;
        if (!retry || attempts >= config.backoff().maxAttempts()) {
            String why = retry ? error + " (gave up after " + attempts + " attempts)" : error;
            moveToFailed(item.file(), why);
            noteFailure(item, why);
            config.notice().accept("apple: forwarding " + item.id() + " to " + shown(config.target()) + " failed: " + why
                + "; kept in " + failedDir);
            return null;
        }
        Duration delay = config.backoff().delay(attempts, null);
        Item next = new Item(item.file(), item.id(), item.contentType(), item.body(), item.receivedAt(), attempts,
            config.clock().instant().plus(delay), error, item.seq());
        try {
            write(next);
        } catch (IOException e) {
            config.notice().accept("apple: cannot update " + next.file() + ": " + e.getMessage());
        }
        noteFailure(item, error);
        config.notice().accept("apple: forwarding " + item.id() + " to " + shown(config.target()) + " failed (" + error
            + "); attempt " + (attempts + 1) + " of " + config.backoff().maxAttempts() + " in " + delay.toMillis()
            + " ms");
        return next;
    }

    private void noteFailure(Item item, String error) {
        synchronized (lock) {
            lastFailure = new Forwarding.Failure(config.clock().instant(), item.id(), error);
        }
    }

    private void moveToFailed(Path file, String why) {
        try {
            Path target = failedDir.resolve(file.getFileName());
            JsonNode json = Json.parseOrNull(Files.readString(file, StandardCharsets.UTF_8));
            if (json instanceof ObjectNode o) {
                o.put("failed_at", config.clock().instant().toString());
                o.put("last_error", why);
                DurableFiles.replace(file, Json.pretty(o).getBytes(StandardCharsets.UTF_8));
            }
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            synchronized (lock) {
                failed++;
            }
        } catch (IOException e) {
            config.notice().accept("apple: cannot move " + file + " to " + failedDir + ": " + e.getMessage());
        }
    }

    private void write(Item item) throws IOException {
        ObjectNode o = Json.object();
        o.put("id", item.id());
        o.put("content_type", item.contentType());
        o.put("received_at", item.receivedAt().toString());
        o.put("attempts", item.attempts());
        o.put("next_attempt_at", item.next().toString());
        o.put("last_error", item.lastError());
        o.put("body_base64", Base64.getEncoder().encodeToString(item.body()));
        DurableFiles.replace(item.file(), Json.pretty(o).getBytes(StandardCharsets.UTF_8));
    }

    private Item read(Path file) {
        try {
            JsonNode o = Json.parseOrNull(Files.readString(file, StandardCharsets.UTF_8));
            if (o == null || Json.text(o, "body_base64") == null) {
                return null;
            }
            String next = Json.text(o, "next_attempt_at");
            return new Item(file, Json.text(o, "id"), Json.text(o, "content_type"),
                Base64.getDecoder().decode(Json.text(o, "body_base64")), Instant.parse(Json.text(o, "received_at")),
                o.path("attempts").asInt(), next == null ? config.clock().instant() : Instant.parse(next),
                Json.text(o, "last_error"), seq.incrementAndGet());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String bodyStart(ResponseBody body) throws IOException {
        if (body == null) {
            return "";
        }
        String text = new String(body.byteStream().readNBytes(BODY_KEPT), StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? "" : ": " + Secrets.scrub(text.replace('\n', ' '));
    }

    /** The target as shown: no credentials, no query (they may hold tokens). */
    static String shown(HttpUrl url) {
        return url.scheme() + "://" + url.host() + (url.port() == HttpUrl.defaultPort(url.scheme()) ? "" : ":"
            + url.port()) + url.encodedPath();
    }
}
