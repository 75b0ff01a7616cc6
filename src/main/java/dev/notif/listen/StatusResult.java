package dev.notif.listen;

import dev.notif.output.Result;
import dev.notif.output.Text;
import dev.notif.output.Times;
import java.time.Instant;
import java.util.Map;

/** {@code notif status}: last-received times, counts and the latest rejection per store, from one source. */
public record StatusResult(boolean ok, String source, Instant checkedAt, Map<String, StoreStatus> stores)
    implements Result {

    @Override
    public void printText(Text out) {
        out.line(out.bold("Last received") + "  " + out.dim("from " + source + " at " + Times.human(checkedAt)));
        if (stores.isEmpty()) {
            out.line("  no store has delivered anything yet");
            return;
        }
        StatusTable.print(out, stores, checkedAt);
    }
}
