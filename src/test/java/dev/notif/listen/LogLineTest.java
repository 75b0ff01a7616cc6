package dev.notif.listen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notif.core.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogLineTest {
    static String mapped(LogEntry e) {
        return Json.compact(e) + "\n";
    }

    @Test
    void writes_the_bytes_the_mapper_writes() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode detail = f.objectNode().put("livemode", false).put("object", "invoice").put("object_id", "in_1")
            .put("n", 42).put("big", 1234567890123L).put("d", 1.5).put("fl", 2.25f).put("dec", new BigDecimal("1.10"))
            .put("bi", new BigInteger("123456789012345678901234567890")).putNull("none");
        detail.set("nested", f.objectNode().set("list", f.arrayNode().add(1).add("two").add(f.nullNode())
            .add(f.objectNode()).add(f.arrayNode()).add(true)));
        detail.put("weird", "quote \" backslash \\ slash / tab \t nl \n cr \r bs \b ff \f nul \u0000 us \u001f del \u007f"
            + " caf\u00e9 \u4e2d \ud83d\ude00 \u2028");
        detail.put("lone", "\ud800 alone");
        Instant at = Instant.parse("2026-11-22T10:00:00.123456789Z");
        List<LogEntry> entries = List.of(
            LogEntry.accepted("stripe", at, "invoice.updated", "evt_1", detail),
            LogEntry.accepted("stripe", Instant.parse("2026-11-22T10:00:00Z"), null, null, null),
            LogEntry.rejected("apple", Instant.parse("2026-11-22T10:00:00.100Z"), "signature_mismatch", "t\"y", "i\\d"),
            LogEntry.accepted("google", at, "SUBSCRIPTION_RENEWED", "m", f.objectNode()),
            new LogEntry("amazon", null, false, null, null, null, f.textNode("text detail")));
        for (LogEntry e : entries) {
            // bytes, not text: a lone surrogate is written as '?' by both (the line is UTF-8)
            assertThat(LogLine.of(e)).isEqualTo(mapped(e).getBytes(StandardCharsets.UTF_8));
        }
    }
}
