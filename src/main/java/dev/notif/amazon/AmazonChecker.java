package dev.notif.amazon;

import dev.notif.core.Progress;
import dev.notif.probe.Outcome;
import dev.notif.probe.Sender;
import dev.notif.probe.Sent;
import java.time.Duration;

/**
 * Runs the probes of {@code notif check amazon} through a session: a SubscriptionConfirmation as SNS sends it and a
 * bounded wait for its SubscribeURL; when that is not followed or refused for another reason than its signature,
 * the same confirmation as application/json (tells a text/plain problem from the rest); then a Notification.
 */
public final class AmazonChecker {
    private final SnsSession session;
    private final Sender sender;
    private final Progress progress;
    private Duration waited = Duration.ZERO;

    public AmazonChecker(SnsSession session, Sender sender, Progress progress) {
        this.session = session;
        this.sender = sender;
        this.progress = progress;
    }

    public AmazonChecks.Observations run(String url, RtnMessage rtn, Duration wait) {
        SnsMessage confirmation = session.confirmation();
        Sent<AmazonDelivery> c = send(url, confirmation);
        Outcome answer = c.outcome();
        if (!answer.answered() || answer.status() >= 300 && answer.status() < 400) {
            return observed(url, rtn, c, false, null, false, null);
        }
        boolean followed = followed(confirmation, answer, wait, "");
        Sent<AmazonDelivery> json = null;
        boolean jsonFollowed = false;
        if (!followed && !AmazonVerdicts.signatureRefusal(answer) && answer.status() < 500) {
            SnsMessage again = session.confirmation();
            json = sender.send(AmazonDelivery.of(url, again, session.subscriptionArn()).as("application/json"),
                AmazonVerdicts.CLASSIFIER);
            jsonFollowed = followed(again, json.outcome(), wait, " (sent again as application/json)");
        }
        Sent<AmazonDelivery> n = send(url, session.notification(rtn));
        return observed(url, rtn, c, followed, json, jsonFollowed, n);
    }

    private Sent<AmazonDelivery> send(String url, SnsMessage message) {
        return sender.send(AmazonDelivery.of(url, message, session.subscriptionArn()), AmazonVerdicts.CLASSIFIER);
    }

    /**
     * Waits for the SubscribeURL only when the endpoint said yes (a refusal may still have visited it first), shown
     * as progress; the time actually waited adds up in {@code waited}.
     */
    private boolean followed(SnsMessage confirmation, Outcome answer, Duration wait, String how) {
        if (!answer.is2xx()) {
            return session.host().awaitConfirmation(confirmation.token(), Duration.ZERO);
        }
        long start = System.nanoTime();
        try (Progress.Wait w = progress.waiting("the endpoint to fetch the SubscribeURL" + how, wait)) {
            return session.host().awaitConfirmation(confirmation.token(), wait);
        } finally {
            waited = waited.plusNanos(System.nanoTime() - start);
        }
    }

    private AmazonChecks.Observations observed(String url, RtnMessage rtn, Sent<AmazonDelivery> c, boolean followed,
                                              Sent<AmazonDelivery> json, boolean jsonFollowed, Sent<AmazonDelivery> n) {
        boolean foreign = session.host().visits().stream()
            .anyMatch(v -> v.kind().equals(SnsHost.CONFIRM) && !v.tokenKnown());
        return new AmazonChecks.Observations(url, rtn.notificationType(), c, followed, json, jsonFollowed, n,
            session.host().visited(SnsHost.CERTIFICATE), foreign, waited);
    }
}
