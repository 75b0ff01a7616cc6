package dev.notif.apple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notif.core.Http;
import dev.notif.core.Json;
import dev.notif.core.NotifException;
import dev.notif.core.RetryPolicy;
import dev.notif.listen.Answer;
import dev.notif.listen.ErrorCodes;
import dev.notif.listen.Forwarding;
import dev.notif.listen.Inbound;
import dev.notif.listen.ListenSetup;
import dev.notif.listen.LogEntry;
import dev.notif.listen.StoreRoute;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import okhttp3.HttpUrl;

/**
 * {@code POST /apple} of the receiver: a V2 body {@code {"signedPayload": …}} is verified offline (chain to Apple
 * Root CA G3 or another trusted root, marker extensions, ES256, signed transaction and renewal info inside); a V1
 * body is accepted when its {@code password} is the shared secret. Answers 200, or 400 with {@code malformed},
 * {@code signature_mismatch}, {@code shared_secret_mismatch} or {@code wrong_app}. Accepted notifications are
 * relayed as-is through a {@link ForwardQueue} when one is set, after the answer is recorded.
 */
public final class AppleRoute implements StoreRoute {
    /** Forwarding tries this often before an item is moved to failed/. */
    static final int FORWARD_ATTEMPTS = 15;
    private final AppleSignedPayloads verifier;
    private final String sharedSecret;
    private final Set<String> bundleIds;
    private final ForwardQueue forward;
    private final Consumer<String> notice;

    /** {@code sharedSecret} may be null (V1 refused); an empty {@code bundleIds} accepts any app. */
    public AppleRoute(List<AppleRoots.Root> roots, String sharedSecret, Set<String> bundleIds, ForwardQueue forward,
                      Consumer<String> notice) {
        this.verifier = new AppleSignedPayloads(roots);
        this.sharedSecret = sharedSecret;
        this.bundleIds = Set.copyOf(bundleIds);
        this.forward = forward;
        this.notice = notice;
    }

    @Override
    public String store() {
        return "apple";
    }

    @Override
    public Answer handle(Inbound request) {
        Instant at = request.receivedAt();
        JsonNode body = Json.parseOrNull(new String(request.body(), StandardCharsets.UTF_8));
        if (body == null || !body.isObject()) {
            return reject(at, ErrorCodes.MALFORMED,
                "the body is not JSON: Apple sends {\"signedPayload\": ...} (V2) or a V1"
                + " notification object", null, null);
        }
        if (body.has("signedPayload")) {
            return v2(at, Json.text(body, "signedPayload"));
        }
        if (body.has("notification_type")) {
            return v1(at, body);
        }
        return reject(at, ErrorCodes.MALFORMED, "neither a V2 notification ({\"signedPayload\": ...}) nor a V1 one"
            + " (notification_type)", null, null);
    }

    private Answer v2(Instant at, String jws) {
        AppleSignedPayloads.Verification v = verifier.verify(jws == null ? "" : jws, AppleSignedPayloads.Expect.NOTHING);
        String type = v.payload() == null ? null : v.notificationType();
        String id = v.payload() == null ? null : v.notificationUuid();
        if (!v.valid()) {
            String error = AppleSignedPayloads.FORMAT.equals(v.failedStep()) ?
                ErrorCodes.MALFORMED : ErrorCodes.SIGNATURE_MISMATCH;
            return reject(at, error, v.failedStep() + ": " + v.reason(), type, id);
        }
        String bundle = v.bundleId();
        if (!bundleIds.isEmpty() && !bundleIds.contains(bundle)) {
            return reject(at, ErrorCodes.WRONG_APP, "notification for " + bundle + "; this receiver accepts "
                + String.join(", ", bundleIds), type, id);
        }
        ObjectNode detail = Json.object().put("version", "V2").put("environment", v.environment())
            .put("bundle_id", bundle).put("subtype", Json.text(v.payload(), "subtype"));
        Object signed = AppleSignedPayloads.summary(v.payload()).get("signed_date");
        detail.put("signed_date", signed == null ? null : signed.toString());
        if (!AppleNotificationTypes.knownV2(type)) {
            detail.put("known_type", false); // accepted all the same: Apple adds types
        }
        AppleSignedPayloads.billing(v.transaction(), v.renewalInfo())
            .forEach((k, val) -> detail.set(k, Json.mapper().valueToTree(val)));
        return Answer.accepted(LogEntry.accepted(store(), at, type, id, detail));
    }

