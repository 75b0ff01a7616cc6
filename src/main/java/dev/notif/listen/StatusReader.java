package dev.notif.listen;

import dev.notif.core.ExitCode;
import dev.notif.core.Json;
import dev.notif.core.NotifException;
import dev.notif.probe.HttpProbe;
import dev.notif.probe.NetworkVerdicts;
import dev.notif.probe.Outcome;
import dev.notif.probe.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import okhttp3.HttpUrl;

/** Where {@code notif status} reads from: a running receiver's {@code /status}, or a receiver's data directory. */
public final class StatusReader {
    /**
     * The stores a receiver has a route for: its {@code /status} lists each of them, delivered or not, and so does a
     * data directory read from disk, so that both sources show the same rows.
     */
    public static final List<String> RECEIVER_STORES = List.of("amazon", "apple", "google", "stripe");

    private StatusReader() {
    }

    public static StatusResult fromReceiver(HttpProbe probe, HttpUrl base, Instant now) {
        HttpUrl url = base.encodedPath().endsWith("/status") ? base : base.newBuilder().encodedPath(
            base.encodedPath().replaceAll("/+$", "") + "/status").build();
        Outcome o = probe.get(url.toString(), Map.of("Accept", "application/json"));
        if (!o.answered()) {
            Verdict v = NetworkVerdicts.of(o.failure(), "notif");
            throw new NotifException(ExitCode.FINDINGS, "cannot reach the receiver at " + url + ": " + o.failure().detail(),
                o.failure().kind() == Outcome.FailureKind.REFUSED ? "start one with: notif listen (or pass --url of a running receiver)"
                    : v.fix());
        }
        if (o.status() != 200) {
            throw new NotifException(ExitCode.FINDINGS, url + " answered " + o.status() + ", not a status document",
                "pass --url of a notif receiver (notif listen), e.g. http://127.0.0.1:8085");
        }
        try {
            return new StatusResult(true, url.toString(), now, StatusDocument.parse(Json.parseOrNull(o.body())));
        } catch (RuntimeException e) {
            throw new NotifException(ExitCode.FINDINGS, url + " did not answer with a notif status document",
                "pass --url of a notif receiver (notif listen), e.g. http://127.0.0.1:8085");
        }
    }

    /** Reads the event log of a receiver's data directory (the receiver need not run). */
    public static StatusResult fromDataDir(Path dir, Instant now, Consumer<String> notice) {
        if (!Files.isDirectory(dir)) {
            throw NotifException.usage("--data-dir " + dir + " is not a directory", "pass the receiver's --data-dir");
        }
        EventLog.Contents contents;
        try {
            contents = EventLog.read(dir, RECEIVER_STORES);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw NotifException.usage("cannot read the event log in " + dir + ": " + e.getMessage(),
                "check the directory's permissions");
        }
        contents.notices().forEach(notice);
        return new StatusResult(true, dir.resolve(EventLog.FILE).toString(), now, contents.stores());
    }
}
