package dev.notif.listen;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.core.Json;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON of {@code GET /status}: {@code {"stores": {"<store>": StoreStatus}}} ({@code last_received_at},
 * {@code accepted}, {@code rejected}, {@code last_rejection: {at, error}}, {@code last_type}, {@code last_id}, and
 * {@code forwarding} for a relaying store). Fields a newer receiver adds are ignored when read.
 */
public record StatusDocument(Map<String, StoreStatus> stores) {
    private static final TypeReference<TreeMap<String, StoreStatus>> STORES = new TypeReference<>() {
    };

    /** Reads a receiver's {@code /status} document; throws IllegalArgumentException when it is not one. */
    public static Map<String, StoreStatus> parse(JsonNode root) {
        JsonNode all = root == null ? null : root.get("stores");
        if (all == null || !all.isObject()) {
            throw new IllegalArgumentException("no \"stores\" object");
        }
        return Json.mapper().convertValue(all, STORES);
    }
}
