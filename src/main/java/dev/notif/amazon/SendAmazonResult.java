package dev.notif.amazon;

import dev.notif.core.Secrets;
import dev.notif.output.Result;
import dev.notif.output.Text;
import dev.notif.probe.DeliveryText;
import dev.notif.probe.Outcome;
import dev.notif.probe.Verdict;

/**
 * The result of {@code notif send amazon}: the SNS message sent, what came back, the verdict, and whether the
 * endpoint fetched notif's signing certificate and (for a confirmation) the SubscribeURL.
 */
public record SendAmazonResult(boolean ok, String store, String url, String messageType, String notificationType,
                               String messageId, String topicArn, String signatureVersion, Integer httpStatus,
                               long latencyMs, String verdict, String cause, String fix, String responseBody,
                               String signingCertUrl, boolean certificateFetched, String subscribeUrl,
                               Boolean subscribeUrlFetched, String signedBy) implements Result {
    static final int BODY_SHOWN = 500;
    public static final String SIGNED_BY = "notif's throwaway certificate (CN=" + ThrowawaySigner.SUBJECT
        + "); backends that verify SNS signatures refuse it by design";

    /** {@code subscribeUrlFetched} is null for a Notification. */
    public static SendAmazonResult of(String url, AmazonSender.Sent sent, boolean certificateFetched,
                                      Boolean subscribeUrlFetched) {
        SnsMessage m = sent.message();
        Outcome o = sent.outcome();
        Verdict v = sent.verdict();
        return new SendAmazonResult(v.accepted(), "amazon", url, m.type(), sent.notificationType(), m.messageId(),
            m.topicArn(), m.signatureVersion(), o.status(), o.latencyMs(), v.verdict(), v.cause(), v.fix(),
            Secrets.scrub(o.bodyStart(BODY_SHOWN)), m.signingCertUrl(), certificateFetched, m.subscribeUrl(),
            subscribeUrlFetched, SIGNED_BY);
    }

    @Override
    public void printText(Text out) {
        String what = notificationType == null ? messageType : messageType + " " + notificationType;
        out.line(out.bold("POST " + url) + "  " + what + "  " + out.dim(messageId));
        out.line(out.dim("  SignatureVersion " + signatureVersion + " (" + SnsSignature.algorithm(signatureVersion)
            + "), signed by " + SIGNED_BY));
        out.line(out.dim("  certificate served at " + signingCertUrl + (certificateFetched ? " (fetched by the endpoint)"
            : " (not fetched)")));
        if (subscribeUrlFetched != null) {
            out.line("  SubscribeURL " + (subscribeUrlFetched ? out.green("fetched") : out.yellow("not fetched"))
                + ": " + subscribeUrl);
        }
        DeliveryText.print(out, httpStatus, latencyMs, responseBody, verdict, cause, fix);
    }
}
