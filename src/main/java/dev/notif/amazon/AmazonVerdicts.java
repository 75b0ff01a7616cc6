package dev.notif.amazon;

import dev.notif.probe.Classifier;
import dev.notif.probe.NetworkVerdicts;
import dev.notif.probe.Outcome;
import dev.notif.probe.Verdict;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How the answer to an SNS message is judged: a pure function of what was sent and what came back. What sets
 * Amazon apart: SNS retries only server errors and network failures; a 4xx drops the message for good; bodies are
 * JSON sent as {@code text/plain}; and notif's messages are signed with a throwaway certificate, so a backend that
 * verifies SNS signatures is right to refuse them.
 */
public final class AmazonVerdicts extends Classifier<AmazonDelivery> {
    static final String WHO = "Amazon SNS";

    private static final Pattern SIGNATURE = Pattern.compile(
        "signature|signing ?cert|certificate|not (?:from|signed by) (?:amazon|sns|aws)|untrusted|forged|sns host"
            + "|amazonaws|certificate_rejected|signature_mismatch");
    private static final Pattern CONTENT_TYPE = Pattern.compile(
        "content[- ]?type|media type|text/plain|application/json|expected json|invalid json|malformed json|not valid json"
            + "|json parse|parse error|unexpected token|unexpected end|could not parse|cannot parse|unable to parse"
            + "|no body|empty body|body is empty|missing body|body required|request body");
    private static final Pattern EVENT = Pattern.compile(
        "notification ?type|unsupported (?:notification|event|type)|unknown (?:notification|event|type)"
            + "|unsupported_event_type");
    private static final Pattern RECEIPT = Pattern.compile(
        "receipt|unknown (?:user|subscription|customer|app)|(?:user|subscription|customer|app) not found|no such"
            + "|not (?:yet )?(?:known|tracked)|rvs|shared secret|package name");

    /** The classifier of SNS messages sent by notif (it reads their type and RTN notification type). */
    public static final Classifier<AmazonDelivery> CLASSIFIER = new AmazonVerdicts();

    private AmazonVerdicts() {
        super(WHO);
    }

    /** The endpoint refused the message for its signature or certificate (as a careful backend does with notif's). */
    public static boolean signatureRefusal(Outcome o) {
        return o.answered() && o.status() >= 400 && o.status() < 500 && SIGNATURE.matcher(lower(o.body())).find();
    }

    /** The endpoint could not read the body it got, or refused its Content-Type. */
    public static boolean contentTypeRefusal(Outcome o) {
        return o.answered() && (o.status() == 415 || o.status() >= 400 && o.status() < 500
            && !signatureRefusal(o) && CONTENT_TYPE.matcher(lower(o.body())).find());
    }

    private static String what(AmazonDelivery sent) {
        return sent.confirmation() ? "SubscriptionConfirmation" : sent.notificationType() + " notification";
    }

    @Override
    protected Verdict accepted(AmazonDelivery sent, int status) {
        return new Verdict(Verdict.ACCEPTED, "the endpoint answered " + status + " to the " + what(sent) + "; SNS"
            + " counts it as delivered. It accepted a message signed by notif's throwaway certificate (not an SNS"
            + " host's): unless it was told to trust notif's test certificates, it does not verify SNS signatures",
            sent.confirmation() ? "a 2xx is not enough for Amazon's console to say \"Verified\": the endpoint must"
                + " also fetch the SubscribeURL; notif check amazon --url URL tells whether it does"
                : "make sure the backend recorded it (its last-received time); a 2xx alone does not show that it"
                + " read the text/plain body");
    }

    @Override
    protected Verdict serverError(AmazonDelivery sent, int status) {
        return new Verdict(Verdict.SERVER_ERROR, "the backend failed with " + status + " on the " + what(sent)
            + "; SNS retries server errors (by default 3 more times, 20 s apart, for HTTP/S endpoints), then drops"
            + " the message", "look at the backend's logs for this request; Amazon redelivers only while its"
            + " retries last");
    }

    @Override
    protected Verdict rejected(AmazonDelivery sent, int status, String body) {
        String what = what(sent);
        String text = lower(body);
        String lost = sent.confirmation() ? " Amazon does not retry a 4xx: the confirmation is dropped and the endpoint"
            + " stays unverified in Amazon's console until it is submitted again."
            : " Amazon does not retry a 4xx: a real notification answered this way is dropped, not redelivered.";
        if (SIGNATURE.matcher(text).find()) {
            return new Verdict(Verdict.SIGNATURE_REJECTED, "the endpoint refused the SNS signature or its certificate:"
                + " expected, because notif signs with a throwaway certificate it serves itself, outside"
                + " sns.<region>.amazonaws.com, and a backend that verifies SNS messages refuses it." + lost,
                "nothing to fix on a backend that verifies SNS signatures (real Amazon messages pass); to see a"
                    + " message accepted, send it to notif listen started with --amazon-cert-url-prefix http://127.0.0.1:");
        }
        if (status == 415 || CONTENT_TYPE.matcher(text).find()) {
            return new Verdict(Verdict.REJECTED, "the endpoint could not read the body or refused its Content-Type:"
                + " SNS sends JSON as text/plain; charset=UTF-8, which many frameworks do not parse as JSON." + lost,
                "read the raw request body and parse it as JSON whatever the Content-Type (or accept text/plain on"
                    + " this route)");
        }
        if (EVENT.matcher(text).find()) {
            return new Verdict(Verdict.EVENT_REJECTED, "the backend refuses notifications of type "
                + sent.notificationType() + "." + lost, "handle every RTN type Amazon sends ("
                + String.join(", ", RtnTypes.names()) + "), answering 200 to those it does not use");
        }
        if (RECEIPT.matcher(text).find()) {
            return new Verdict(Verdict.REJECTED, "the backend does not know this purchase: notif's receipt and user ids"
                + " are made up, and a backend that looks them up with Amazon's Receipt Verification Service refuses"
                + " them." + lost, "expected for notif's made-up purchase; pass --receipt-id and --app-user-id of a purchase"
                + " the backend knows, or check that the backend's Amazon shared secret and package name are set");
        }
        Verdict plain = NetworkVerdicts.httpRejection(status, WHO,
            "SNS authenticates with the message signature (no header, no credentials)");
        if (plain != null) {
            return new Verdict(plain.verdict(), plain.cause() + "." + lost, plain.fix());
        }
        return new Verdict(Verdict.REJECTED, "the backend answered " + status + " to the " + what + " without saying"
            + " why." + lost, "look at the backend's logs for this request; notif check amazon --url URL tells a"
            + " signature refusal from a body the endpoint cannot read");
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
