package dev.notif.stripe;

import dev.notif.core.Secrets;
import dev.notif.output.Check;
import dev.notif.probe.NetworkVerdicts;
import dev.notif.probe.Outcome;
import dev.notif.probe.Sender;
import dev.notif.probe.Sent;
import dev.notif.probe.Verdict;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code stripe.secret.accepted}: the differential probe. The same event is delivered twice, signed once with a random
 * secret and once with the given one; only the signature differs, so a difference in the answers is the secret's
 * doing. Accepted vs refused: the backend holds this secret. Refused the same way: it holds another one, or it refuses
 * everything before checking signatures. Refused differently: the secret is right and the payload is refused for
 * another reason (an unknown subscription, say), whose body is shown.
 */
public final class StripeSecretProbe {
    public static final String ID = "stripe.secret.accepted";
    private static final Pattern VOLATILE = Pattern.compile(
        "\\b(?:evt|req|sub|cus|in|ch|cs|we)_[A-Za-z0-9]+|[0-9a-fA-F-]{8,}|\\d+");

    private final Sender sender;

    public StripeSecretProbe(Sender sender) {
        this.sender = sender;
    }

    /** Sends both deliveries (random secret first) and judges them. */
    public Check run(String url, String secret, String subscription, String customer, boolean livemode, Instant now) {
        var options = new StripeEventBuilder.Options(StripeEvents.DEFAULT_TYPE, customer, subscription, livemode, now,
            null);
        var event = StripeEventBuilder.build(options);
        String random = StripeEventBuilder.id("whsec_", 32);
        Sent<StripeDelivery> withRandom = sender.send(StripeDelivery.of(url, random, event, now.getEpochSecond()),
            StripeVerdicts.CLASSIFIER);
        Sent<StripeDelivery> withSecret = sender.send(StripeDelivery.of(url, secret, event, now.getEpochSecond()),
            StripeVerdicts.CLASSIFIER);
        return judge(withSecret, withRandom);
    }

    /** The judgement: a pure function of the two answers. */
    public static Check judge(Sent<StripeDelivery> withSecret, Sent<StripeDelivery> withRandom) {
        Outcome a = withSecret.outcome();
        Outcome b = withRandom.outcome();
        Verdict v = withSecret.verdict();
        Check check;
        if (!a.answered() || a.status() >= 300 && a.status() < 400) {
            check = Check.fail(ID, "the delivery signed with this secret got no usable answer: " + v.cause(), v.fix());
        } else if (a.is2xx() && !b.is2xx()) {
            check = Check.pass(ID, "accepted (HTTP " + a.status() + ") when signed with this secret and refused (HTTP "
                + statusOf(b) + ") with a random one: the backend holds this secret");
        } else if (a.is2xx()) {
            check = Check.warn(ID, "accepted when signed with this secret and also with a random one: the endpoint does"
                + " not check Stripe signatures (or answers before checking them), so anyone can post events to it",
                "verify the Stripe-Signature header with the endpoint's secret before accepting a delivery (Stripe's"
                    + " libraries: Webhook.constructEvent / stripe.webhooks.constructEvent) and answer 400 when it fails");
        } else if (b.is2xx()) {
            check = Check.fail(ID, "refused (HTTP " + a.status() + ") when signed with this secret but accepted with a"
                + " random one: the endpoint's answers are not about the signature", "look at the backend's logs for"
                + " these two deliveries (event " + withSecret.delivery().eventId() + ")");
        } else if (sameAnswer(a, b)) {
            check = refusedAlike(a, v);
        } else {
            check = Check.warn(ID, "the secret is right: the backend refused a random secret (HTTP " + statusOf(b)
                + ") but answered this one differently (HTTP " + a.status() + "), so it verified the signature and then "
                + (a.status() >= 500 ? "failed while handling the event" : "refused the payload for another reason")
                + ": " + v.cause(), v.fix());
        }
        return check.details(details(withSecret, withRandom)).detail(CONFIRMED, confirms(a, b));
    }

    /** Detail key: true when the two answers show that the backend holds the secret (what rotate waits for). */
    public static final String CONFIRMED = "secret_confirmed";

    /** Accepted vs refused, or both refused differently (the signature passed, the payload did not). */
    static boolean confirms(Outcome a, Outcome b) {
        boolean usable = a.answered() && !(a.status() >= 300 && a.status() < 400) && b.answered();
        return usable && (a.is2xx() && !b.is2xx() || !a.is2xx() && !b.is2xx() && !sameAnswer(a, b));
    }

    /** Whether a {@link #judge} result shows the backend holds the secret. */
    public static boolean confirmed(Check probe) {
        return Boolean.TRUE.equals(probe.details().get(CONFIRMED));
    }

    private static Check refusedAlike(Outcome a, Verdict v) {
        String answer = "HTTP " + a.status() + (a.bodyStart(80) == null || a.bodyStart(80).isEmpty() ? ""
            : " " + Secrets.scrub(a.bodyStart(80)).replace("\n", " "));
        if (Verdict.SIGNATURE_REJECTED.equals(v.verdict())) {
            return Check.fail(ID, "the backend holds a different secret: this secret and a random one were refused the"
                + " same way (" + answer + ")", v.fix());
        }
        if (a.status() >= 500 || NetworkVerdicts.httpRejection(a.status(), "Stripe", "") != null) {
            return Check.fail(ID, "the receiver refuses every delivery before checking signatures (" + answer
                + " with this secret and with a random one): " + v.cause(), v.fix());
        }
        return Check.fail(ID, "this secret and a random one were refused the same way (" + answer + "): the backend"
            + " holds a different secret, or it refuses every delivery before checking signatures; its answer does not"
            + " tell which", "copy the endpoint's signing secret from " + StripeVerdicts.DASHBOARD_SECRET + " into the"
            + " backend, character for character; if it already matches, look at the backend's logs for event types or"
            + " subscriptions it refuses");
    }

    /** Same status and the same body once ids, numbers and hex are masked. */
    static boolean sameAnswer(Outcome a, Outcome b) {
        return a.answered() && b.answered() && a.status().equals(b.status()) && masked(a.body()).equals(masked(b.body()));
    }

    private static String masked(String body) {
        return body == null ? "" : VOLATILE.matcher(body.strip()).replaceAll("#");
    }

    private static String statusOf(Outcome o) {
        return o.answered() ? String.valueOf(o.status()) : "no answer";
    }

    private static Map<String, Object> details(Sent<StripeDelivery> withSecret, Sent<StripeDelivery> withRandom) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("event_type", withSecret.delivery().eventType());
        d.put("event_id", withSecret.delivery().eventId());
        d.put("with_secret", answer(withSecret));
        d.put("with_random_secret", answer(withRandom));
        return d;
    }

    /** One of the two answers in the details; {@code body} is the network failure when there was no answer. */
    record Answer(Integer httpStatus, String verdict, long latencyMs, String body) {
    }

    private static Answer answer(Sent<StripeDelivery> sent) {
        Outcome o = sent.outcome();
        return new Answer(o.status(), sent.verdict().verdict(), o.latencyMs(),
            o.answered() ? o.shownBody() : Secrets.scrub(o.failure().detail()));
    }
}
