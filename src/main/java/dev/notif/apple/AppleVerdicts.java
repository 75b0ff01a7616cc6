package dev.notif.apple;

import dev.notif.listen.ErrorCodes;
import dev.notif.probe.Classifier;
import dev.notif.probe.NetworkVerdicts;
import dev.notif.probe.Verdict;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How the answer to an Apple notification sent by notif is judged: a pure function of what was sent and what came
 * back. What notif sends is signed by its own test chain, so a receiver that verifies against Apple's root refusing
 * it is the expected outcome, and the verdict says so rather than calling the receiver broken.
 */
public final class AppleVerdicts extends Classifier<AppleDelivery> {
    private static final Pattern SIGNATURE = Pattern.compile(
        "signature|x5c|certificate|cert chain|chain|jws|jwt|verif|trust|root ca|signed ?payload|signing");
    private static final Pattern PASSWORD = Pattern.compile("password|shared secret|shared_secret|secret");
    private static final Pattern BUNDLE = Pattern.compile("bundle|app ?apple ?id|appappleid|wrong app|unknown app");
    private static final Pattern ENVIRONMENT = Pattern.compile("environment|sandbox|production");
    private static final Pattern TYPE = Pattern.compile(
        "notification ?type|unsupported (?:event|notification|type)|unsupported_event|unknown (?:event|notification)"
            + "|not supported");
    private static final Pattern UNKNOWN_PURCHASE = Pattern.compile(
        "original ?transaction|transaction|receipt|subscriber|subscription not found|not (?:yet )?(?:known|found)"
            + "|does not exist|could not find|couldn'?t find");

    /** The classifier of notifications sent by notif (it reads their version, type, bundle id and environment). */
    public static final Classifier<AppleDelivery> CLASSIFIER = new AppleVerdicts();

    private AppleVerdicts() {
        super("Apple");
    }

    @Override
    protected Verdict serverError(AppleDelivery sent, int status) {
        return new Verdict(Verdict.SERVER_ERROR, "the receiver failed with " + status + " while handling the"
            + " notification; Apple counts that as a failed attempt and retries (in production up to five times"
            + " over about three days)", "look at the receiver's logs for this request; it must answer 200 once it"
            + " has stored the notification");
    }

    @Override
    protected Verdict accepted(AppleDelivery delivery, int status) {
        if (delivery.v1()) {
            return new Verdict(Verdict.ACCEPTED, "the endpoint answered " + status + " to a V1 notification; Apple"
                + " counts it as delivered", "nothing to fix; if the backend's last-received time does not move, it"
                + " ignores notifications for purchases it does not know: send one with --original-transaction-id of a"
                + " purchase it tracks");
        }
        return new Verdict(Verdict.ACCEPTED, "the endpoint answered " + status + " to a payload signed by notif's test"
            + " chain: it trusts that root (a test receiver) or does not verify signatures at all",
            "nothing to fix for a test receiver; a production receiver must verify the x5c chain against Apple Root CA"
                + " G3 and refuse this payload (check it with notif verify apple on a real notification)");
    }

    @Override
    protected Verdict rejected(AppleDelivery delivery, int status, String body) {
        AppleNotificationBuilder.Notification sent = delivery.notification();
        String code = NetworkVerdicts.errorCode(body);
        String text = ((code == null ? "" : code + " ") + (body == null ? "" : body)).toLowerCase(Locale.ROOT);

        if (delivery.v1() && (ErrorCodes.SHARED_SECRET_MISMATCH.equals(code) || PASSWORD.matcher(text).find())) {
            return new Verdict(Verdict.SIGNATURE_REJECTED, "the receiver refused the V1 notification's password: the"
                + " app-specific shared secret it holds is missing or not this one",
                "copy the shared secret from App Store Connect > the app > App Information > App-Specific Shared Secret"
                    + " (or the account's primary shared secret) into the receiver, then resend");
        }
        if (!delivery.v1() && (ErrorCodes.SIGNATURE_MISMATCH.equals(code) || SIGNATURE.matcher(text).find())) {
            return new Verdict(Verdict.SIGNATURE_REJECTED, "the receiver refused the signed payload's chain or"
                + " signature: it does not trust notif's test root. That is expected from a receiver that verifies"
                + " against Apple Root CA G3, and it is what a production receiver must do",
                "to test a receiver you control, make it trust " + delivery.testRoot() + " (notif listen --apple-root "
                    + delivery.testRoot() + "); to test a production backend, let Apple send the test notification:"
                    + " notif check apple --bundle-id " + sent.bundleId());
        }
        if (ErrorCodes.WRONG_APP.equals(code) || BUNDLE.matcher(text).find()) {
            return new Verdict(Verdict.REJECTED, "the receiver is not set up for bundle id " + sent.bundleId()
                + " (or for this appAppleId)", "send with the bundle id configured in the backend (--bundle-id), or add"
                + " this app to it");
        }
        if (ErrorCodes.ENVIRONMENT_MISMATCH.equals(code) || ENVIRONMENT.matcher(text).find()) {
            return new Verdict(Verdict.REJECTED, "the receiver refuses " + sent.environment().word()
                + " notifications: it is set up for the other environment", "send with --environment "
                + (sent.environment() == AppleEnvironment.SANDBOX ? "production" : "sandbox")
                + ", or point Apple's " + sent.environment().word() + " URL at the receiver that handles it");
        }
        if (ErrorCodes.UNSUPPORTED_EVENT_TYPE.equals(code) || TYPE.matcher(text).find()) {
            return new Verdict(Verdict.EVENT_REJECTED, "the receiver refuses notifications of type " + sent.type(),
                "receivers must answer 200 to every type Apple sends, including TEST, and ignore those they do not use;"
                    + " otherwise Apple keeps retrying them");
        }
        if (ErrorCodes.MALFORMED.equals(code)) {
            return new Verdict(Verdict.REJECTED, "the receiver could not read the body as an App Store Server"
                + " Notification " + sent.version(), "check that the URL is the receiver's Apple endpoint and that it"
                + " is set up for " + sent.version() + " (notif setup apple --bundle-id ID --url URL --version " + sent.version() + ")");
        }
        if (UNKNOWN_PURCHASE.matcher(text).find()) {
            return new Verdict(Verdict.REJECTED, "the receiver does not know this purchase (original transaction id):"
                + " the app never sent it the receipt or transaction", "send with --original-transaction-id of a"
                + " purchase the backend already tracks, or make a sandbox purchase first");
        }
        Verdict generic = NetworkVerdicts.httpRejection(status, "Apple", "App Store Server Notifications carry no"
            + " credentials in headers: the signed payload is the proof");
        if (generic != null) {
            return generic;
        }
        return new Verdict(Verdict.REJECTED, "the receiver answered " + status + " without saying why",
            "look at the receiver's logs for this request; notif verify apple explains a payload step by step");
    }
}
