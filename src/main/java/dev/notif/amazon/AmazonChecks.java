package dev.notif.amazon;

import dev.notif.core.Seconds;
import dev.notif.output.Check;
import dev.notif.probe.Outcome;
import dev.notif.probe.Reachability;
import dev.notif.probe.Sent;
import dev.notif.probe.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The judgement of {@code notif check amazon}: a pure function of what the endpoint did with notif's messages
 * ({@link Observations}) to the contract's checks, plus {@code amazon.signature.enforced}.
 */
public final class AmazonChecks {
    public static final String REACHABLE = "amazon.endpoint.reachable";
    public static final String ANSWERED = "amazon.confirmation.answered";
    public static final String FOLLOWED = "amazon.confirmation.followed";
    public static final String NOTIFICATION = "amazon.notification.answered";
    public static final String SIGNATURE = "amazon.signature.enforced";

    private static final String PARSE_RAW = "read the raw request body and parse it as JSON whatever its Content-Type"
        + " (SNS sends text/plain; charset=UTF-8), then dispatch on its Type";
    private static final String CONFIRM = "on Type=SubscriptionConfirmation, check that SubscribeURL is"
        + " https://sns.<region>.amazonaws.com/... and GET it exactly as given (or paste the message's Token into the"
        + " endpoint's Confirmation token field in Amazon's Developer Console)";

    /**
     * What happened: the SubscriptionConfirmation sent as SNS sends it (text/plain) and whether its SubscribeURL was
     * fetched within {@code wait}; the same confirmation sent as application/json when the first was not followed
     * (null when not tried); the Notification (null when not sent); whether the endpoint fetched notif's signing
     * certificate, whether it visited a SubscribeURL with a token notif never sent, and how long notif waited for the
     * SubscribeURL in all (both confirmations).
     */
    public record Observations(String url, String notificationType, Sent<AmazonDelivery> confirmationSent,
                               boolean followed, Sent<AmazonDelivery> jsonConfirmationSent, boolean jsonFollowed,
                               Sent<AmazonDelivery> notificationSent, boolean certificateFetched,
                               boolean foreignTokenVisited, Duration waited) {
        Outcome confirmation() {
            return confirmationSent.outcome();
        }

        Outcome jsonConfirmation() {
            return jsonConfirmationSent == null ? null : jsonConfirmationSent.outcome();
        }

        Outcome notification() {
            return notificationSent == null ? null : notificationSent.outcome();
        }
    }

    private AmazonChecks() {
    }

    public static List<Check> evaluate(Observations o) {
        List<Check> checks = new ArrayList<>();
        Check reachable = reachable(o);
        checks.add(reachable);
        if (reachable.failed()) {
            String why = "not tried: the endpoint could not be reached";
            checks.add(Check.skip(ANSWERED, why));
            checks.add(Check.skip(FOLLOWED, why));
            checks.add(Check.skip(NOTIFICATION, why));
            checks.add(Check.skip(SIGNATURE, why));
            return checks;
        }
        checks.add(answered(o));
        checks.add(followed(o));
        checks.add(notification(o));
        checks.add(signature(o));
        return checks;
    }

    private static Check reachable(Observations o) {
        return Reachability.check(REACHABLE, AmazonVerdicts.WHO, o.confirmation(), c -> {
            if (o.url().toLowerCase(Locale.ROOT).startsWith("http://")) {
                return Check.warn(REACHABLE, "answers HTTP " + c.status() + ", but over plain http: Amazon delivers"
                    + " Real-time Notifications only to an https:// endpoint", "serve the endpoint over HTTPS with a"
                    + " certificate from a public CA (fine as it is for a local receiver)");
            }
            return Check.pass(REACHABLE, "answers HTTPS (HTTP " + c.status() + " in " + c.latencyMs() + " ms)");
        });
    }

    private static Check answered(Observations o) {
        Outcome c = o.confirmation();
        Check check;
        if (c.is2xx()) {
            check = Check.pass(ANSWERED, "answered " + c.status() + " to a SubscriptionConfirmation");
        } else if (AmazonVerdicts.signatureRefusal(c)) {
            check = Check.warn(ANSWERED, "refused the SubscriptionConfirmation for its signature (HTTP " + c.status()
                + "), as an endpoint that verifies SNS signatures should: notif's certificate is not Amazon's",
                "nothing to fix if it verifies SNS signatures; to test its confirmation handling, run notif against a"
                    + " development instance that trusts notif's certificate URL, or add the endpoint in Amazon's console"
                    + " and see it say Verified");
        } else if (o.jsonConfirmation() != null && o.jsonConfirmation().is2xx()) {
            check = Check.fail(ANSWERED, "answered " + c.status() + " to the SubscriptionConfirmation as SNS sends it"
                + " (text/plain) but " + o.jsonConfirmation().status() + " to the same message sent as application/json:"
                + " it refuses SNS's text/plain body. Amazon does not retry a 4xx: the endpoint stays unverified",
                PARSE_RAW).detail("json_http_status", o.jsonConfirmation().status());
        } else {
            Verdict v = o.confirmationSent().verdict();
            check = Check.fail(ANSWERED, v.cause() + asJson(o, ""), v.fix()).detail("verdict", v.verdict());
        }
        return check.detail("http_status", c.status()).detail("response_body", c.shownBody());
    }

