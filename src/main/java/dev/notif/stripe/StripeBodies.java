package dev.notif.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.core.Json;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * A Stripe event in the bytes a receiver's re-serializer writes instead of Stripe's: what a receiver that verifies
 * {@code JSON.stringify(req.body)} or {@code json.dumps(request.json)} computes its HMAC over.
 */
final class StripeBodies {
    private StripeBodies() {
    }

    /** One line, no spaces: JSON.stringify, Ruby's to_json, PHP's json_encode, Jackson, Gson, Go for structs. */
    static byte[] compact(JsonNode event) {
        return Json.compact(event).getBytes(StandardCharsets.UTF_8);
    }

    /** One line, {@code ", "} and {@code ": "} between items, non-ASCII escaped: Python's json.dumps defaults. */
    static byte[] pythonDumps(JsonNode event) {
        StringBuilder out = new StringBuilder();
        python(event, out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void python(JsonNode n, StringBuilder out) {
        if (n.isObject()) {
            out.append('{');
            Iterator<Map.Entry<String, JsonNode>> fields = n.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                out.append(string(f.getKey())).append(": ");
                python(f.getValue(), out);
                if (fields.hasNext()) {
                    out.append(", ");
                }
            }
            out.append('}');
        } else if (n.isArray()) {
            out.append('[');
            for (int i = 0; i < n.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                python(n.get(i), out);
            }
            out.append(']');
        } else if (n.isTextual()) {
            out.append(string(n.asText()));
        } else {
            out.append(Json.compact(n));
        }
    }

    /** A JSON string as json.dumps writes it (ensure_ascii: every non-ASCII character as a {@code \\u} escape). */
    private static String string(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7f) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
