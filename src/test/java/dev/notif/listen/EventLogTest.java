package dev.notif.listen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.notif.core.DurableFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventLogTest {
    static final EventLog.Limits NO_ROTATION = new EventLog.Limits(Long.MAX_VALUE, 1);

    @TempDir
    Path dir;
    final List<String> notices = new ArrayList<>();

    EventLog open() throws IOException {
        return EventLog.open(dir, List.of("stripe"), NO_ROTATION, notices::add);
    }

    static LogEntry entry(String id) {
        return LogEntry.accepted("stripe", Instant.parse("2026-01-01T00:00:00Z"), "invoice.updated", id, null);
    }

    static String line(String id) {
        return "{\"store\":\"stripe\",\"at\":\"2026-01-01T00:00:00Z\",\"accepted\":true,\"error\":null,"
            + "\"type\":\"invoice.updated\",\"id\":\"" + id + "\",\"detail\":null}\n";
    }

    List<String> ids() throws IOException {
        return EventLog.entries(dir).stream().map(LogEntry::id).toList();
    }

    @Test
    void concurrent_appends_are_all_durable_and_replayed_in_full() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try (EventLog log = open()) {
            List<CompletableFuture<Void>> all = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                int n = i;
                all.add(CompletableFuture.supplyAsync(() -> log.append(entry("evt_" + n)), pool).thenCompose(f -> f));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            assertThat(log.status().get("stripe").accepted()).isEqualTo(500);
        } finally {
            pool.shutdownNow();
        }
        assertThat(ids()).hasSize(500).doesNotHaveDuplicates();
        try (EventLog again = open()) {
            assertThat(again.status().get("stripe").accepted()).isEqualTo(500);
        }
    }

    @Test
    void a_line_torn_by_a_crash_is_cut_off_said_and_appending_continues_after_the_last_good_line() throws Exception {
        try (EventLog log = open()) {
            log.append(entry("evt_1")).get(5, TimeUnit.SECONDS);
        }
        String torn = "{\"store\":\"stripe\",\"at\":\"2026-01-0";
        Files.writeString(dir.resolve(EventLog.FILE), torn, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        assertThat(EventLog.read(dir).notices()).singleElement().asString().contains("incomplete last line");
        try (EventLog log = open()) {
            assertThat(notices).singleElement().asString().contains("cut an incomplete last line").contains(torn.length() + " bytes");
            log.append(LogEntry.rejected("stripe", Instant.parse("2026-01-02T00:00:00Z"), "malformed", null, null))
                .get(5, TimeUnit.SECONDS);
        }
        assertThat(EventLog.entries(dir)).extracting(LogEntry::error).containsExactly(null, "malformed");
    }

    /** The full disk of the issue: a short write, a 503, space again, an acknowledged batch, a restart. */
    @Test
    void a_short_write_is_cut_back_before_the_answer_so_later_acknowledged_entries_survive_a_restart() throws Exception {
        FailingChannel.Control disk = new FailingChannel.Control();
        try (EventLog log = EventLog.open(dir, List.of("stripe"), NO_ROTATION, notices::add, disk::open)) {
            log.append(entry("evt_1")).get(5, TimeUnit.SECONDS);
            disk.spaceLeft = 40; // the next write stops part-way through its line
            CompletableFuture<Void> refused = log.append(entry("evt_2"));
            assertThatThrownBy(() -> refused.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasMessageContaining("No space left on device");
            // the answer (503) is given only after the fragment is gone
            assertThat(Files.readString(dir.resolve(EventLog.FILE))).isEqualTo(line("evt_1"));
            assertThat(notices).singleElement().asString().contains("cut the file back");
            disk.spaceLeft = Long.MAX_VALUE; // space again
            log.append(entry("evt_3")).get(5, TimeUnit.SECONDS);
            assertThat(log.status().get("stripe").accepted()).isEqualTo(2);
        }
        notices.clear();
        try (EventLog log = open()) {
            assertThat(log.status().get("stripe").accepted()).isEqualTo(2);
            assertThat(notices).isEmpty();
        }
        assertThat(ids()).containsExactly("evt_1", "evt_3");
        assertThat(EventLog.read(dir).stores().get("stripe").accepted()).isEqualTo(2);
    }

    @Test
    void a_failed_fsync_fails_its_batch_and_leaves_nothing_of_it() throws Exception {
        FailingChannel.Control disk = new FailingChannel.Control();
        try (EventLog log = EventLog.open(dir, List.of("stripe"), NO_ROTATION, notices::add, disk::open)) {
            log.append(entry("evt_1")).get(5, TimeUnit.SECONDS);
            disk.failForce = true;
            assertThatThrownBy(() -> log.append(entry("evt_2")).get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class);
            disk.failForce = false;
            log.append(entry("evt_3")).get(5, TimeUnit.SECONDS);
        }
        assertThat(ids()).containsExactly("evt_1", "evt_3");
    }

    /**
     * Batches are flushed concurrently but answered in the order they were written: a later batch whose flush returned
     * waits for an earlier one still flushing, and is refused with it when that flush fails (its own flush returning
     * cannot vouch for the bytes before it); nothing of either is left in the file.
     */
    @Test
    void a_later_flush_that_returned_waits_for_an_earlier_one_and_fails_with_it() throws Exception {
        FailingChannel.Control disk = new FailingChannel.Control();
        try (EventLog log = EventLog.open(dir, List.of("stripe"), NO_ROTATION, notices::add, disk::open)) {
            log.append(entry("evt_1")).get(5, TimeUnit.SECONDS);
            java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(1);
            disk.forcing = entered;
            CompletableFuture<Void> slow = log.append(entry("evt_2"));
            entered.await(); // evt_2's flush is held
            disk.forcing = null;
            disk.forced = new java.util.concurrent.CountDownLatch(1);
            CompletableFuture<Void> fast = log.append(entry("evt_3"));
            disk.forced.await(); // evt_3's flush returned
            assertThat(fast).as("answered before an earlier batch was durable").isNotDone();
            assertThat(log.status().get("stripe").accepted()).isEqualTo(1);
            disk.failForce = true;
            disk.release.countDown();
            assertThatThrownBy(() -> slow.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
            assertThatThrownBy(() -> fast.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
            disk.failForce = false;
            log.append(entry("evt_4")).get(5, TimeUnit.SECONDS);
            assertThat(log.status().get("stripe").accepted()).isEqualTo(2);
        }
        assertThat(ids()).containsExactly("evt_1", "evt_4");
        // the cut right after the failure fails too here (the disk fails every fsync); the next write cut it first
        assertThat(notices).singleElement().asString().contains("could not write 2 deliveries");
    }

    @Test
    void when_the_file_cannot_even_be_cut_back_every_batch_is_refused_until_it_can() throws Exception {
        FailingChannel.Control disk = new FailingChannel.Control();
        try (EventLog log = EventLog.open(dir, List.of("stripe"), NO_ROTATION, notices::add, disk::open)) {
            log.append(entry("evt_1")).get(5, TimeUnit.SECONDS);
            disk.spaceLeft = 10;
            disk.failTruncate = true;
            assertThatThrownBy(() -> log.append(entry("evt_2")).get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class);
            disk.spaceLeft = Long.MAX_VALUE;
            assertThatThrownBy(() -> log.append(entry("evt_3")).get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class);
            disk.failTruncate = false;
            log.append(entry("evt_4")).get(5, TimeUnit.SECONDS);
        }
        assertThat(ids()).containsExactly("evt_1", "evt_4");
        assertThat(notices.get(0)).contains("nor cut it back");
    }

    @Test
    void an_unreadable_line_in_the_middle_is_skipped_quarantined_once_and_reported_never_a_reason_to_drop_the_rest()
        throws Exception {
        Files.writeString(dir.resolve(EventLog.FILE), line("evt_1") + "garbage \u0000 not json\n" + line("evt_2")
            + "{\"store\":\"stripe\"}\n" + line("evt_3"));
        EventLog.Contents read = EventLog.read(dir);
        assertThat(read.stores().get("stripe").accepted()).isEqualTo(3);
        assertThat(read.notices()).singleElement().asString().contains("skipped 2 unreadable line(s)")
            .contains("events.jsonl byte " + line("evt_1").length());
        long size = Files.size(dir.resolve(EventLog.FILE));
        for (int run = 0; run < 2; run++) {
            notices.clear();
            try (EventLog log = open()) {
                assertThat(log.status().get("stripe").accepted()).isEqualTo(3);
                assertThat(notices).singleElement().asString().contains("skipped 2 unreadable line(s)");
            }
        }
        assertThat(Files.size(dir.resolve(EventLog.FILE))).isEqualTo(size); // nothing cut
        List<String> quarantined = Files.readAllLines(dir.resolve(EventLog.QUARANTINE));
        assertThat(quarantined).hasSize(2); // once each, over two starts
        assertThat(quarantined.get(0)).contains("garbage");
    }

    @Test
    void an_entry_glued_to_a_fragment_by_an_older_notif_is_recovered() throws Exception {
        String fragment = "{\"store\":\"stripe\",\"at\":\"2026-01-0";
        Files.writeString(dir.resolve(EventLog.FILE), line("evt_1") + fragment + line("evt_2") + line("evt_3"));
        try (EventLog log = open()) {
            assertThat(log.status().get("stripe").accepted()).isEqualTo(3);
        }
        assertThat(ids()).containsExactly("evt_1", "evt_2", "evt_3");
        assertThat(Files.readString(dir.resolve(EventLog.QUARANTINE))).contains("\"length\":" + fragment.length());
    }

    @Test
    void rotation_keeps_counts_reads_only_the_segments_after_the_summary_and_keeps_a_bounded_number()
        throws Exception {
        EventLog.Limits small = new EventLog.Limits(2_000, 3);
        try (EventLog log = EventLog.open(dir, List.of("stripe"), small, notices::add)) {
            for (int i = 0; i < 200; i++) {
                log.append(entry("evt_" + i)).get(5, TimeUnit.SECONDS);
            }
            assertThat(log.status().get("stripe").accepted()).isEqualTo(200);
        }
        List<Path> segments;
        try (Stream<Path> files = Files.list(dir)) {
            segments = files.filter(f -> f.getFileName().toString().matches("events-\\d+\\.jsonl")).sorted().toList();
        }
        assertThat(segments).hasSize(3);
        assertThat(Files.size(dir.resolve(EventLog.FILE))).isLessThan(2_000 + line("evt_0").length());
        assertThat(dir.resolve(EventLog.SUMMARY)).exists();
        // the segments the summary covers are not read again: damage in them goes unnoticed at start-up
        Files.writeString(segments.get(0), "garbage\n", StandardOpenOption.APPEND);
        try (EventLog log = EventLog.open(dir, List.of("stripe"), small, notices::add)) {
            assertThat(log.status().get("stripe").accepted()).isEqualTo(200);
            assertThat(log.status().get("stripe").lastId()).isEqualTo("evt_199");
        }
        assertThat(notices).isEmpty();
        assertThat(EventLog.read(dir).stores().get("stripe").accepted()).isEqualTo(200);
        assertThat(notices).isEmpty();
    }

    @Test
    void a_crash_between_the_rename_and_the_summary_is_read_in_full() throws Exception {
        // what a rotation interrupted after renaming events.jsonl leaves: a segment no summary covers, no events.jsonl
        Files.writeString(dir.resolve("events-000001.jsonl"), line("evt_1") + line("evt_2"));
        try (EventLog log = open()) {
            assertThat(log.status().get("stripe").accepted()).isEqualTo(2);
            log.append(entry("evt_3")).get(5, TimeUnit.SECONDS);
        }
        try (EventLog log = open()) {
            assertThat(log.status().get("stripe").accepted()).isEqualTo(3);
        }
    }

    @Test
    void status_is_rebuilt_from_the_log() throws Exception {
        try (EventLog log = open()) {
            log.append(LogEntry.accepted("stripe", Instant.parse("2026-01-01T00:00:00Z"), "invoice.updated", "evt_1", null)).get();
            log.append(LogEntry.accepted("stripe", Instant.parse("2026-01-03T00:00:00Z"), "charge.refunded", "evt_2", null)).get();
            log.append(LogEntry.rejected("stripe", Instant.parse("2026-01-02T00:00:00Z"), "signature_mismatch", null, null)).get();
        }
        try (EventLog log = EventLog.open(dir, List.of("stripe", "apple"), NO_ROTATION, notices::add)) {
            StoreStatus s = log.status().get("stripe");
            assertThat(s.accepted()).isEqualTo(2);
            assertThat(s.rejected()).isEqualTo(1);
            assertThat(s.lastReceivedAt()).isEqualTo(Instant.parse("2026-01-03T00:00:00Z"));
            assertThat(s.lastType()).isEqualTo("charge.refunded");
            assertThat(s.lastRejection().error()).isEqualTo("signature_mismatch");
            assertThat(log.status().get("apple").lastReceivedAt()).isNull();
        }
    }

    @Test
    void the_log_and_its_directory_are_the_owners_only() throws Exception {
        Path data = dir.resolve("new/receiver");
        try (EventLog log = EventLog.open(data, List.of("stripe"), NO_ROTATION, notices::add)) {
            log.append(entry("evt_1")).get();
        }
        assertThat(Files.getPosixFilePermissions(data)).isEqualTo(java.nio.file.attribute.PosixFilePermissions
            .fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(data.resolve(EventLog.FILE)))
            .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    }

    /** A file channel that runs out of space, fails fsync or truncate on demand (the rest goes to a real file). */
    static final class FailingChannel extends FileChannel {
        static final class Control {
            volatile long spaceLeft = Long.MAX_VALUE;
            volatile boolean failForce;
            volatile boolean failTruncate;
            /** When set, each fsync counts it down on entry and waits for {@link #release} (a disk slow to confirm). */
            volatile java.util.concurrent.CountDownLatch forcing;
            final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            /** When set, counted down by each fsync that returns without failing. */
            volatile java.util.concurrent.CountDownLatch forced;

            FileChannel open(Path file) throws IOException {
                return new FailingChannel(DurableFiles.openPrivate(file), this);
            }
        }

        private final FileChannel real;
        private final Control control;

        FailingChannel(FileChannel real, Control control) {
            this.real = real;
            this.control = control;
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            long left = control.spaceLeft;
            if (left <= 0) {
                throw new IOException("No space left on device");
            }
            if (src.remaining() > left) { // a short write, as the kernel makes on a nearly full disk
                ByteBuffer part = src.slice().limit((int) left);
                int n = real.write(part, position);
                src.position(src.position() + n);
                control.spaceLeft = 0;
                return n;
            }
            return real.write(src, position);
        }

        @Override
        public void force(boolean metaData) throws IOException {
            java.util.concurrent.CountDownLatch entered = control.forcing;
            if (entered != null) {
                entered.countDown();
                try {
                    control.release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted");
                }
            }
            if (control.failForce) {
                throw new IOException("Input/output error");
            }
            real.force(metaData);
            java.util.concurrent.CountDownLatch done = control.forced;
            if (done != null) {
                done.countDown();
            }
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            if (control.failTruncate) {
                throw new IOException("Input/output error");
            }
            real.truncate(size);
            return this;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return real.read(dst);
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            return real.read(dsts, offset, length);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            return write(src, real.position());
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long position() throws IOException {
            return real.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            real.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return real.size();
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
            return real.transferTo(position, count, target);
        }

        @Override
        public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
            return real.transferFrom(src, position, count);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return real.read(dst, position);
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
            return real.map(mode, position, size);
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) throws IOException {
            return real.lock(position, size, shared);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return real.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            real.close();
        }
    }
}
