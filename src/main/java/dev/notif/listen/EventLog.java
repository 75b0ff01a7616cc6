package dev.notif.listen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.notif.core.DurableFiles;
import dev.notif.core.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The receiver's durable event log (format and guarantees: {@code docs/receiver-storage.md}).
 *
 * <p>Entries are JSON lines appended to {@code events.jsonl}. An append completes only once its line is on disk
 * ({@code fdatasync}); appends that arrive together share one write and one fsync (group commit), and up to
 * {@link #SYNCERS} batches are fsynced at once, each on its own descriptor, answered in the order they were written.
 * A write or fsync that fails (a full disk) fails every batch not answered yet, and the file is cut back to the end of
 * the last durable line before the next write, so a batch never lands after a fragment.
 *
 * <p>When {@code events.jsonl} reaches {@link Limits#segmentBytes()} it is renamed {@code events-NNNNNN.jsonl} and
 * the per-store counts so far are written to {@code events-summary.json}; start-up reads the summary and only the
 * segments after it, so it takes as long as one segment whatever the history. The newest
 * {@link Limits#keepSegments()} rotated segments are kept; older ones are removed once a summary covers them.
 *
 * <p>Reading tolerates damage: only an incomplete last line of {@code events.jsonl} (a write that was never
 * acknowledged) is cut; an unreadable line anywhere else is skipped, copied to {@code events-quarantine.jsonl} and
 * reported, and every line after it is read. Whatever is cut or skipped is said through the notice sink.
 */
public final class EventLog implements AutoCloseable {
    public static final String FILE = "events.jsonl";
    public static final String SUMMARY = "events-summary.json";
    public static final String QUARANTINE = "events-quarantine.jsonl";
    private static final Pattern SEGMENT = Pattern.compile("events-(\\d{6,})\\.jsonl");
    private static final int MAX_BATCH = 4096;
    /**
     * Fsyncs in flight at once, each on its own descriptor: a disk confirms concurrent ones together (on the
     * development machine's ext4, 250-byte appends each followed by fdatasync: 130-350 a second from one thread,
     * about 6,900 from four; bench/run section 3 shows the receiver's own rate).
     */
    static final int SYNCERS = 4;
    private static final int MAX_LINE = 1 << 20;
    private static final byte[] ENTRY_START = "{\"store\":".getBytes(StandardCharsets.UTF_8);
    private static final ObjectReader ENTRY = Json.mapper().readerFor(LogEntry.class);

    /** When {@code events.jsonl} is rotated, and how many rotated segments are kept. */
    public record Limits(long segmentBytes, int keepSegments) {
        public static final Limits DEFAULT = new Limits(8L << 20, 64);
    }

    /** How the log's file is opened (tests put a failing channel here). */
    interface Opener {
        Opener FILES = DurableFiles::openPrivate;

        FileChannel open(Path file) throws IOException;
    }

    /** What a data directory holds, read without writing: per-store status and what was skipped or cut, in words. */
    public record Contents(Map<String, StoreStatus> stores, List<String> notices) {
    }

    /** The summary of the rotated segments up to {@code throughSegment}. */
    record Summary(int format, int throughSegment, Instant writtenAt, Map<String, StoreStatus> stores) {
    }

    private record Pending(byte[] line, LogEntry entry, CompletableFuture<Void> done) {
    }

    /** How the appends were flushed so far: entries made durable, the flushes that did it, their time. */
    public record Flushes(long entries, long flushes, long nanos) {
        /** {@code 1,234 deliveries in 100 flushes (12.3 a flush, 1.20 ms a flush)}, or null before the first. */
        public String summary() {
            if (flushes == 0) {
                return null;
            }
            return String.format(java.util.Locale.ROOT, "%,d entries in %,d flushes (%.1f a flush, %.2f ms a flush)",
                entries, flushes, (double) entries / flushes, nanos / 1e6 / flushes);
        }
    }

    private final Path dir;
    private final Limits limits;
    private final Consumer<String> notice;
    private final Opener opener;
    private final StatusBook book;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private final ExecutorService syncers;
    private final Semaphore syncing = new Semaphore(SYNCERS);
    private volatile boolean closed;
    // guarded by this: the batches written and not answered yet (oldest first), the end of the last durable line,
    // whether a failure left bytes after it, the counts
    private final ArrayDeque<Written> unconfirmed = new ArrayDeque<>();
    private long good;
    private boolean dirty;
    private volatile Flushes flushes = new Flushes(0, 0, 0);
    // the writer thread's own state: the file, where the next batch goes, one descriptor per sync thread
    private FileChannel channel;
    private long written;
    private final FileChannel[] syncChannels = new FileChannel[SYNCERS];
    private int nextSync;
    private int lastSegment;

    /** A batch written to the file and not answered yet: answered once its fsync and every earlier one returned. */
    private static final class Written {
        final List<Pending> entries;
        final long end;
        boolean synced;
        boolean failed;

        Written(List<Pending> entries, long end) {
            this.entries = entries;
            this.end = end;
        }
    }

    private EventLog(Path dir, Limits limits, Consumer<String> notice, Opener opener, StatusBook book,
                     FileChannel channel, long good, int lastSegment) throws IOException {
        this.dir = dir;
        this.limits = limits;
        this.notice = notice;
        this.opener = opener;
        this.book = book;
        this.channel = channel;
        this.good = good;
        this.written = good;
        this.lastSegment = lastSegment;
        openSyncChannels();
        AtomicInteger n = new AtomicInteger();
        this.syncers = Executors.newFixedThreadPool(SYNCERS, r -> {
            Thread t = new Thread(r, "notif-event-log-sync-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.writer = new Thread(this::writeLoop, "notif-event-log");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Opens (creating) the log in {@code dir}: reads what it holds, cuts a torn tail, quarantines damage. */
    public static EventLog open(Path dir, Collection<String> stores, Limits limits, Consumer<String> notice)
        throws IOException {
        return open(dir, stores, limits, notice, Opener.FILES);
    }

    static EventLog open(Path dir, Collection<String> stores, Limits limits, Consumer<String> notice, Opener opener)
        throws IOException {
        DurableFiles.directories(dir);
        StatusBook book = new StatusBook(stores);
        Path path = dir.resolve(FILE);
        FileChannel channel = opener.open(path);
        try {
            Scan scan = scan(dir, channel, book::apply, book);
            if (scan.tornBytes > 0) {
                channel.truncate(scan.currentGood);
                channel.force(true);
                notice.accept(FILE + ": cut an incomplete last line (" + scan.tornBytes + " bytes at byte "
                    + scan.currentGood + "): a write that was interrupted and never acknowledged");
            }
            if (!scan.bad.isEmpty()) {
                quarantine(dir, scan.bad);
            }
            scan.notices.forEach(notice);
            return new EventLog(dir, limits, notice, opener, book, channel, scan.currentGood, scan.lastSegment);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Reads a data directory the way {@link #open} does, without writing anything (for {@code status --data-dir}). */
    public static Contents read(Path dir) throws IOException {
        return read(dir, List.of());
    }

    /** As {@link #read(Path)}, with a row for each of {@code stores} even when the log holds nothing of it. */
    public static Contents read(Path dir, Collection<String> stores) throws IOException {
        StatusBook book = new StatusBook(stores);
        Path path = dir.resolve(FILE);
        List<String> notices = new ArrayList<>();
        if (Files.exists(path)) {
            try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
                Scan scan = scan(dir, channel, book::apply, book);
                notices.addAll(scan.notices);
                if (scan.tornBytes > 0) {
                    notices.add(FILE + ": ignored an incomplete last line (" + scan.tornBytes + " bytes at byte "
                        + scan.currentGood + "): a write in progress or interrupted, never acknowledged");
                }
            }
        } else {
            Scan scan = scan(dir, null, book::apply, book);
            notices.addAll(scan.notices);
        }
        return new Contents(book.snapshot(), notices);
    }

    /** Every entry the directory still holds, oldest first (rotated segments that were kept, then the current file). */
    static List<LogEntry> entries(Path dir) throws IOException {
        List<LogEntry> all = new ArrayList<>();
        for (Map.Entry<Integer, Path> s : segments(dir).entrySet()) {
            try (FileChannel ch = FileChannel.open(s.getValue(), StandardOpenOption.READ)) {
                lines(ch, s.getValue().getFileName().toString(), all::add, new Scan());
            }
        }
        Path current = dir.resolve(FILE);
        if (Files.exists(current)) {
            try (FileChannel ch = FileChannel.open(current, StandardOpenOption.READ)) {
                lines(ch, FILE, all::add, new Scan());
            }
        }
        return all;
    }

    public Path path() {
        return dir.resolve(FILE);
    }

    /** The writes and flushes of this run's appends. */
    public Flushes flushes() {
        return flushes;
    }

    /** Per-store counts of everything durable, including what was replayed at start. */
    public Map<String, StoreStatus> status() {
        return book.snapshot();
    }

    /**
     * Queues an entry; the future completes once it is durable (and counted in {@link #status}), or exceptionally if
     * it could not be written, in which case nothing of it is left in the file.
     */
    public CompletableFuture<Void> append(LogEntry entry) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (closed) {
            done.completeExceptionally(new IOException("the event log is closed"));
            return done;
        }
        byte[] line = LogLine.of(entry);
        queue.add(new Pending(line, entry, done));
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
                syncing.acquire(); // an fsync slot: what queues while all are busy joins this batch
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH);
                boolean stop = batch.removeIf(p -> p.line() == null);
                write(batch);
                batch = new ArrayList<>();
                if (stop) {
                    return;
                }
                if (written >= limits.segmentBytes()) {
                    syncing.acquire(SYNCERS); // every fsync done, so every batch answered
                    try {
                        if (!dirty() && good == written) {
                            rotate();
                        }
                    } finally {
                        syncing.release(SYNCERS);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Writes a batch after the last one and has one of the sync threads fsync it (the slot taken by the loop is
     * released when that fsync returns). After a failure, cuts the file back to its last durable line first.
     */
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
        Written w;
        synchronized (this) {
            if (dirty) {
                try {
                    cutBack();
                } catch (IOException again) {
                    syncing.release();
                    notice.accept("could not write " + batch.size() + " deliveries to " + FILE + " (the file is not"
                        + " cut back yet) nor cut it back to byte " + good + " (" + again.getMessage()
                        + "); answering 503 until it can be");
                    batch.forEach(p -> p.done().completeExceptionally(again));
                    return;
                }
            }
            w = new Written(batch, written + size);
            unconfirmed.add(w);
        }
        try {
            long at = written;
            while (buffer.hasRemaining()) {
                at += channel.write(buffer, at);
            }
            written = at;
        } catch (IOException e) {
            syncing.release();
            failed(e);
            return;
        }
        FileChannel sync = syncChannels[nextSync];
        nextSync = (nextSync + 1) % SYNCERS;
        syncers.execute(() -> {
            try {
                sync(w, sync);
            } finally {
                syncing.release();
            }
        });
    }

    /**
     * Fsyncs a written batch on a sync thread's own descriptor of the file (so that a write-back error is reported to
     * every descriptor's next fsync, never consumed by a concurrent one), then answers every batch up to the oldest
     * one whose fsync has not returned yet: batches are answered in the order they were written.
     */
    private void sync(Written w, FileChannel ch) {
        long started = System.nanoTime();
        try {
            ch.force(false);
        } catch (IOException e) {
            failed(e);
            return;
        }
        long took = System.nanoTime() - started;
        List<Written> confirmed = new ArrayList<>();
        synchronized (this) {
            if (w.failed) {
                return; // a failure of another batch answered it 503 already
            }
            w.synced = true;
            int entries = 0;
            while (!unconfirmed.isEmpty() && unconfirmed.peekFirst().synced) {
                Written head = unconfirmed.removeFirst();
                good = head.end;
                for (Pending p : head.entries) {
                    book.apply(p.entry());
                }
                entries += head.entries.size();
                confirmed.add(head);
            }
            Flushes f = flushes;
            flushes = new Flushes(f.entries() + entries, f.flushes() + 1, f.nanos() + took);
        }
        for (Written c : confirmed) {
            for (Pending p : c.entries) {
                p.done().complete(null);
            }
        }
    }

    /**
     * A write or an fsync failed: every batch not answered yet is answered 503 (a later fsync returning cannot vouch
     * for bytes an earlier write-back lost), and the writer cuts the file back to the last durable line before the
     * next batch.
     */
    private void failed(IOException e) {
        List<Written> lost;
        String said;
        synchronized (this) {
            lost = new ArrayList<>(unconfirmed);
            unconfirmed.clear();
            lost.forEach(x -> x.failed = true);
            dirty = true; // the writer cuts again before its next write: a write in progress may extend the file
            int n = lost.stream().mapToInt(x -> x.entries.size()).sum();
            try {
                channel.truncate(good);
                channel.force(true);
                said = "could not write " + n + " deliveries to " + FILE + " (" + e.getMessage() + "); answered 503"
                    + " and cut the file back to its last durable line, byte " + good;
            } catch (IOException again) {
                said = "could not write " + n + " deliveries to " + FILE + " (" + e.getMessage() + ") nor cut it back"
                    + " to byte " + good + " (" + again.getMessage() + "); answering 503 until it can be";
            }
        }
        if (lost.isEmpty()) {
            return;
        }
        notice.accept(said);
        for (Written x : lost) {
            for (Pending p : x.entries) {
                p.done().completeExceptionally(e);
            }
        }
    }

    private synchronized boolean dirty() {
        return dirty;
    }

    /** Removes whatever a failed write left after the last durable line (the writer thread, holding the lock). */
    private void cutBack() throws IOException {
        channel.truncate(good);
        channel.force(true);
        written = good;
        dirty = false;
    }

    /** One descriptor of {@code events.jsonl} per sync thread (closing any of the previous file). */
    private void openSyncChannels() throws IOException {
        closeSyncChannels();
        for (int i = 0; i < SYNCERS; i++) {
            syncChannels[i] = opener.open(dir.resolve(FILE));
        }
    }

    private void closeSyncChannels() {
        for (int i = 0; i < SYNCERS; i++) {
            if (syncChannels[i] != null) {
                try {
                    syncChannels[i].close();
                } catch (IOException e) {
                    // only used to fsync, and every fsync has returned
                }
                syncChannels[i] = null;
            }
        }
    }

    /**
     * Renames {@code events.jsonl} to the next segment, starts a new one, then writes the summary and removes
     * segments it makes unneeded. A crash at any step leaves a directory that start-up reads in full: the summary
     * covers segments up to its number, later segments and {@code events.jsonl} are replayed.
     */
    private void rotate() {
        int n = lastSegment + 1;
        Path current = dir.resolve(FILE);
        Path segment = dir.resolve(segmentName(n));
        try {
            Files.move(current, segment, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            notice.accept("could not rotate " + FILE + " (" + e.getMessage() + "); it keeps growing");
            return;
        }
        FileChannel next = null;
        FileChannel[] nextSync = new FileChannel[SYNCERS];
        try {
            next = opener.open(current);
            for (int i = 0; i < SYNCERS; i++) {
                nextSync[i] = opener.open(current);
            }
            DurableFiles.forceDirectory(dir);
        } catch (IOException e) {
            closeQuietly(next);
            for (FileChannel c : nextSync) {
                closeQuietly(c);
            }
            try {
                Files.move(segment, current, StandardCopyOption.ATOMIC_MOVE);
                DurableFiles.forceDirectory(dir);
            } catch (IOException back) {
                // still appending to the same file (now the segment): start-up replays it, nothing is lost
            }
            notice.accept("could not start a new " + FILE + " (" + e.getMessage() + "); it keeps growing");
            return;
        }
        closeQuietly(channel); // forced already
        closeSyncChannels();
        channel = next;
        System.arraycopy(nextSync, 0, syncChannels, 0, SYNCERS);
        synchronized (this) {
            good = 0;
        }
        written = 0;
        lastSegment = n;
        try {
            DurableFiles.replace(dir.resolve(SUMMARY), Json.compact(new Summary(1, n, Instant.now(), book.snapshot()))
                .getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            notice.accept("could not write " + SUMMARY + " (" + e.getMessage() + "); start-up reads the segments");
            return;
        }
        for (Map.Entry<Integer, Path> s : segments(dir).entrySet()) {
            if (s.getKey() <= n - limits.keepSegments()) {
                try {
                    Files.deleteIfExists(s.getValue());
                } catch (IOException e) {
                    notice.accept("could not remove " + s.getValue() + ": " + e.getMessage());
                }
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
        queue.add(new Pending(null, null, null));
        try {
            writer.join(10_000);
            syncers.shutdown();
            syncers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeQuietly(channel); // nothing left to save: every acknowledged entry was forced to disk already
        closeSyncChannels();
    }

    private static void closeQuietly(FileChannel c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ reading

    /** What reading a directory found. */
    private static final class Scan {
        final List<String> notices = new ArrayList<>();
        final List<Bad> bad = new ArrayList<>();
        long currentGood;
        long tornBytes;
        int lastSegment;
    }

    /** An unreadable line: where it was and its bytes (cut to {@link #MAX_LINE}). */
    private record Bad(String file, long offset, long length, byte[] bytes) {
    }

    private static Scan scan(Path dir, FileChannel current, Consumer<LogEntry> sink, StatusBook book)
        throws IOException {
        Scan scan = new Scan();
        int through = 0;
        Path summaryFile = dir.resolve(SUMMARY);
        if (Files.exists(summaryFile)) {
            Summary summary = null;
            try {
                summary = Json.mapper().readValue(Files.readAllBytes(summaryFile), Summary.class);
            } catch (IOException | RuntimeException e) {
                scan.notices.add(SUMMARY + " is unreadable (" + e.getMessage() + "); counting from the segments still"
                    + " kept, so counts of removed ones are missing");
            }
            if (summary != null && summary.stores() != null) {
                book.restore(summary.stores());
                through = summary.throughSegment();
            }
        }
        scan.lastSegment = through;
        for (Map.Entry<Integer, Path> s : segments(dir).entrySet()) {
            scan.lastSegment = Math.max(scan.lastSegment, s.getKey());
            if (s.getKey() > through) {
                try (FileChannel ch = FileChannel.open(s.getValue(), StandardOpenOption.READ)) {
                    long end = lines(ch, s.getValue().getFileName().toString(), sink, scan);
                    if (end < ch.size()) {
                        scan.bad.add(new Bad(s.getValue().getFileName().toString(), end, ch.size() - end, new byte[0]));
                    }
                }
            }
        }
        if (current != null) {
            scan.currentGood = lines(current, FILE, sink, scan);
            scan.tornBytes = current.size() - scan.currentGood;
        }
        if (!scan.bad.isEmpty()) {
            List<String> where = scan.bad.stream().limit(5).map(b -> b.file() + " byte " + b.offset()).toList();
            scan.notices.add("skipped " + scan.bad.size() + " unreadable line(s) (" + String.join(", ", where)
                + (scan.bad.size() > 5 ? ", ..." : "") + "), copied to " + QUARANTINE + "; every line after them was"
                + " read");
        }
        return scan;
    }

    /** Feeds every readable line to {@code sink}; returns the offset just after the last newline. */
    private static long lines(FileChannel ch, String file, Consumer<LogEntry> sink, Scan scan) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        byte[] a = buf.array();
        ByteArrayOutputStream carry = new ByteArrayOutputStream();
        long carried = 0; // bytes of the current line before this chunk (may exceed what carry keeps)
        long pos = 0;
        long lineStart = 0;
        while (true) {
            buf.clear();
            int n = ch.read(buf, pos);
            if (n < 0) {
                break;
            }
            int from = 0;
            for (int i = 0; i < n; i++) {
                if (a[i] != '\n') {
                    continue;
                }
                if (carried == 0) {
                    line(file, lineStart, a, from, i - from, i - from, sink, scan);
                } else {
                    keep(carry, a, from, i - from);
                    byte[] l = carry.toByteArray();
                    line(file, lineStart, l, 0, l.length, carried + i - from, sink, scan);
                    carry.reset();
                    carried = 0;
                }
                from = i + 1;
                lineStart = pos + i + 1;
            }
            keep(carry, a, from, n - from);
            carried += n - from;
            pos += n;
        }
        return lineStart;
    }

    private static void keep(ByteArrayOutputStream carry, byte[] a, int from, int len) {
        carry.write(a, from, Math.max(0, Math.min(len, MAX_LINE - carry.size())));
    }

    private static void line(String file, long offset, byte[] a, int from, int len, long fullLength,
                             Consumer<LogEntry> sink, Scan scan) {
        if (len == 0 || blank(a, from, len)) {
            return;
        }
        LogEntry entry = fullLength == len ? parse(a, from, len) : null;
        if (entry != null) {
            sink.accept(entry);
            return;
        }
        // a fragment a failed write of an older notif left, with the next (acknowledged) entry glued to it
        for (int i = from + 1; i + ENTRY_START.length <= from + len && fullLength == len; i++) {
            if (startsWith(a, i, ENTRY_START)) {
                LogEntry glued = parse(a, i, from + len - i);
                if (glued != null) {
                    scan.bad.add(new Bad(file, offset, i - from, slice(a, from, i - from)));
                    sink.accept(glued);
                    return;
                }
            }
        }
        scan.bad.add(new Bad(file, offset, fullLength, slice(a, from, len)));
    }

    private static LogEntry parse(byte[] a, int from, int len) {
        try {
            LogEntry e = ENTRY.readValue(a, from, len);
            return e == null || e.store() == null || e.at() == null ? null : e;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static boolean blank(byte[] a, int from, int len) {
        for (int i = from; i < from + len; i++) {
            if (a[i] != ' ' && a[i] != '\t' && a[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] a, int at, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (a[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] slice(byte[] a, int from, int len) {
        byte[] b = new byte[len];
        System.arraycopy(a, from, b, 0, len);
        return b;
    }

    /** Appends unreadable lines not yet there to the quarantine file, each once: {file, offset, length, text}. */
    private static void quarantine(Path dir, List<Bad> bad) throws IOException {
        Path file = dir.resolve(QUARANTINE);
        Set<String> known = new HashSet<>();
        if (Files.exists(file)) {
            for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                JsonNode n = Json.parseOrNull(l);
                if (n != null) {
                    known.add(Json.text(n, "file") + "@" + n.path("offset").asLong());
                }
            }
        }
        StringBuilder out = new StringBuilder();
        for (Bad b : bad) {
            if (known.add(b.file() + "@" + b.offset())) {
                Map<String, Object> q = new TreeMap<>();
                q.put("file", b.file());
                q.put("offset", b.offset());
                q.put("length", b.length());
                q.put("quarantined_at", Instant.now().toString());
                q.put("text", new String(b.bytes(), StandardCharsets.UTF_8));
                out.append(Json.compact(q)).append('\n');
            }
        }
        if (out.length() == 0) {
            return;
        }
        try (FileChannel ch = DurableFiles.openPrivate(file)) {
            ByteBuffer buf = ByteBuffer.wrap(out.toString().getBytes(StandardCharsets.UTF_8));
            long at = ch.size();
            while (buf.hasRemaining()) {
                at += ch.write(buf, at);
            }
            ch.force(true);
        }
    }

    private static String segmentName(int n) {
        return String.format("events-%06d.jsonl", n);
    }

    /** The rotated segments in {@code dir} by number. */
    private static TreeMap<Integer, Path> segments(Path dir) {
        TreeMap<Integer, Path> found = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "events-*.jsonl")) {
            for (Path f : files) {
                Matcher m = SEGMENT.matcher(f.getFileName().toString());
                if (m.matches()) {
                    found.put(Integer.parseInt(m.group(1)), f);
                }
            }
        } catch (NoSuchFileException e) {
            return found;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return found;
    }
}
