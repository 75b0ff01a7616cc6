package dev.notif.listen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventLogTest {
    @TempDir
    Path dir;

    @Test
    void concurrent_appends_are_all_durable_and_replayed_in_full() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try (EventLog log = EventLog.open(dir, e -> { })) {
            List<CompletableFuture<Void>> all = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                int n = i;
                all.add(CompletableFuture.supplyAsync(() -> log.append(LogEntry.accepted("stripe", Instant.now(),
                    "invoice.updated", "evt_" + n, null)), pool).thenCompose(f -> f));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        List<LogEntry> replayed = EventLog.read(dir);
        assertThat(replayed).hasSize(500);
        assertThat(replayed.stream().map(LogEntry::id).distinct()).hasSize(500);
    }

    @Test
    void a_line_torn_by_a_crash_is_cut_off_and_appending_continues_after_the_last_good_line() throws Exception {
        try (EventLog log = EventLog.open(dir, e -> { })) {
            log.append(LogEntry.accepted("stripe", Instant.parse("2026-01-01T00:00:00Z"), "invoice.updated", "evt_1", null))
                .get(5, TimeUnit.SECONDS);
        }
        Files.writeString(dir.resolve(EventLog.FILE), "{\"store\":\"stripe\",\"at\":\"2026-01-0", StandardCharsets.UTF_8,
            StandardOpenOption.APPEND);
        List<LogEntry> replayed = new ArrayList<>();
        try (EventLog log = EventLog.open(dir, replayed::add)) {
            log.append(LogEntry.rejected("stripe", Instant.parse("2026-01-02T00:00:00Z"), "malformed", null, null))
                .get(5, TimeUnit.SECONDS);
        }
        assertThat(replayed).extracting(LogEntry::id).containsExactly("evt_1");
        assertThat(EventLog.read(dir)).extracting(LogEntry::error).containsExactly(null, "malformed");
    }

    @Test
    void status_is_rebuilt_from_the_log() throws Exception {
        try (EventLog log = EventLog.open(dir, e -> { })) {
            log.append(LogEntry.accepted("stripe", Instant.parse("2026-01-01T00:00:00Z"), "invoice.updated", "evt_1", null)).get();
            log.append(LogEntry.accepted("stripe", Instant.parse("2026-01-03T00:00:00Z"), "charge.refunded", "evt_2", null)).get();
            log.append(LogEntry.rejected("stripe", Instant.parse("2026-01-02T00:00:00Z"), "signature_mismatch", null, null)).get();
        }
        StatusBook book = new StatusBook(List.of("stripe", "apple"));
        EventLog.open(dir, book::apply).close();
        StoreStatus s = book.snapshot().get("stripe");
        assertThat(s.accepted()).isEqualTo(2);
        assertThat(s.rejected()).isEqualTo(1);
        assertThat(s.lastReceivedAt()).isEqualTo(Instant.parse("2026-01-03T00:00:00Z"));
        assertThat(s.lastType()).isEqualTo("charge.refunded");
        assertThat(s.lastRejection().error()).isEqualTo("signature_mismatch");
        assertThat(book.snapshot().get("apple").lastReceivedAt()).isNull();
    }
}
