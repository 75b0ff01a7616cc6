package dev.notif.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.core.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * A v2 event destination ({@code v2.core.event_destination}) as {@code GET /v2/core/event_destinations} lists it:
 * {@code type} is {@code webhook_endpoint}, {@code amazon_eventbridge} (or a newer kind, kept as Stripe names it);
 * {@code eventPayload} is {@code snapshot} (v1 events with the object, what a subscription backend ingests) or
 * {@code thin} (a reference the receiver must fetch). {@code url} is set for webhook destinations when the list
 * included {@code webhook_endpoint.url}.
 */
public record StripeDestination(String id, String name, String type, String eventPayload, String status, String url,
                                List<String> enabledEvents, String snapshotApiVersion) {
    public static final String WEBHOOK = "webhook_endpoint";
    public static final String SNAPSHOT = "snapshot";
    public static final String THIN = "thin";

    public StripeDestination {
        enabledEvents = enabledEvents == null ? List.of() : List.copyOf(enabledEvents);
    }

    static StripeDestination of(JsonNode d) {
        List<String> events = new ArrayList<>();
        d.path("enabled_events").forEach(e -> events.add(e.asText()));
        return new StripeDestination(Json.text(d, "id"), Json.text(d, "name"), Json.text(d, "type"),
            Json.text(d, "event_payload"), Json.text(d, "status"), Json.text(d.path("webhook_endpoint"), "url"), events,
            Json.text(d, "snapshot_api_version"));
    }

    public boolean webhook() {
        return WEBHOOK.equals(type);
    }

    public boolean thin() {
        return THIN.equals(eventPayload);
    }

    public boolean enabled() {
        return StripeEndpoint.ENABLED.equals(status);
    }
}