    /**
     * What the application/json resend of the confirmation adds to a finding: {@code answered} when it got an answer,
     * and when it got none, that it tells nothing (no answer is never read as a refusal).
     */
    private static String asJson(Observations o, String answered) {
        Outcome json = o.jsonConfirmation();
        if (json == null) {
            return "";
        }
        return json.answered() ? answered : "; the same confirmation sent as application/json got no answer ("
            + json.failure().detail() + "), so whether the endpoint reads a JSON body could not be told";
    }

    private static Check followed(Observations o) {
        long waited = o.waited().toMillis();
        if (o.followed()) {
            return Check.pass(FOLLOWED, "fetched the SubscribeURL: Amazon's console would now say Verified")
                .detail("content_type", SnsMessage.CONTENT_TYPE);
        }
        if (AmazonVerdicts.signatureRefusal(o.confirmation())) {
            return Check.skip(FOLLOWED, "cannot be tested: the endpoint (rightly) refuses confirmations that SNS did not"
                + " sign");
        }
        if (o.jsonFollowed()) {
            return Check.fail(FOLLOWED, "fetched the SubscribeURL only when the confirmation was sent as"
                + " application/json: it ignores the body SNS sends as text/plain, so Amazon's real confirmation goes"
                + " unanswered and the console never says Verified", PARSE_RAW)
                .detail("content_type", "application/json");
        }
        if (o.foreignTokenVisited()) {
            return Check.fail(FOLLOWED, "visited a SubscribeURL with a Token notif did not send: it builds or alters the"
                + " URL instead of fetching SubscribeURL as given", CONFIRM);
        }
        if (o.confirmation().is2xx()) {
            return Check.fail(FOLLOWED, "answered " + o.confirmation().status() + " but did not fetch the SubscribeURL"
                + " in the " + Seconds.text(o.waited()) + " notif waited" + asJson(o, " (nor when sent again as"
                + " application/json)") + ": Amazon's console keeps the endpoint unverified and sends no notifications",
                CONFIRM).detail("waited_ms", waited);
        }
        return Check.fail(FOLLOWED, "did not fetch the SubscribeURL: it refused the confirmation (see "
            + ANSWERED + ")", CONFIRM).detail("waited_ms", waited);
    }

    private static Check notification(Observations o) {
        Outcome n = o.notification();
        String type = o.notificationType();
        Check check;
        if (n == null) {
            return Check.skip(NOTIFICATION, "not sent");
        }
        if (n.is2xx()) {
            check = o.jsonFollowed() && !o.followed()
                ? Check.warn(NOTIFICATION, "answered " + n.status() + " to a " + type + " notification, but it ignores"
                    + " text/plain bodies (see " + FOLLOWED + "): the notification was most likely not read", PARSE_RAW)
                : Check.pass(NOTIFICATION, "answered " + n.status() + " to a " + type + " notification");
        } else if (AmazonVerdicts.signatureRefusal(n)) {
            check = Check.warn(NOTIFICATION, "refused the notification for its signature (HTTP " + n.status() + "), as"
                + " an endpoint that verifies SNS signatures should: notif's certificate is not Amazon's",
                "nothing to fix if it verifies SNS signatures");
        } else {
            Verdict v = o.notificationSent().verdict();
            check = Check.fail(NOTIFICATION, v.cause(), v.fix()).detail("verdict", v.verdict());
        }
        return check.detail("http_status", n.status()).detail("response_body", n.shownBody());
    }

    private static Check signature(Observations o) {
        boolean accepted = o.confirmation().is2xx() || o.notification() != null && o.notification().is2xx()
            || o.jsonConfirmation() != null && o.jsonConfirmation().is2xx();
        boolean refused = AmazonVerdicts.signatureRefusal(o.confirmation())
            || o.notification() != null && AmazonVerdicts.signatureRefusal(o.notification());
        if (accepted) {
            String how = o.certificateFetched() ? "it fetched that certificate, so it checks signatures but not where"
                + " the certificate comes from" : "it never fetched that certificate, so it does not check signatures";
            return Check.warn(SIGNATURE, "accepted messages signed by notif's throwaway certificate, served outside the"
                + " SNS hosts: " + how + "; anyone who knows the URL can forge purchases", "before trusting a message,"
                + " require SigningCertURL to be https://sns.<region>.amazonaws.com/....pem and verify the signature over"
                + " the string to sign (expected to warn on a local receiver told to trust notif's test certificates)")
                .detail("certificate_fetched", o.certificateFetched());
        }
        if (refused) {
            return Check.pass(SIGNATURE, "refused messages signed by a certificate outside the SNS hosts")
                .detail("certificate_fetched", o.certificateFetched());
        }
        return Check.skip(SIGNATURE, "cannot be told: the endpoint refused the messages for other reasons");
    }
}
