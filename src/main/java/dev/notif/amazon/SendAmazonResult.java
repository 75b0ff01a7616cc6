package dev.notif.amazon;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.notif.output.Result;
import dev.notif.output.Text;
import dev.notif.probe.DeliveryAnswer;
import dev.notif.probe.Sent;

/**
 * The result of {@code notif send amazon}: the SNS message sent, what came back, the verdict, and whether the
 * endpoint fetched notif's signing certificate and (for a confirmation) the SubscribeURL.
 */
public record SendAmazonResult(boolean ok, String store, String url, String messageType, String notificationType,
                               String messageId, String topicArn, String signatureVersion,
                               @JsonUnwrapped DeliveryAnswer answer, String signingCertUrl, boolean certificateFetched,
                               String subscribeUrl, Boolean subscribeUrlFetched, String signedBy) implements Result {
    public static final String SIGNED_BY = "notif's throwaway certificate (CN=" + ThrowawaySigner.SUBJECT
        + "); backends that verify SNS signatures refuse it by design";

    /** {@code subscribeUrlFetched} is null for a Notification. */
    public static SendAmazonResult of(Sent<AmazonDelivery> sent, boolean certificateFetched,
                                      Boolean subscribeUrlFetched) {
        AmazonDelivery d = sent.delivery();
        SnsMessage m = d.message();
        DeliveryAnswer answer = sent.answer();
        return new SendAmazonResult(answer.accepted(), "amazon", d.url(), m.type(), d.notificationType(),
            m.messageId(), m.topicArn(), m.signatureVersion(), answer, m.signingCertUrl(), certificateFetched,
            m.subscribeUrl(), subscribeUrlFetched, SIGNED_BY);
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
        answer.printText(out);
    }
}
