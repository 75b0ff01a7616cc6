package dev.notif.fleet;

import dev.notif.config.Durations;
import dev.notif.output.Check;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Findings about the moment a store stops trying, from the details of its own checks (a pure judgement):
 * <ul>
 * <li>{@code stripe.endpoint.disabling}: Stripe retries an undelivered event for up to three days in live mode
 * (three times over a few hours in test mode), then gives it up; an endpoint that keeps failing for several days in a
 * row is emailed about and then disabled (Stripe documents no exact count of days).</li>
 * <li>{@code google.backlog.retention}: Pub/Sub keeps an unacknowledged message for the subscription's message
 * retention (7 days unless set, 10 minutes to 31 days), then may discard it.</li>
 * </ul>
 */
public final class GivingUp {
    public static final String STRIPE = "stripe.endpoint.disabling";
    public static final String GOOGLE = "google.backlog.retention";
    static final Duration STRIPE_RETRIES_LIVE = Duration.ofDays(3);
    static final Duration PUBSUB_DEFAULT_RETENTION = Duration.ofDays(7);
    private static final Pattern GOOGLE_DURATION = Pattern.compile("(\\d+)(?:\\.\\d+)?s");

    private GivingUp() {
    }

    public static List<Check> of(String store, List<Check> checks, Instant now) {
        List<Check> out = new ArrayList<>();
        if (store.equals("stripe")) {
            out.add(stripe(checks, now));
        } else if (store.equals("google")) {
            out.add(google(checks, now));
        }
        return out;
    }

    static Check stripe(List<Check> checks, Instant now) {
        Check deliveries = find(checks, "stripe.deliveries").orElse(null);
        Check enabled = find(checks, "stripe.endpoint.enabled").orElse(null);
        if (enabled != null && enabled.failed()) {
            return Check.skip(STRIPE, "Stripe has already disabled the endpoint (see stripe.endpoint.enabled)");
        }
        if (deliveries == null || deliveries.status() == Check.Status.SKIP) {
            return Check.skip(STRIPE, "the account's events could not be read (see stripe.deliveries)");
        }
        Map<String, Object> d = deliveries.details();
        long retrying = number(d.get("retrying"));
        long failed = number(d.get("failed"));
        boolean live = find(checks, "stripe.credentials").map(c -> "live".equals(c.details().get("mode"))).orElse(false);
        if (retrying == 0 && failed == 0) {
            return Check.pass(STRIPE, "no delivery is failing: Stripe has nothing to give up on and no reason to disable"
                + " the endpoint");
        }
        Instant oldest = null;
        String oldestId = null;
        Instant oldestRetrying = null;
        String retryingId = null;
        for (Object o : d.get("undelivered_events") instanceof Collection<?> c ? c : List.of()) {
            Map<?, ?> e = o instanceof Map<?, ?> m ? m : dev.notif.core.Json.convert(o, Map.class);
            Instant created = Liveness.instant(e.get("created_at"));
            if (created == null) {
                continue;
            }
            if (oldest == null || created.isBefore(oldest)) {
                oldest = created;
                oldestId = String.valueOf(e.get("id"));
            }
            if (number(e.get("pending_webhooks")) > 0 && (oldestRetrying == null || created.isBefore(oldestRetrying))) {
                oldestRetrying = created;
                retryingId = String.valueOf(e.get("id"));
            }
        }
        String rule = live ? "in live mode Stripe retries each event for up to 3 days after it was created, then gives"
            + " it up; it disables an endpoint that keeps failing for several days in a row, after emailing the account"
            : "in test mode Stripe retries each event three times over a few hours, then gives it up; an endpoint that"
            + " keeps failing for days is emailed about and disabled";
        String fix = "fix the cause now (stripe.deliveries and stripe.secret.accepted name it), then resend the"
            + " given-up events from the Dashboard; if Stripe disables the endpoint, notif setup stripe re-enables it";
        Duration failing = oldest == null ? null : Duration.between(oldest, now);
        StringBuilder summary = new StringBuilder();
        summary.append(failing == null ? "deliveries are failing" : "deliveries have been failing for at least "
            + Durations.human(failing) + " (the oldest undelivered event listed, " + oldestId + ", was created at "
            + oldest + ")");
        if (live && oldestRetrying != null) {
            Instant givesUp = oldestRetrying.plus(STRIPE_RETRIES_LIVE);
            summary.append(givesUp.isAfter(now) ? "; Stripe gives up on " + retryingId + " at " + givesUp + ", in "
                + Durations.human(Duration.between(now, givesUp)) : "");
        }
        if (failed > 0) {
            summary.append("; Stripe has already given up on ").append(failed).append(" event").append(failed == 1 ? ""
                : "s");
        }
        summary.append(": ").append(rule);
        boolean shared = d.get("shared_with") instanceof Collection<?> c && !c.isEmpty();
        boolean serious = failed > 0 || failing != null && failing.compareTo(Duration.ofDays(1)) >= 0;
        Check check = serious && !shared ? Check.fail(STRIPE, summary.toString(), fix)
            : Check.warn(STRIPE, summary.toString() + (shared ? " (other endpoints receive the same events: some of"
                + " these may be theirs)" : ""), fix);
        return check.detail("failing_since", oldest == null ? null : oldest.toString())
            .detail("gives_up_at", live && oldestRetrying != null ? oldestRetrying.plus(STRIPE_RETRIES_LIVE).toString()
                : null)
            .detail("given_up", failed).detail("retrying", retrying).detail("mode", live ? "live" : "test");
    }

