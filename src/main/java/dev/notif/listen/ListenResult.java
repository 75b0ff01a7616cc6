package dev.notif.listen;

import dev.notif.output.Result;
import dev.notif.output.Text;
import java.time.Instant;
import java.util.Map;

/** What {@code notif listen} reports when it stops: where it listened, where the log is, and per-store status. */
public record ListenResult(boolean ok, String url, String dataDir, String log, Instant startedAt, Instant stoppedAt,
                           Map<String, StoreStatus> stores) implements Result {

    public static ListenResult of(Receiver r, String dataDir, Instant startedAt, Instant stoppedAt) {
        return new ListenResult(true, r.baseUrl(), dataDir, r.logPath().toString(), startedAt, stoppedAt, r.status());
    }

    @Override
    public void printText(Text out) {
        out.line(out.bold("notif listen stopped") + "  " + url + "  (log: " + log + ")");
        StatusTable.print(out, stores, stoppedAt);
    }
}
