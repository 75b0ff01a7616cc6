package dev.notif.listen;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.core.Json;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * The receiver's append-only event log ({@code events.jsonl}, one JSON entry per line). An append completes only
 * once its line is on disk ({@code fsync}); appends that arrive together share one write and one fsync (group
 * commit), so durability costs one disk flush per batch, not per delivery. Reopening replays the log; a line torn
 * by a crash (never acknowledged) is cut off.
 */
public final class EventLog implements AutoCloseable {
    public static final String FILE = "events.jsonl";
    private static final int MAX_BATCH = 4096;

    private record Pending(byte[] line, CompletableFuture<Void> done) {
    }

    private final Path path;
    private final FileChannel channel;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean closed;

    private EventLog(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
        this.writer = new Thread(this::writeLoop, "notif-event-log");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Opens (creating) the log in {@code dir}, feeding every entry already in it to {@code replay}. */
    public static EventLog open(Path dir, Consumer<LogEntry> replay) throws IOException {
        Files.createDirectories(dir);
        Path path = dir.resolve(FILE);
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
            StandardOpenOption.WRITE);
        long good = replay(channel, replay);
        if (good < channel.size()) {
            channel.truncate(good);
            channel.force(true);
        }
        channel.position(good);
        return new EventLog(path, channel);
    }

    /** Reads a log without opening it for writing (for {@code notif status --data-dir}). */
    public static List<LogEntry> read(Path dir) throws IOException {
        List<LogEntry> entries = new ArrayList<>();
        Path path = dir.resolve(FILE);
        if (!Files.exists(path)) {
            return entries;
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            replay(channel, entries::add);
        }
        return entries;
    }

    public Path path() {
        return path;
    }

    /** Queues an entry; the future completes once it is durable, or exceptionally if it could not be written. */
    public CompletableFuture<Void> append(LogEntry entry) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (closed) {
            done.completeExceptionally(new IOException("the event log is closed"));
            return done;
        }
        byte[] line = (Json.compact(entry) + "\n").getBytes(StandardCharsets.UTF_8);
        queue.add(new Pending(line, done));
        return done;
    }

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>();
        while (true) {
            try {
                Pending first = queue.take();
                if (first.line() == null) {
                    return; // close() was called and everything before it is written
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH);
                boolean stop = batch.removeIf(p -> p.line() == null);
                write(batch);
                batch.clear();
                if (stop) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void write(List<Pending> batch) {
        int size = 0;
        for (Pending p : batch) {
            size += p.line().length;
        }
        ByteBuffer buffer = ByteBuffer.allocate(size);
        for (Pending p : batch) {
            buffer.put(p.line());
        }
        buffer.flip();
        try {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
            for (Pending p : batch) {
                p.done().complete(null);
            }
        } catch (IOException e) {
            for (Pending p : batch) {
                p.done().completeExceptionally(e);
            }
        }
    }

    /** Writes what is queued, then closes the file. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        queue.add(new Pending(null, null));
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            channel.close();
        } catch (IOException e) {
            // nothing left to save: every acknowledged entry was forced to disk already
        }
    }

    /** Feeds every complete line to {@code sink}; returns the offset after the last complete, parseable line. */
    private static long replay(FileChannel channel, Consumer<LogEntry> sink) throws IOException {
        // streamed, so a log of any size replays in bounded memory; the channel stays open for appending
        InputStream in = new BufferedInputStream(Channels.newInputStream(channel.position(0)), 64 * 1024);
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        long good = 0;
        long offset = 0;
        for (int b = in.read(); b >= 0; b = in.read()) {
            offset++;
            if (b != '\n') {
                line.write(b);
                continue;
            }
            LogEntry entry = parse(line.toString(StandardCharsets.UTF_8));
            if (entry == null) {
                break; // torn or garbage: everything from here on was never acknowledged
            }
            sink.accept(entry);
            line.reset();
            good = offset;
        }
        return good;
    }

    private static LogEntry parse(String line) {
        JsonNode node = Json.parseOrNull(line);
        if (node == null || !node.hasNonNull("store") || !node.hasNonNull("at")) {
            return null;
        }
        try {
            JsonNode detail = node.get("detail");
            return new LogEntry(node.get("store").asText(), Instant.parse(node.get("at").asText()),
                node.path("accepted").asBoolean(), Json.text(node, "error"), Json.text(node, "type"),
                Json.text(node, "id"), detail == null || detail.isNull() ? null : detail);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
