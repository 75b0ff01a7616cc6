package dev.notif.stripe;

import dev.notif.output.Check;
import dev.notif.output.Times;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code stripe.deliveries}: what Stripe's Events API says about recent deliveries of the allowed event types. An
 * event listed with {@code delivery_success=false} has not been acknowledged by every endpoint of the account: still
 * being retried ({@code pending_webhooks > 0} within Stripe's retry window), or given up on. A pure judgement of the
 * events the API returned.
 */
public final class StripeDeliveries {
    public static final String ID = "stripe.deliveries";
    /** Stripe retries a failed delivery for up to three days in live mode (a few hours in test mode). */
    static final Duration RETRY_WINDOW_LIVE = Duration.ofDays(3);
    static final Duration RETRY_WINDOW_TEST = Duration.ofHours(12);
    /** Younger than this, an unacknowledged event may simply be on its way. */
    static final Duration IN_FLIGHT = Duration.ofMinutes(10);
    /**
     * Younger than this, the Events API may not show an event's deliveries yet (its pending_webhooks and
     * delivery_success lag behind by about a minute): such an event is not judged at all.
     */
    static final Duration CONSISTENCY_LAG = Duration.ofSeconds(60);
    static final int LISTED = 10;
    static final String EVIDENCE = "Stripe's Events API tells, for each event, whether every webhook endpoint of the"
        + " account has acknowledged it (pending_webhooks, delivery_success). It cannot tell which endpoint failed, with"
        + " which HTTP status or after how many attempts (the Dashboard's event deliveries of the endpoint show that),"
        + " and it keeps 30 days of events. last_delivered_at is the creation time of the newest allowed-type event that"
        + " every endpoint acknowledged, which is shortly before its delivery.";

    /** An undelivered event as the details list it. */
    record Listed(String id, String type, String createdAt, long pendingWebhooks) {
    }

    private StripeDeliveries() {
    }

    /**
     * @param undelivered events of the allowed types listed with delivery_success=false, newest first
     * @param lastDelivered the newest allowed-type event every endpoint acknowledged, or null
     * @param sharedWith other endpoints of the account that receive some of the same event types
     */
    public static Check judge(List<StripeAccount.EventSummary> undelivered, StripeAccount.EventSummary lastDelivered,
                              List<String> sharedWith, boolean live, int days, Instant now) {
        Duration window = live ? RETRY_WINDOW_LIVE : RETRY_WINDOW_TEST;
        int tooRecent = 0;
        int inFlight = 0;
        int retrying = 0;
        int failed = 0;
        for (StripeAccount.EventSummary e : undelivered) {
            Duration age = Duration.between(Instant.ofEpochSecond(e.created()), now);
            if (age.compareTo(CONSISTENCY_LAG) < 0) {
                tooRecent++;
            } else if (e.pendingWebhooks() > 0 && age.compareTo(IN_FLIGHT) < 0) {
                inFlight++;
            } else if (e.pendingWebhooks() > 0 && age.compareTo(window) < 0) {
                retrying++;
            } else {
                failed++;
            }
        }
        String last = lastDelivered == null ? null : Instant.ofEpochSecond(lastDelivered.created()).toString();
        String since = "in the last " + days + " days";
        String lastWords = last == null ? "no allowed-type event was delivered " + since
            : "the newest delivered one was created " + Times.when(Instant.ofEpochSecond(lastDelivered.created()), now);
        String shared = sharedWith.isEmpty() ? "" : " (" + String.join(", ", sharedWith) + " also receive"
            + (sharedWith.size() == 1 ? "s" : "") + " these event types, so some of these may be theirs)";
        Check check;
        if (failed + retrying > 0) {
            List<String> how = new ArrayList<>();
            if (failed > 0) {
                how.add(failed + " given up by Stripe");
            }
            if (retrying > 0) {
                how.add(retrying + " still being retried");
            }
            String summary = (failed + retrying) + " allowed-type event" + (failed + retrying == 1 ? " was" : "s were")
                + " not delivered " + since + " (" + String.join(", ", how) + ")" + shared + "; " + lastWords;
            String fix = "open Stripe Dashboard > Developers > Webhooks > the endpoint > Event deliveries to see the"
                + " HTTP answers; fix the cause (run notif check stripe --url URL --secret whsec_... and notif send"
                + " stripe), then have Stripe deliver them again (it does not resend given-up events by itself): notif"
                + " resend stripe --url URL --since " + days + "d";
            check = sharedWith.isEmpty() ? Check.fail(ID, summary, fix) : Check.warn(ID, summary, fix);
        } else if (inFlight > 0) {
            check = Check.warn(ID, inFlight + " allowed-type event" + (inFlight == 1 ? " is" : "s are")
                + " on the way (created less than " + IN_FLIGHT.toMinutes() + " minutes ago); " + lastWords,
                "rerun in a few minutes; if they are still pending, Stripe's deliveries are failing");
        } else if (last == null) {
            check = Check.skip(ID, tooRecent > 0 ? "nothing to judge yet: the only allowed-type event"
                + (tooRecent == 1 ? " " + since + " is" : "s " + since + " are") + " younger than the Events API's"
                + " consistency lag (about a minute), so " + (tooRecent == 1 ? "its" : "their") + " deliveries may not show"
                + " yet; rerun in a minute" : "nothing to judge: no event of the allowed types " + since
                + " (Stripe keeps 30 days of events); a delivery sent now (notif send stripe, or an event in the"
                + " Dashboard) gives this check something to look at");
        } else {
            check = Check.pass(ID, "every allowed-type event " + since + " was delivered; " + lastWords);
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("window_days", days);
        d.put("last_delivered_at", last);
        d.put("last_delivered_event", lastDelivered == null ? null : lastDelivered.id() + " " + lastDelivered.type());
        d.put("undelivered", undelivered.size());
        d.put("failed", failed);
        d.put("retrying", retrying);
        d.put("in_flight", inFlight);
        d.put("too_recent", tooRecent);
        d.put("undelivered_events", undelivered.stream().limit(LISTED).map(e -> new Listed(e.id(), e.type(),
            Instant.ofEpochSecond(e.created()).toString(), e.pendingWebhooks())).toList());
        d.put("shared_with", sharedWith);
        d.put("evidence", EVIDENCE);
        return check.details(d);
    }
}
