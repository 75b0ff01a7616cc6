package dev.notif.listen;

import dev.notif.output.Text;
import dev.notif.output.Times;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The last-received table: one row per store, then each store's extra fields. */
public final class StatusTable {
    private StatusTable() {
    }

    public static void print(Text out, Map<String, StoreStatus> stores, Instant now) {
        List<List<String>> rows = new ArrayList<>();
        stores.forEach((name, s) -> rows.add(List.of(
            name,
            s.lastReceivedAt() == null ? out.yellow("never") : Times.when(s.lastReceivedAt(), now),
            Long.toString(s.accepted()),
            s.rejected() == 0 ? "0" : out.red(Long.toString(s.rejected())),
            s.lastRejection() == null ? "-"
                : ErrorCodes.shown(s.lastRejection().error()) + " (" + Times.ago(s.lastRejection().at(), now) + ")")));
        out.table(List.of("STORE", "LAST RECEIVED", "ACCEPTED", "REJECTED", "LAST REJECTION"), rows);
        stores.forEach((name, s) -> {
            Forwarding f = s.forwarding();
            if (f != null) {
                out.line("  " + name + " forwarding to " + f.to() + ": " + f.delivered() + " delivered, " + f.pending()
                    + " pending, " + f.failed() + " failed" + (f.lastFailure() == null ? ""
                    : "; last failure " + f.lastFailure().error() + " (" + Times.ago(f.lastFailure().at(), now) + ")"));
            }
        });
    }
}
