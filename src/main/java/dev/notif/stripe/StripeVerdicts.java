package dev.notif.stripe;

import dev.notif.listen.ErrorCodes;
import dev.notif.probe.Classifier;
import dev.notif.probe.NetworkVerdicts;
import dev.notif.probe.Verdict;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a Stripe delivery's answer is judged: a pure function of what was sent and what came back.
 * The causes are the known ones: a secret that is missing or not identical, an event outside the accepted set,
 * a receipt (subscription) the backend does not know yet, test mode, an account not connected.
 */
public final class StripeVerdicts extends Classifier<StripeDelivery> {
    static final String DASHBOARD_SECRET = "Stripe Dashboard > Developers > Webhooks > the endpoint > Signing secret > Reveal";

    private static final Pattern SIGNATURE = Pattern.compile(
        "signature|signing secret|webhook secret|\\bsecret\\b|hmac|timestamp outside|tolerance");
    private static final Pattern EVENT = Pattern.compile(
        "event type|unsupported event|unsupported_event|event not supported|not a supported event|unknown event"
            + "|unhandled event|event is not allowed|not allowed event|invalid event");
    private static final Pattern RECEIPT = Pattern.compile(
        "receipt|purchase token|stripe token|unknown subscription|subscription not found|no such subscription"
            + "|unknown customer|customer not found|no such customer|not (?:yet )?(?:known|tracked|found)|does not exist"
            + "|couldn'?t find|could not find");
    private static final Pattern TEST_MODE = Pattern.compile("test mode|testmode|livemode|live mode|sandbox");
    private static final Pattern NOT_CONNECTED = Pattern.compile(
        "not connected|no (?:stripe )?account|account (?:is )?not|connect (?:your|the) stripe|stripe app");

    /** The classifier of Stripe deliveries (it reads the event type and mode of what was sent). */
    public static final Classifier<StripeDelivery> CLASSIFIER = new StripeVerdicts();

    private StripeVerdicts() {
        super("Stripe");
    }

    @Override
    protected Verdict accepted(StripeDelivery sent, int status) {
        return new Verdict(Verdict.ACCEPTED, "the endpoint answered " + status + "; Stripe counts this delivery"
            + " as delivered", "nothing to fix; if the backend's last-received time does not move, it does not track"
            + " this subscription yet (it answers 200 and ignores it): send one with --subscription and --customer"
            + " of a subscription it knows");
    }

    @Override
    protected Verdict serverError(StripeDelivery sent, int status) {
        return new Verdict(Verdict.SERVER_ERROR, "the backend failed with " + status + " while handling the event;"
            + " Stripe retries such deliveries with backoff for up to 3 days, then disables the endpoint if they"
            + " keep failing", "look at the backend's logs or status page for this request; resend once it is fixed");
    }

    @Override
    protected Verdict rejected(StripeDelivery sent, int status, String body) {
        String code = NetworkVerdicts.errorCode(body);
        String text = (body == null ? "" : body).toLowerCase(Locale.ROOT);
        boolean allowed = StripeEvents.isAllowed(sent.eventType(), true);

        if (ErrorCodes.SIGNATURE_MISMATCH.equals(code) || code == null && SIGNATURE.matcher(text).find()) {
            if (text.contains("tolerance") || text.contains("timestamp")) {
                return new Verdict(Verdict.SIGNATURE_REJECTED, "the backend refused the signature's timestamp: it is"
                    + " older than its tolerance (Stripe's libraries allow 300 s)", "check the clocks of this machine and"
                    + " the backend (NTP); do not pass an old --timestamp");
            }
            return new Verdict(Verdict.SIGNATURE_REJECTED, "the backend could not verify the Stripe-Signature with the"
                + " secret it holds: its webhook signing secret is missing or not identical to this one (rotated, from"
                + " another endpoint or mode, pasted with a space or a newline)",
                "copy the endpoint's signing secret from " + DASHBOARD_SECRET + " into the backend's Stripe settings,"
                    + " character for character, then resend; if it already matches, the backend may verify a re-serialized body"
                    + " instead of the raw bytes: notif check stripe --url URL --secret whsec_... tells the two apart");
        }
        if (ErrorCodes.UNSUPPORTED_EVENT_TYPE.equals(code) || code == null && EVENT.matcher(text).find()) {
            if (StripeEvents.NEW_PURCHASES.contains(sent.eventType())) {
                return new Verdict(Verdict.EVENT_REJECTED, "the backend refuses " + sent.eventType() + ": it accepts it"
                    + " only when \"track new purchases from server-to-server notifications\" is on",
                    "turn that option on in the backend, or remove " + sent.eventType() + " from the endpoint"
                        + " (notif setup stripe --url URL)");
            }
            return new Verdict(Verdict.EVENT_REJECTED, "the backend refuses events of type " + sent.eventType()
                + "; it accepts only " + String.join(", ", StripeEvents.CORE) + " (and "
                + String.join(", ", StripeEvents.NEW_PURCHASES) + " when tracking new purchases). Stripe keeps"
                + " retrying refused events and ends up disabling the endpoint",
                "make the endpoint send exactly the accepted events: notif setup stripe --url URL");
        }
        if (ErrorCodes.MALFORMED.equals(code)) {
            return new Verdict(Verdict.REJECTED, "the backend could not read the delivery as a Stripe event",
                "if you passed --data, check that it is a Stripe object or event; otherwise report it");
        }
        if (TEST_MODE.matcher(text).find()) {
            return new Verdict(Verdict.REJECTED, "the backend refuses events of this mode: a "
                + (sent.livemode() ? "live" : "test") + "-mode event reached a backend set up for the other mode",
                "point test-mode endpoints at the backend's sandbox/test configuration and live ones at production,"
                    + " each with its own signing secret");
        }
        if (NOT_CONNECTED.matcher(text).find()) {
            return new Verdict(Verdict.REJECTED, "the backend has no connected Stripe account for this event",
                "connect the Stripe account in the backend's settings (install its Stripe app), then resend");
        }
        if (RECEIPT.matcher(text).find()) {
            return new Verdict(Verdict.REJECTED, "the backend does not know this subscription or customer yet: the"
                + " purchase (receipt / Stripe token) was never sent to it, so it answers 400 until it is",
                "have the app or server post the purchase to the backend first, or resend with --subscription and"
                    + " --customer of a subscription the backend already tracks");
        }
        String unknown = "the backend answered " + status + " without saying why; notif cannot tell whether it refused"
            + " the secret, the event type or the subscription";
        if (!allowed) {
            unknown += " (most likely the event type: " + sent.eventType() + " is outside the accepted set)";
        } else {
            Verdict plain = NetworkVerdicts.httpRejection(status, "Stripe",
                "Stripe authenticates with the Stripe-Signature header");
            if (plain != null) {
                return plain;
            }
        }
        return new Verdict(Verdict.REJECTED, unknown, "run notif check stripe --url URL --secret SECRET: its"
            + " differential probe (this secret and a random one) tells a wrong secret from a refused payload");
    }
}
