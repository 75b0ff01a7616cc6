package dev.notif.amazon;

import dev.notif.output.Result;
import dev.notif.output.Step;
import dev.notif.output.Text;
import java.util.List;

/**
 * The result of {@code notif verify amazon}: whether the message's signature holds, every step with its outcome, the
 * reason and fix of the first failure, what was computed (algorithm, string to sign, certificate) and, for a
 * Notification, the Real-time Notification it carries.
 */
public record VerifyAmazonResult(boolean ok, String store, String type, String messageId, String topicArn,
                                 String signatureVersion, String algorithm, String signingCertUrl,
                                 SnsVerifier.CertificateInfo certificate, List<Step> steps, String reason,
                                 String fix, String stringToSign, RtnMessage notification) implements Result {

    public static VerifyAmazonResult of(SnsMessage m, SnsVerifier.Verification v) {
        RtnMessage rtn = m.isNotification() ? RtnMessage.parse(m.message()).message() : null;
        return new VerifyAmazonResult(v.valid(), "amazon", m.type(), m.messageId(), m.topicArn(), m.signatureVersion(),
            v.algorithm(), m.signingCertUrl(), v.certificate(), v.steps(), v.reason(), v.fix(), v.stringToSign(), rtn);
    }

    @Override
    public void printText(Text out) {
        String what = notification == null || notification.notificationType() == null ? String.valueOf(type)
            : type + " " + notification.notificationType();
        out.line(out.bold("notif verify amazon") + "  " + what + "  " + out.dim(String.valueOf(messageId)));
        Step.print(out, steps);
        if (ok) {
            out.line(out.green("valid") + ": the signature holds" + (certificate == null ? ""
                : " (" + certificate.source() + " certificate " + certificate.subject() + ")"));
            return;
        }
        out.line(out.red("invalid") + ": " + reason);
        out.line("  fix: " + fix);
        boolean signatureStep = steps.stream().anyMatch(s -> s.name().equals(SnsVerifier.SIGNATURE) && s.failed());
        if (signatureStep && stringToSign != null) {
            out.line(out.dim("  string to sign (each field as \"Name\\nvalue\\n\"):"));
            for (String line : stringToSign.split("\n")) {
                out.line(out.dim("    " + line));
            }
        }
    }
}
