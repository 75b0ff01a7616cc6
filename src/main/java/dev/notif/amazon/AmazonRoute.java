package dev.notif.amazon;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notif.core.Json;
import dev.notif.listen.Answer;
import dev.notif.listen.ErrorCodes;
import dev.notif.listen.Inbound;
import dev.notif.listen.LogEntry;
import dev.notif.listen.StoreRoute;
import dev.notif.probe.HttpProbe;
import dev.notif.probe.Outcome;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST /amazon} on the receiver: reads the SNS message from the raw body whatever its Content-Type, verifies
 * its signature (SNS certificate hosts only, unless told to trust a certificate or a URL prefix for local work),
 * confirms subscriptions by fetching the SubscribeURL, and records Real-time Notifications.
 * Errors: {@code malformed}, {@code topic_mismatch}, {@code signature_mismatch}, {@code certificate_rejected},
 * {@code unsupported_event_type} (400, which SNS does not retry); {@code certificate_unavailable} (503) and
 * {@code confirmation_failed} (502), which SNS retries.
 */
public final class AmazonRoute implements StoreRoute {
    public static final String STORE = "amazon";
    private static final Pattern SUBSCRIPTION_ARN = Pattern.compile("<SubscriptionArn>([^<]+)</SubscriptionArn>");

    /** The topics to accept (empty: any). */
    public record Options(SnsVerifier.Trust trust, List<String> topicArns) {
    }

    private final Options options;
    private final SnsVerifier verifier;
    private final HttpProbe probe;
    private final Consumer<String> notice;

    public AmazonRoute(Options options, HttpProbe probe, Consumer<String> notice) {
        this.options = options;
        this.probe = probe;
        this.notice = notice;
        this.verifier = new SnsVerifier(new HttpCertificateSource(probe), options.trust());
    }

    @Override
    public String store() {
        return STORE;
    }

    @Override
    public Answer handle(Inbound request) {
        SnsMessage m;
        try {
            m = SnsMessage.parse(new String(request.body(), StandardCharsets.UTF_8));
        } catch (SnsMessage.Malformed e) {
            return reject(request, 400, ErrorCodes.MALFORMED, e.getMessage(), null, null);
        }
        if (!options.topicArns().isEmpty() && (m.topicArn() == null || !options.topicArns().contains(m.topicArn()))) {
            return reject(request, 400, ErrorCodes.TOPIC_MISMATCH,
                "TopicArn " + m.topicArn() + " is not one this receiver accepts",
                m.type(), m.messageId());
        }
        SnsVerifier.Verification v = verifier.verify(m);
        if (!v.valid()) {
            String step = v.steps().get(v.steps().size() - 1).name();
            if (v.unavailable()) {
                return reject(request, 503, ErrorCodes.CERTIFICATE_UNAVAILABLE, v.reason(), m.type(), m.messageId());
            }
            String error = switch (step) {
                case SnsVerifier.MESSAGE -> ErrorCodes.MALFORMED;
                case SnsVerifier.CERTIFICATE_URL, SnsVerifier.CERTIFICATE -> ErrorCodes.CERTIFICATE_REJECTED;
                default -> ErrorCodes.SIGNATURE_MISMATCH;
            };
            return reject(request, 400, error, v.reason(), m.type(), m.messageId());
        }
        if (m.isConfirmation()) {
            return confirm(request, m);
        }
        if (m.isNotification()) {
            return notification(request, m);
        }
        notice.accept("amazon: the subscription to " + m.topicArn() + " was removed; Amazon sends nothing more until the"
            + " endpoint is added again");
        return Answer.accepted(LogEntry.accepted(STORE, request.receivedAt(), m.type(), m.messageId(), detail(m)));
    }

    private Answer confirm(Inbound request, SnsMessage m) {
        String url = m.subscribeUrl();
        if (!options.trust().trustsUrl(url)) {
            SnsHosts.Problem p = SnsHosts.subscribeUrl(url);
            if (p != null) {
                return reject(request, 400, ErrorCodes.CERTIFICATE_REJECTED,
                    p.reason() + "; it was not visited", m.type(),
                    m.messageId());
            }
        }
        Outcome o = probe.get(url, Map.of());
        if (!o.is2xx()) {
            String why = o.answered() ? "HTTP " + o.status() : o.failure().detail();
            return reject(request, 502, ErrorCodes.CONFIRMATION_FAILED,
                "visiting the SubscribeURL failed (" + why + ")", m.type(),
                m.messageId());
        }
        ObjectNode detail = detail(m);
        Matcher arn = SUBSCRIPTION_ARN.matcher(o.body() == null ? "" : o.body());
        detail.put("subscription_arn", arn.find() ? arn.group(1) : null);
        notice.accept("amazon: confirmed the subscription to " + m.topicArn() + " (Amazon's console now says Verified)");
        return Answer.accepted(LogEntry.accepted(STORE, request.receivedAt(), m.type(), m.messageId(), detail));
    }

    private Answer notification(Inbound request, SnsMessage m) {
        RtnMessage.Parsed parsed = RtnMessage.parse(m.message());
        if (!parsed.ok()) {
            return reject(request, 400, ErrorCodes.MALFORMED,
                "not a Real-time Notification: " + String.join("; ", parsed.problems()),
                m.type(), m.messageId());
        }
        RtnMessage rtn = parsed.message();
        if (!RtnTypes.isKnown(rtn.notificationType())) {
            return reject(request, 400, ErrorCodes.UNSUPPORTED_EVENT_TYPE, "notificationType " + rtn.notificationType()
                + " is not one Amazon sends", rtn.notificationType(), m.messageId());
        }
        ObjectNode detail = detail(m);
        detail.put("app_package_name", rtn.appPackageName());
        detail.put("receipt_id", rtn.receiptId());
        detail.put("app_user_id", rtn.appUserId());
        detail.set("related_receipts", rtn.relatedReceipts());
        detail.put("beta_product_transaction", rtn.betaProductTransaction());
        return Answer.accepted(LogEntry.accepted(STORE, request.receivedAt(), rtn.notificationType(), m.messageId(),
            detail));
    }

    private static ObjectNode detail(SnsMessage m) {
        ObjectNode d = Json.object();
        d.put("sns_type", m.type());
        d.put("topic_arn", m.topicArn());
        d.put("signature_version", m.signatureVersion());
        return d;
    }

    private static Answer reject(Inbound request, int status, String error, String message, String type, String id) {
        return Answer.rejected(status, error, message, LogEntry.rejected(STORE, request.receivedAt(), error, type, id));
    }
}
