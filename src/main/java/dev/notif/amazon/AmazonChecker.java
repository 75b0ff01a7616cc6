package dev.notif.amazon;

import dev.notif.probe.Outcome;
import java.time.Duration;

/**
 * Runs the probes of {@code notif check amazon} through a session: a SubscriptionConfirmation as SNS sends it and a
 * bounded wait for its SubscribeURL; when that is not followed or refused for another reason than its signature,
 * the same confirmation as application/json (tells a text/plain problem from the rest); then a Notification.
 */
public final class AmazonChecker {
    private final SnsSession session;
    private final AmazonSender sender;

    public AmazonChecker(SnsSession session, AmazonSender sender) {
        this.session = session;
        this.sender = sender;
    }

    public AmazonChecks.Observations run(String url, RtnMessage rtn, Duration wait) {
        SnsMessage confirmation = session.confirmation();
        Outcome c = sender.send(url, confirmation, session.subscriptionArn()).outcome();
        if (!c.answered() || c.status() >= 300 && c.status() < 400) {
            return observed(url, rtn, c, false, null, false, null, wait);
        }
        boolean followed = followed(confirmation, c, wait);
        Outcome json = null;
        boolean jsonFollowed = false;
        if (!followed && !AmazonVerdicts.signatureRefusal(c) && c.status() < 500) {
            SnsMessage again = session.confirmation();
            json = sender.send(url, again, session.subscriptionArn(), "application/json").outcome();
            jsonFollowed = followed(again, json, wait);
        }
        Outcome n = sender.send(url, session.notification(rtn), session.subscriptionArn()).outcome();
        return observed(url, rtn, c, followed, json, jsonFollowed, n, wait);
    }

    /** Waits for the SubscribeURL only when the endpoint said yes; a refusal may still have visited it first. */
    private boolean followed(SnsMessage confirmation, Outcome answer, Duration wait) {
        return session.host().awaitConfirmation(confirmation.token(), answer.is2xx() ? wait : Duration.ZERO);
    }

    private AmazonChecks.Observations observed(String url, RtnMessage rtn, Outcome c, boolean followed, Outcome json,
                                              boolean jsonFollowed, Outcome n, Duration wait) {
        boolean foreign = session.host().visits().stream()
            .anyMatch(v -> v.kind().equals(SnsHost.CONFIRM) && !v.tokenKnown());
        return new AmazonChecks.Observations(url, rtn.notificationType(), c, followed, json, jsonFollowed, n,
            session.host().visited(SnsHost.CERTIFICATE), foreign, wait);
    }
}
