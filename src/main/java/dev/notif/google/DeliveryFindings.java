package dev.notif.google;

import dev.notif.output.Check;
import dev.notif.output.Times;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/** {@code google.deliveries}: a pure judgement of a push subscription's {@link DeliveryStats}. */
public final class DeliveryFindings {
    private DeliveryFindings() {
    }

    public static Check check(DeliveryStats stats, String subscription, String endpoint, int ackDeadline, int days,
                              GoogleNames.Topic topic) {
        List<DeliveryStats.Failure> failures = stats.failureList(endpoint, ackDeadline);
        String last = stats.lastAckAt() == null ? "no acknowledged push" : "last acknowledged push at "
            + Times.human(stats.lastAckAt());
        String backlog = stats.undelivered() == null ? "" : "; " + stats.undelivered() + " message(s) waiting"
            + (stats.oldestUnackedSeconds() == null || stats.undelivered() == 0 ? ""
            : ", the oldest for " + PushSettings.human(Duration.ofSeconds(stats.oldestUnackedSeconds())));
        Check check;
        if (stats.total() == 0) {
            check = Check.warn(GoogleChecks.DELIVERIES, "no push attempt in the last " + days + " d: nothing was"
                + " published to the topic, or the metrics (they lag a few minutes) are not in yet",
                "publish one: notif send google --topic " + topic.full() + ", then check again in about 5 minutes");
        } else if (failures.isEmpty()) {
            check = stats.backlog()
                ? Check.warn(GoogleChecks.DELIVERIES, stats.total() + " push(es) acknowledged, " + last + backlog,
                    "messages are waiting without failed pushes: check the subscription is not paused or detached")
                : Check.pass(GoogleChecks.DELIVERIES, stats.total() + " push(es) in " + days + " d, all acknowledged; "
                    + last);
        } else {
            DeliveryStats.Failure worst = failures.stream()
                .max(Comparator.comparingLong(DeliveryStats.Failure::count)).orElseThrow();
            String summary = stats.failures() + " of " + stats.total() + " push(es) in " + days + " d failed ("
                + String.join(", ", failures.stream().map(f -> f.responseClass() + " x" + f.count()).toList()) + "): "
                + worst.cause() + "; " + last + backlog;
            check = stats.failingNow() || stats.backlog()
                ? Check.fail(GoogleChecks.DELIVERIES, summary, worst.fix())
                : Check.warn(GoogleChecks.DELIVERIES, summary + " (the latest pushes succeed)", worst.fix());
        }
        return check
            .detail("subscription", subscription)
            .detail("type", "push")
            .detail("window_days", days)
            .detail("push_requests", stats.byClass())
            .detail("last_delivered_at", stats.lastAckAt() == null ? null : stats.lastAckAt().toString())
            .detail("last_failed_at", stats.lastFailureAt() == null ? null : stats.lastFailureAt().toString())
            .detail("failures", failures)
            .detail("undelivered_messages", stats.undelivered())
            .detail("oldest_unacked_age_seconds", stats.oldestUnackedSeconds());
    }

    /** A pull subscription: the backend fetches the messages itself; what matters is that it keeps up. */
    public static Check pull(DeliveryStats stats, String subscription, int days, GoogleNames.Topic topic) {
        String name = GoogleNames.shortName(subscription);
        String waiting = stats.undelivered() == null || stats.undelivered() == 0 ? "nothing waiting"
            : stats.undelivered() + " message(s) waiting" + (stats.oldestUnackedSeconds() == null ? ""
            : ", the oldest for " + PushSettings.human(Duration.ofSeconds(stats.oldestUnackedSeconds())));
        String last = stats.lastAckAt() == null ? "no message acknowledged in " + days + " d"
            : "last acknowledged at " + Times.human(stats.lastAckAt());
        Check check;
        if (stats.backlog()) {
            check = Check.fail(GoogleChecks.DELIVERIES, "pull subscription " + name + ": " + waiting + "; " + last
                + ": the backend is not pulling, or fails on these messages", "check the backend's subscriber: it"
                + " needs roles/pubsub.subscriber on " + subscription + " and must acknowledge what it handled");
        } else if (stats.total() == 0) {
            check = Check.warn(GoogleChecks.DELIVERIES, "pull subscription " + name + ": " + last + ", " + waiting,
                "publish one: notif send google --topic " + topic.full() + ", then check again in about 5 minutes");
        } else {
            check = Check.pass(GoogleChecks.DELIVERIES, "pull subscription " + name + ": " + stats.total()
                + " message(s) acknowledged in " + days + " d, " + last + "; " + waiting);
        }
        return check
            .detail("subscription", subscription)
            .detail("type", "pull")
            .detail("window_days", days)
            .detail("acknowledged", stats.total())
            .detail("last_delivered_at", stats.lastAckAt() == null ? null : stats.lastAckAt().toString())
            .detail("undelivered_messages", stats.undelivered())
            .detail("oldest_unacked_age_seconds", stats.oldestUnackedSeconds());
    }
}
