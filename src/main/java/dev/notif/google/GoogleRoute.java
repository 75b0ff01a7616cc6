package dev.notif.google;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notif.core.Json;
import dev.notif.listen.Answer;
import dev.notif.listen.ErrorCodes;
import dev.notif.listen.Inbound;
import dev.notif.listen.LogEntry;
import dev.notif.listen.StoreRoute;
import java.util.Set;

/**
 * {@code POST /google}: a Pub/Sub push of a Real-time developer notification. Decodes the envelope, validates the
 * DeveloperNotification (codes Google adds later are tolerated; {@code eventTimeMillis} as a string or a number),
 * optionally only for the given packages, and records it. A body it cannot read gets 400 {@code malformed}, an
 * unusable notification 400 {@code invalid_notification}, another app's 400 {@code package_mismatch}; never a 500.
 */
public final class GoogleRoute implements StoreRoute {
    public static final String STORE = "google";

    private final Set<String> packages;
    private final PushAuth auth;

    /** {@code packages} empty: any package is accepted. */
    public GoogleRoute(Set<String> packages) {
        this(packages, null);
    }

    /** {@code auth}: verify each push's OIDC token (null: pushes are not authenticated). */
    public GoogleRoute(Set<String> packages, PushAuth auth) {
        this.packages = Set.copyOf(packages);
        this.auth = auth;
    }

    @Override
    public String store() {
        return STORE;
    }

    @Override
    public Answer handle(Inbound request) {
        if (auth != null) {
            PushAuth.Refusal refusal = auth.check(request.header("authorization"));
            if (refusal != null) {
                return Answer.rejected(refusal.status(), ErrorCodes.UNAUTHENTICATED, refusal.reason(),
                    LogEntry.rejected(STORE, request.receivedAt(), ErrorCodes.UNAUTHENTICATED, null, null));
            }
        }
        PushEnvelope.Decoded push;
        try {
            push = PushEnvelope.decode(request.body());
        } catch (IllegalArgumentException e) {
            return reject(request, ErrorCodes.MALFORMED,
                e.getMessage() + "; expected a Pub/Sub push envelope {\"message\": {\"data\":"
                + " base64, \"messageId\"}, \"subscription\"}", null, null);
        }
        JsonNode data = Json.parseOrNull(push.text());
        if (data == null || !data.isObject()) {
            return reject(request, ErrorCodes.MALFORMED,
                "message.data does not decode to a JSON object", null, push.messageId());
        }
        DeveloperNotification.Parsed n;
        try {
            n = DeveloperNotification.parse(data);
        } catch (IllegalArgumentException e) {
            return reject(request, ErrorCodes.INVALID_NOTIFICATION, e.getMessage(), null, push.messageId());
        }
        if (!packages.isEmpty() && !packages.contains(n.packageName())) {
            return reject(request, ErrorCodes.PACKAGE_MISMATCH,
                "package " + n.packageName() + " is not one this receiver accepts ("
                + String.join(", ", packages.stream().sorted().toList()) + ")", n.type(), push.messageId());
        }
        ObjectNode detail = Json.object();
        detail.put("package_name", n.packageName());
        detail.put("event_time", n.eventTime().toString());
        detail.put("kind", n.kind());
        if (n.code() != null) {
            detail.put("notification_type", n.code());
            detail.put("notification_type_name", n.codeName());
        }
        detail.put("subscription", push.subscription());
        detail.put("authenticated", auth != null);
        return Answer.accepted(LogEntry.accepted(STORE, request.receivedAt(), n.type(), push.messageId(), detail));
    }

    private static Answer reject(Inbound request, String error, String message, String type, String id) {
        return Answer.rejected(400, error, message, LogEntry.rejected(STORE, request.receivedAt(), error, type, id));
    }
}
