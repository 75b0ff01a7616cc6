package dev.notif.stripe;

import dev.notif.output.Check;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code stripe.event_destinations}: the v2 event destinations (Workbench makes these) that concern the ingestion
 * URL. A subscription backend ingests snapshot events (v1 events carrying the object); a destination sending
 * {@code thin} events to the URL gives it only references, which it refuses; one that takes the subscription events
 * elsewhere (Amazon EventBridge, ...) while no webhook endpoint delivers to the URL means the backend hears nothing.
 * A pure judgement of the destinations the API listed.
 */
public final class StripeDestinations {
    public static final String ID = "stripe.event_destinations";
    static final String WORKBENCH = "Stripe Dashboard > Workbench > Webhooks";

    private StripeDestinations() {
    }

    /** One destination as the details list it. */
    record Listed(String id, String name, String type, String eventPayload, String status, String url,
                  String snapshotApiVersion) {
        static Listed of(StripeDestination d) {
            return new Listed(d.id(), d.name(), d.type(), d.eventPayload(), d.status(), d.url(), d.snapshotApiVersion());
        }
    }

    /**
     * @param all every destination of the account
     * @param forUrl the webhook destinations of {@code all} that deliver to the URL (compared normalised), in order
     * @param endpointsForUrl how many v1 webhook endpoints deliver to the URL
     */
    public static Check judge(List<StripeDestination> all, List<StripeDestination> forUrl, List<String> allowed,
                              int endpointsForUrl, String setup) {
        List<StripeDestination> unknownUrl = new ArrayList<>();
        List<StripeDestination> elsewhere = new ArrayList<>();
        for (StripeDestination d : all) {
            if (d.webhook()) {
                if (d.url() == null) {
                    unknownUrl.add(d);
                }
            } else if (d.enabled() && (d.enabledEvents().contains("*")
                || d.enabledEvents().stream().anyMatch(allowed::contains))) {
                elsewhere.add(d);
            }
        }
        List<StripeDestination> thin = forUrl.stream().filter(StripeDestination::thin).toList();
        Check check;
        if (!thin.isEmpty()) {
            List<String> ids = thin.stream().map(StripeDestination::id).toList();
            check = Check.fail(ID, String.join(", ", ids) + (ids.size() == 1 ? " sends" : " send") + " thin events"
                    + " to this URL: a thin event carries only the id of what changed, and the backend ingests snapshot"
                    + " events (the subscription, invoice or charge inside the event), so it refuses them and Stripe"
                    + " ends up disabling the destination",
                "delete " + String.join(", ", ids) + " in " + WORKBENCH + " (a thin destination cannot be switched to"
                    + " snapshot) and keep one webhook endpoint with snapshot events: " + setup);
        } else if (endpointsForUrl == 0 && !elsewhere.isEmpty()) {
            List<String> ids = elsewhere.stream().map(d -> d.id() + " (" + d.type() + ")").toList();
            check = Check.fail(ID, "the subscription events go to " + String.join(", ", ids) + ", not to this URL,"
                    + " and no webhook endpoint delivers to it: the backend ingests webhooks only",
                "add a webhook endpoint for the URL (setup never creates an event destination): " + setup);
        } else if (!unknownUrl.isEmpty()) {
            check = Check.warn(ID, unknownUrl.size() + " webhook destination" + (unknownUrl.size() == 1 ? "" : "s")
                    + " listed without a URL (the API did not include webhook_endpoint.url): notif cannot tell whether"
                    + " they deliver to this URL",
                "look at their URLs and payload style in " + WORKBENCH);
        } else if (forUrl.isEmpty()) {
            check = Check.pass(ID, all.isEmpty() ? "the account has no v2 event destination"
                : "none of the account's " + all.size() + " v2 event destinations delivers to this URL");
        } else {
            check = Check.pass(ID, forUrl.size() + " event destination" + (forUrl.size() == 1 ? "" : "s")
                + " deliver" + (forUrl.size() == 1 ? "s" : "") + " snapshot events to this URL: "
                + String.join(", ", forUrl.stream().map(d -> d.id() + (d.snapshotApiVersion() == null ? ""
                    : " (API version " + d.snapshotApiVersion() + ")")).toList()));
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("destinations_in_account", all.size());
        d.put("for_url", forUrl.stream().map(Listed::of).toList());
        d.put("thin", thin.stream().map(StripeDestination::id).toList());
        d.put("elsewhere", elsewhere.stream().map(Listed::of).toList());
        d.put("url_unknown", unknownUrl.stream().map(StripeDestination::id).toList());
        return check.details(d);
    }
}
