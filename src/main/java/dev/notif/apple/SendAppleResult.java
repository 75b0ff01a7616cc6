package dev.notif.apple;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.notif.output.Result;
import dev.notif.output.Text;
import dev.notif.probe.DeliveryAnswer;
import dev.notif.probe.Sent;

/**
 * The result of {@code notif send apple}: what was sent (never presented as Apple-signed), what came back, and the
 * verdict with its cause and fix. {@code test_root} is the certificate a receiver must trust to accept V2 payloads;
 * {@code password} (V1 only) is redacted unless --show-secret.
 */
public record SendAppleResult(boolean ok, String store, String url, String version, String notificationType,
                              String subtype, String notificationUuid, String environment, String bundleId,
                              String originalTransactionId, @JsonUnwrapped DeliveryAnswer answer, String signedBy,
                              String testRoot, String password) implements Result {
    public static final String SIGNED_BY_TEST_CHAIN = "notif's test chain, not Apple: receivers that trust only Apple"
        + " Root CA G3 reject it, by design";
    public static final String V1_UNSIGNED = "nothing: V1 notifications are not signed; the receiver checks the"
        + " password (the app-specific shared secret)";

    /** {@code shownPassword}: the V1 password as it may be shown (redacted unless --show-secret). */
    public static SendAppleResult of(Sent<AppleDelivery> sent, String shownPassword) {
        AppleDelivery d = sent.delivery();
        AppleNotificationBuilder.Notification n = d.notification();
        DeliveryAnswer answer = sent.answer();
        boolean v1 = d.v1();
        return new SendAppleResult(answer.accepted(), "apple", d.url(), n.version(), n.type(), n.subtype(),
            n.notificationUuid(), n.environment().word(), n.bundleId(), n.originalTransactionId(), answer,
            v1 ? V1_UNSIGNED : SIGNED_BY_TEST_CHAIN, v1 ? null : d.testRoot(), v1 ? shownPassword : null);
    }

    @Override
    public void printText(Text out) {
        out.line(out.bold("POST " + url) + "  " + version + " " + notificationType + (subtype == null ? "" : "/" + subtype)
            + "  " + environment + "  " + bundleId + (notificationUuid == null ? "" : "  " + out.dim(notificationUuid)));
        if (testRoot != null) {
            out.line(out.dim("  signed by " + signedBy));
            out.line(out.dim("  test root to trust: " + testRoot));
        } else {
            out.line(out.dim("  password " + password + " (V1 is not signed)"));
        }
        answer.printText(out);
    }
}
