package dev.notif.google;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.output.Result;
import dev.notif.output.Text;
import dev.notif.probe.DeliveryAnswer;
import dev.notif.probe.Sent;

/**
 * The result of {@code notif send google}: the DeveloperNotification and where it went: published to the topic
 * ({@code mode: topic}, with its message id) or pushed straight to a URL as Pub/Sub would ({@code mode: push}, with
 * the answer and its verdict).
 */
public record SendGoogleResult(boolean ok, String store, String mode, String topic, String url, String messageId,
                               String notificationKind, Integer notificationType, String notificationTypeName,
                               String packageName, JsonNode notification, @JsonUnwrapped DeliveryAnswer answer)
    implements Result {
    public static final String PUBLISHED = "published";

    public static SendGoogleResult published(String topic, String messageId, GoogleNotification n, String cause,
                                             String fix) {
        return new SendGoogleResult(true, "google", "topic", topic, null, messageId, n.kind().word, n.code(),
            n.codeName(), n.packageName(), n.notification(), DeliveryAnswer.without(PUBLISHED, cause, fix));
    }

    public static SendGoogleResult pushed(Sent<GooglePush> sent) {
        GooglePush push = sent.delivery();
        GoogleNotification n = push.notification();
        DeliveryAnswer answer = sent.answer();
        return new SendGoogleResult(answer.accepted(), "google", "push", null, push.url(), push.messageId(),
            n.kind().word, n.code(), n.codeName(), n.packageName(), n.notification(), answer);
    }

    @Override
    public void printText(Text out) {
        String what = notificationKind + (notificationTypeName != null ? " " + notificationTypeName
            : notificationType != null ? " " + notificationType : "") + "  " + packageName;
        if ("topic".equals(mode)) {
            out.line(out.bold("published to " + topic) + "  " + what + "  " + out.dim("message " + messageId));
            out.line(out.status("ok") + ": " + answer.cause());
            out.line("  next: " + answer.fix());
            return;
        }
        out.line(out.bold("POST " + url) + "  " + what + "  " + out.dim("message " + messageId));
        answer.printText(out);
    }
}
