package dev.notif.stripe;

import com.stripe.model.WebhookEndpoint;
import java.util.List;

/**
 * A webhook endpoint of the account, as the API lists it (its secret is never listed). {@code apiVersion} is the
 * version its events are rendered in when it was pinned at creation; null means the account's default version.
 */
public record StripeEndpoint(String id, String url, String status, List<String> enabledEvents, String description,
                             Long created, String apiVersion) {
    public static final String ENABLED = "enabled";

    public StripeEndpoint {
        enabledEvents = enabledEvents == null ? List.of() : List.copyOf(enabledEvents);
    }

    public StripeEndpoint(String id, String url, String status, List<String> enabledEvents, String description,
                          Long created) {
        this(id, url, status, enabledEvents, description, created, null);
    }

    static StripeEndpoint of(WebhookEndpoint e) {
        return new StripeEndpoint(e.getId(), e.getUrl(), e.getStatus(), e.getEnabledEvents(), e.getDescription(),
            e.getCreated(), e.getApiVersion());
    }

    public boolean enabled() {
        return ENABLED.equals(status);
    }

    /** {@code ["*"]}: every event type, which the ingestion service refuses. */
    public boolean wildcard() {
        return enabledEvents.contains("*");
    }
}
