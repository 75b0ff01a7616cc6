package dev.notif.listen;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.core.Json;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * A log entry as its line of {@code events.jsonl}: the bytes {@code Json.compact(entry) + "\n"} would give
 * (LogLineTest holds it), written directly: the receiver writes one per delivery, and the object mapper's way
 * through a record costs more than the rest of the entry's handling.
 */
final class LogLine {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private LogLine() {
    }

    static byte[] of(LogEntry e) {
        StringBuilder b = new StringBuilder(160);
        b.append("{\"store\":");
        string(b, e.store());
        b.append(",\"at\":");
        string(b, e.at() == null ? null : e.at().toString());
        b.append(",\"accepted\":").append(e.accepted());
        b.append(",\"error\":");
        string(b, e.error());
        b.append(",\"type\":");
        string(b, e.type());
        b.append(",\"id\":");
        string(b, e.id());
        b.append(",\"detail\":");
        tree(b, e.detail());
        b.append("}\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Objects, arrays, text, integral numbers, booleans and nulls directly; any other node as the mapper writes it. */
    private static void tree(StringBuilder b, JsonNode n) {
        if (n == null || n.isNull()) {
            b.append("null");
        } else if (n.isObject()) {
            b.append('{');
            boolean first = true;
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (!first) {
                    b.append(',');
                }
                first = false;
                string(b, f.getKey());
                b.append(':');
                tree(b, f.getValue());
            }
            b.append('}');
        } else if (n.isArray()) {
            b.append('[');
            for (int i = 0; i < n.size(); i++) {
                if (i > 0) {
                    b.append(',');
                }
                tree(b, n.get(i));
            }
            b.append(']');
        } else if (n.isTextual()) {
            string(b, n.textValue());
        } else if (n.isBoolean()) {
            b.append(n.booleanValue());
        } else if (n.isIntegralNumber()) {
            b.append(n.numberValue());
        } else {
            b.append(Json.compact(n));
        }
    }

    /** A JSON string as Jackson writes it: {@code "} and {@code \} escaped, control characters as short or u00XX escapes. */
    private static void string(StringBuilder b, String s) {
        if (s == null) {
            b.append("null");
            return;
        }
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                b.append(c);
                continue;
            }
            b.append('\\');
            switch (c) {
                case '"' -> b.append('"');
                case '\\' -> b.append('\\');
                case '\b' -> b.append('b');
                case '\t' -> b.append('t');
                case '\f' -> b.append('f');
                case '\n' -> b.append('n');
                case '\r' -> b.append('r');
                default -> b.append("u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        b.append('"');
    }
}
