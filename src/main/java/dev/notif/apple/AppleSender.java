package dev.notif.apple;

import dev.notif.probe.HttpProbe;
import dev.notif.probe.Outcome;
import dev.notif.probe.Verdict;
import java.util.Map;

/** Posts a built notification the way Apple does (JSON body, no redirects followed) and judges the answer. */
public final class AppleSender {
    private final HttpProbe probe;

    public AppleSender(HttpProbe probe) {
        this.probe = probe;
    }

    public record Sent(Outcome outcome, Verdict verdict) {
    }

    public Sent send(String url, AppleNotificationBuilder.Notification n, String testRoot) {
        Outcome outcome = probe.post(url, Map.of("Content-Type", AppleNotificationBuilder.Notification.CONTENT_TYPE),
            n.body(), AppleNotificationBuilder.Notification.CONTENT_TYPE);
        Verdict verdict = AppleVerdicts.classify(
            new AppleVerdicts.Sent(n.version(), n.type(), n.bundleId(), n.environment(), testRoot), outcome);
        return new Sent(outcome, verdict);
    }
}
