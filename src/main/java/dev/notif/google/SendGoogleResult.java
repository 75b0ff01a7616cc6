package dev.notif.google;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.core.Secrets;
import dev.notif.output.Result;
import dev.notif.output.Text;
import dev.notif.probe.DeliveryText;
import dev.notif.probe.Outcome;
import dev.notif.probe.Verdict;

/**
 * The result of {@code notif send google}: the DeveloperNotification and where it went: published to the topic
 * ({@code mode: topic}, with its message id) or pushed straight to a URL as Pub/Sub would ({@code mode: push}, with
 * the answer and its verdict).
 */
public record SendGoogleResult(boolean ok, String store, String mode, String topic, String url, String messageId,
                               String notificationKind, Integer notificationType, String notificationTypeName,
                               String packageName, JsonNode notification, Integer httpStatus, Long latencyMs,
                               String verdict, String cause, String fix, String responseBody) implements Result {
    public static final String PUBLISHED = "published";
    static final int BODY_SHOWN = 500;

    public static SendGoogleResult published(String topic, String messageId, Sent sent, String cause, String fix) {
        return new SendGoogleResult(true, "google", "topic", topic, null, messageId, sent.kind().word, sent.code(),
            sent.codeName(), sent.packageName(), sent.notification(), null, null, PUBLISHED, cause, fix, null);
    }

    public static SendGoogleResult pushed(String url, String messageId, Sent sent, Outcome outcome, Verdict v) {
        return new SendGoogleResult(v.accepted(), "google", "push", null, url, messageId, sent.kind().word, sent.code(),
            sent.codeName(), sent.packageName(), sent.notification(), outcome.status(), outcome.latencyMs(),
            v.verdict(), v.cause(), v.fix(), Secrets.scrub(outcome.bodyStart(BODY_SHOWN)));
    }

    /** The notification as built, with its kind and code for the result. */
    public record Sent(DeveloperNotification.Kind kind, Integer code, String codeName, String packageName,
                       JsonNode notification) {
    }

    @Override
    public void printText(Text out) {
        String what = notificationKind + (notificationTypeName != null ? " " + notificationTypeName
            : notificationType != null ? " " + notificationType : "") + "  " + packageName;
        if ("topic".equals(mode)) {
            out.line(out.bold("published to " + topic) + "  " + what + "  " + out.dim("message " + messageId));
            out.line(out.status("ok") + ": " + cause);
            out.line("  next: " + fix);
            return;
        }
        out.line(out.bold("POST " + url) + "  " + what + "  " + out.dim("message " + messageId));
        DeliveryText.print(out, httpStatus, latencyMs, responseBody, verdict, cause, fix);
    }
}
