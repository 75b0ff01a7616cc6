package dev.notif.stripe;

import com.stripe.model.WebhookEndpoint;
import java.util.List;

/** A webhook endpoint of the account, as the API lists it (its secret is never listed). */
public record StripeEndpoint(String id, String url, String status, List<String> enabledEvents, String description,
                             Long created) {
    public static final String ENABLED = "enabled";

    public StripeEndpoint {
        enabledEvents = enabledEvents == null ? List.of() : List.copyOf(enabledEvents);
    }

    static StripeEndpoint of(WebhookEndpoint e) {
        return new StripeEndpoint(e.getId(), e.getUrl(), e.getStatus(), e.getEnabledEvents(), e.getDescription(),
            e.getCreated());
    }

    public boolean enabled() {
        return ENABLED.equals(status);
    }

    /** {@code ["*"]}: every event type, which the ingestion service refuses. */
    public boolean wildcard() {
        return enabledEvents.contains("*");
    }
}
