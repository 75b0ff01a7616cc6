package dev.notif.listen;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.output.Result;
import dev.notif.output.Text;
import java.time.Instant;

/** {@code notif status}: last-received times, counts and the latest rejection per store, from one source. */
public record StatusResult(boolean ok, String source, Instant checkedAt, JsonNode stores) implements Result {

    @Override
    public void printText(Text out) {
        out.line(out.bold("Last received") + "  " + out.dim("from " + source + " at " + checkedAt));
        var parsed = StatusDocument.parseStores(stores);
        if (parsed.isEmpty()) {
            out.line("  no store has delivered anything yet");
            return;
        }
        StatusTable.print(out, parsed, checkedAt);
    }
}
