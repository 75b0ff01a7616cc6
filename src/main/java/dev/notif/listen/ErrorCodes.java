package dev.notif.listen;

import dev.notif.probe.Verdict;

/**
 * The error codes of notif's receiver, in one place: the {@code "error"} of its 4xx/5xx bodies
 * ({@code {"error": code, "message": ...}}) and of the rejections in {@code /status}. The store routes answer with
 * them, and the stores' classifiers recognise them in the answers of backends that use the same vocabulary.
 */
public final class ErrorCodes {
    /** The body is not the store's notification at all (or larger than the receiver takes). Every store. */
    public static final String MALFORMED = "malformed";
    /** Stripe-Signature, Apple's JWS chain or SNS's signature does not verify. */
    public static final String SIGNATURE_MISMATCH = "signature_mismatch";
    /** An event or notification type the receiver does not accept (Stripe, Amazon). */
    public static final String UNSUPPORTED_EVENT_TYPE = "unsupported_event_type";
    /** Apple V1: the password is not the app-specific shared secret. */
    public static final String SHARED_SECRET_MISMATCH = "shared_secret_mismatch";
    /** Apple: a bundle id (or appAppleId) the receiver is not set up for. */
    public static final String WRONG_APP = "wrong_app";
    /** Apple: a notification from the other environment (recognised in backends' answers). */
    public static final String ENVIRONMENT_MISMATCH = "environment_mismatch";
    /** Google: a package name the receiver is not set up for. */
    public static final String PACKAGE_MISMATCH = "package_mismatch";
    /** Google: the envelope is fine but the DeveloperNotification in it is not usable. */
    public static final String INVALID_NOTIFICATION = "invalid_notification";
    /** Google: an authenticated push was expected (--google-audience) and its OIDC token is missing or invalid. */
    public static final String UNAUTHENTICATED = "unauthenticated";
    /** Amazon: a TopicArn the receiver does not accept. */
    public static final String TOPIC_MISMATCH = "topic_mismatch";
    /** Amazon: SigningCertURL outside the SNS hosts, or a certificate that does not hold. */
    public static final String CERTIFICATE_REJECTED = "certificate_rejected";
    /** Amazon: the signing certificate could not be fetched (503: SNS retries). */
    public static final String CERTIFICATE_UNAVAILABLE = "certificate_unavailable";
    /** Amazon: visiting the SubscribeURL failed (502). */
    public static final String CONFIRMATION_FAILED = "confirmation_failed";
    /** The receiver: no route for the path. */
    public static final String NOT_FOUND = "not_found";
    /** The receiver: a route called with another method than POST (or GET /status). */
    public static final String METHOD_NOT_ALLOWED = "method_not_allowed";
    /** The receiver: the delivery could not be stored durably (503). */
    public static final String UNAVAILABLE = "unavailable";

    private ErrorCodes() {
    }

    /**
     * The verdict word {@code send} gives for an answer with this code, for human output (one word for one thing: the
     * demo's and status's tables say {@code signature_rejected} where the receiver answered
     * {@code signature_mismatch}); the code itself for the codes no verdict names. JSON keeps the code.
     */
    public static String shown(String code) {
        if (SIGNATURE_MISMATCH.equals(code)) {
            return Verdict.SIGNATURE_REJECTED;
        }
        return UNSUPPORTED_EVENT_TYPE.equals(code) ? Verdict.EVENT_REJECTED : code;
    }
}