    private Answer v1(Instant at, JsonNode body) {
        String type = Json.text(body, "notification_type");
        String password = Json.text(body, "password");
        String original = Json.text(body, "original_transaction_id");
        if (original == null) {
            original = Json.text(body.path("unified_receipt").path("latest_receipt_info").path(0),
                "original_transaction_id");
        }
        if (sharedSecret == null) {
            return reject(at, ErrorCodes.SHARED_SECRET_MISMATCH,
                "a V1 notification, but this receiver has no shared secret"
                + " (notif listen --apple-shared-secret)", type, original);
        }
        if (password == null || !MessageDigest.isEqual(password.getBytes(StandardCharsets.UTF_8),
            sharedSecret.getBytes(StandardCharsets.UTF_8))) {
            return reject(at, ErrorCodes.SHARED_SECRET_MISMATCH,
                "the V1 password is not this receiver's shared secret", type,
                original);
        }
        String bundle = Json.text(body, "bid");
        if (!bundleIds.isEmpty() && !bundleIds.contains(bundle)) {
            return reject(at, ErrorCodes.WRONG_APP, "notification for " + bundle + "; this receiver accepts "
                + String.join(", ", bundleIds), type, original);
        }
        ObjectNode detail = Json.object().put("version", "V1").put("environment", Json.text(body, "environment"))
            .put("bundle_id", bundle);
        return Answer.accepted(LogEntry.accepted(store(), at, type, original, detail));
    }

    private Answer reject(Instant at, String error, String message, String type, String id) {
        return Answer.rejected(400, error, message, LogEntry.rejected(store(), at, error, type, id));
    }

    @Override
    public void afterRecorded(LogEntry entry, Inbound request) {
        if (forward == null) {
            return;
        }
        try {
            forward.enqueue(entry.id() == null ? entry.type() : entry.id(), request.header("Content-Type"),
                request.body(), request.receivedAt());
        } catch (IOException e) {
            notice.accept("apple: could not queue " + entry.id() + " for forwarding: " + e.getMessage());
        }
    }

    /**
     * The durable queue that relays accepted notifications to {@code target} after Apple was answered: kept under the
     * data directory, each item tried {@link #FORWARD_ATTEMPTS} times with backoff (about an hour, capped at 10 min
     * between tries) before it is moved to failed/.
     */
    public static ForwardQueue forwardQueue(HttpUrl target, ListenSetup setup) {
        Duration base = RetryPolicy.standard(setup.ctx()).baseDelay().multipliedBy(2); // 1 s unless shortened
        RetryPolicy backoff = new RetryPolicy(FORWARD_ATTEMPTS, base, base.multipliedBy(600));
        try {
            return ForwardQueue.open(new ForwardQueue.Config(target, setup.dataDir().resolve("apple-forward"),
                Http.client(setup.timeout()), backoff, setup.ctx().clock(), setup.notice()));
        } catch (IOException e) {
            throw NotifException.usage("cannot open the forwarding queue in " + setup.dataDir() + ": "
                + e.getMessage(), "make the data directory writable (--data-dir)");
        }
    }

    @Override
    public boolean actsAfterRecording() {
        return forward != null;
    }

    @Override
    public Forwarding forwarding() {
        return forward == null ? null : forward.status();
    }

    @Override
    public void close() {
        if (forward != null) {
            forward.close();
        }
    }
}
