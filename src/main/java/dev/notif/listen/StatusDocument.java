package dev.notif.listen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notif.core.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The JSON of {@code GET /status} both ways: {@code {"stores": {"<store>": {"last_received_at", "accepted",
 * "rejected", "last_rejection": {"at", "error"}, "last_type", "last_id", ...extra}}}}.
 */
public final class StatusDocument {
    private static final Set<String> KNOWN = Set.of("last_received_at", "accepted", "rejected", "last_rejection",
        "last_type", "last_id");

    private StatusDocument() {
    }

    /** {@code {"stores": {...}}}. */
    public static ObjectNode document(Map<String, StoreStatus> stores) {
        ObjectNode root = Json.object();
        root.set("stores", stores(stores));
        return root;
    }

    /** The object under {@code stores}. */
    public static ObjectNode stores(Map<String, StoreStatus> stores) {
        ObjectNode all = Json.object();
        stores.forEach((name, s) -> {
            ObjectNode node = all.putObject(name);
            node.put("last_received_at", s.lastReceivedAt() == null ? null : s.lastReceivedAt().toString());
            node.put("accepted", s.accepted());
            node.put("rejected", s.rejected());
            if (s.lastRejection() == null) {
                node.putNull("last_rejection");
            } else {
                ObjectNode r = node.putObject("last_rejection");
                r.put("at", s.lastRejection().at().toString());
                r.put("error", s.lastRejection().error());
            }
            node.put("last_type", s.lastType());
            node.put("last_id", s.lastId());
            s.extra().forEach((k, v) -> node.set(k, Json.mapper().valueToTree(v)));
        });
        return all;
    }

    /** Reads a receiver's {@code /status} document. */
    public static Map<String, StoreStatus> parseDocument(JsonNode root) {
        return parseStores(root == null ? null : root.get("stores"));
    }

    /** Reads the object under {@code stores}; unknown per-store fields land in {@code extra}. */
    public static Map<String, StoreStatus> parseStores(JsonNode all) {
        Map<String, StoreStatus> stores = new TreeMap<>();
        if (all == null || !all.isObject()) {
            throw new IllegalArgumentException("no \"stores\" object");
        }
        all.fields().forEachRemaining(e -> {
            JsonNode n = e.getValue();
            JsonNode r = n.get("last_rejection");
            StoreStatus.Rejection rejection = r == null || r.isNull() ? null
                : new StoreStatus.Rejection(instant(Json.text(r, "at")), Json.text(r, "error"));
            Map<String, Object> extra = new LinkedHashMap<>();
            n.fields().forEachRemaining(f -> {
                if (!KNOWN.contains(f.getKey())) {
                    extra.put(f.getKey(), f.getValue());
                }
            });
            stores.put(e.getKey(), new StoreStatus(instant(Json.text(n, "last_received_at")), n.path("accepted").asLong(),
                n.path("rejected").asLong(), rejection, Json.text(n, "last_type"), Json.text(n, "last_id"), extra));
        });
        return stores;
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