    static Check google(List<Check> checks, Instant now) {
        Check deliveries = find(checks, "google.deliveries").orElse(null);
        if (deliveries == null || deliveries.status() == Check.Status.SKIP) {
            return Check.skip(GOOGLE, "the subscription's metrics could not be read (see google.deliveries)");
        }
        Object age = deliveries.details().get("oldest_unacked_age_seconds");
        Object waiting = deliveries.details().get("undelivered_messages");
        if (age == null || number(age) <= 0 || waiting != null && number(waiting) == 0) {
            return Check.pass(GOOGLE, "no message is waiting: Pub/Sub has nothing to discard");
        }
        String subscription = String.valueOf(deliveries.details().get("subscription"));
        Duration retention = retention(checks, subscription);
        Duration waited = Duration.ofSeconds(number(age));
        Duration left = retention.minus(waited);
        String summary = "the oldest unacknowledged message has waited " + Durations.human(waited) + " of the "
            + Durations.human(retention) + " message retention of " + subscription + ": "
            + (left.isNegative() || left.isZero() ? "Pub/Sub may discard it at any moment"
            : "Pub/Sub may discard it in " + Durations.human(left)) + " (the notification is then lost for good)";
        String fix = "make the endpoint acknowledge (google.deliveries names why pushes fail); to buy time, raise the"
            + " retention: notif setup google --topic TOPIC --url URL --retention 31d";
        Check check = waited.compareTo(retention.dividedBy(2)) >= 0 ? Check.fail(GOOGLE, summary, fix)
            : waited.compareTo(Duration.ofHours(1)) >= 0 ? Check.warn(GOOGLE, summary, fix)
            : Check.pass(GOOGLE, "the oldest unacknowledged message has waited " + Durations.human(waited) + " of "
                + Durations.human(retention) + " retention");
        return check.detail("subscription", subscription).detail("retention_seconds", retention.toSeconds())
            .detail("oldest_unacked_age_seconds", waited.toSeconds())
            .detail("discard_at", now.plus(left.isNegative() ? Duration.ZERO : left).toString());
    }

    /** The subscription's messageRetentionDuration from google.subscription's details, or Pub/Sub's default. */
    private static Duration retention(List<Check> checks, String subscription) {
        Check subs = find(checks, "google.subscription").orElse(null);
        if (subs != null && subs.details().get("subscriptions") instanceof Collection<?> list) {
            for (Object o : list) {
                Map<?, ?> s = dev.notif.core.Json.convert(o, Map.class);
                if (subscription.equals(String.valueOf(s.get("name"))) && s.get("message_retention") != null) {
                    Matcher m = GOOGLE_DURATION.matcher(String.valueOf(s.get("message_retention")));
                    if (m.matches()) {
                        return Duration.ofSeconds(Long.parseLong(m.group(1)));
                    }
                }
            }
        }
        return PUBSUB_DEFAULT_RETENTION;
    }

    private static Optional<Check> find(List<Check> checks, String id) {
        return checks.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    private static long number(Object o) {
        if (o instanceof Number n) {
            return n.longValue();
        }
        try {
            return o == null ? 0 : Long.parseLong(String.valueOf(o));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
