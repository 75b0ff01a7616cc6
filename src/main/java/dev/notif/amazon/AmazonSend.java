package dev.notif.amazon;

import dev.notif.core.NotifException;
import dev.notif.core.Progress;
import dev.notif.probe.Sender;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * {@code notif send amazon}: a Notification carrying a Real-time Notification, or a SubscriptionConfirmation, sent
 * as SNS sends it from a stand-in SNS host that serves the signing certificate; for a confirmation that was
 * answered 2xx, a bounded wait for the endpoint to fetch the SubscribeURL.
 */
public final class AmazonSend {
    /** What to send; {@code typeGiven}: --type was on the command line (it excludes --confirmation). */
    public record Request(String url, String type, boolean typeGiven, boolean confirmation, String packageName,
                          String appUserId, String receiptId, boolean beta, double waitSeconds,
                          SnsSession.Options session) {
    }

    private final Sender sender;
    private final Clock clock;
    private final Progress progress;
    private final Path configDir;

    /** {@code configDir}: where the throwaway signer is kept (null: one of this process's, kept nowhere). */
    public AmazonSend(Sender sender, Clock clock, Progress progress, Path configDir) {
        this.sender = sender;
        this.clock = clock;
        this.progress = progress;
        this.configDir = configDir;
    }

    public SendAmazonResult run(Request r) {
        if (r.confirmation() && r.typeGiven()) {
            throw NotifException.usage("--type and --confirmation exclude each other",
                "a SubscriptionConfirmation carries no notification; drop one of them");
        }
        String rtnType = AmazonInputs.type(r.type());
        Duration wait = AmazonInputs.wait("--wait", r.waitSeconds());
        try (SnsSession session = AmazonInputs.open(r.session(), clock, configDir)) {
            SnsMessage message = r.confirmation() ? session.confirmation() : session.notification(
                RtnMessage.of(rtnType, r.packageName(), r.appUserId(), r.receiptId(), r.beta(), clock.instant()));
            var sent = sender.send(AmazonDelivery.of(r.url(), message, session.subscriptionArn()),
                AmazonVerdicts.CLASSIFIER);
            Boolean followed = null;
            if (r.confirmation() && sent.outcome().is2xx()) {
                try (var shown = progress.waiting("the endpoint to fetch the SubscribeURL", wait)) {
                    followed = session.host().awaitConfirmation(message.token(), wait);
                }
            } else if (r.confirmation()) { // a refusal may still have visited it first
                followed = session.host().awaitConfirmation(message.token(), Duration.ZERO);
            }
            return SendAmazonResult.of(sent, session.host().visited(SnsHost.CERTIFICATE), followed);
        }
    }
}
