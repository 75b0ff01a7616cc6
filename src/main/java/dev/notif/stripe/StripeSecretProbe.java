package dev.notif.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.core.Secrets;
import dev.notif.output.Check;
import dev.notif.probe.NetworkVerdicts;
import dev.notif.probe.Outcome;
import dev.notif.probe.Sender;
import dev.notif.probe.Sent;
import dev.notif.probe.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * {@code stripe.secret.accepted}: the differential probe. The same event is delivered twice, signed once with a random
 * secret and once with the given one; only the signature differs, so a difference in the answers is the secret's
 * doing. Accepted vs refused: the backend holds this secret. Refused the same way: it holds another one, or it refuses
 * everything before checking signatures. Refused differently: the secret is right and the payload is refused for
 * another reason (an unknown subscription, say), whose body is shown.
 *
 * <p>Only answers count as evidence: a delivery that got no answer, or a server error to the random-secret one, makes
 * the judgement inconclusive, and the check says what it could not tell. When the secret looks wrong, further
 * deliveries tell the classic receiver mistakes from a wrong secret, each signed with the same secret and differing in
 * one thing: the body as a re-serializer writes it (compact JSON as JSON.stringify and most serializers write it,
 * Python's json.dumps), the HMAC keyed by the base64-decoded part after {@code whsec_} (as Standard Webhooks and Svix
 * libraries do), a timestamp from the receiver's clock when its Date header is minutes ahead. When the secret is
 * right, one more delivery carries two v1 signatures, the random one first, as Stripe sends during a secret roll: a
 * receiver that checks only the first one refuses it.
 */
public final class StripeSecretProbe {
    public static final String ID = "stripe.secret.accepted";
    /** A receiver clock this far ahead makes Stripe's signatures look older than its 300 s tolerance. */
    static final Duration SKEW = Duration.ofSeconds(240);
    private static final Pattern VOLATILE = Pattern.compile(
        "\\b(?:evt|req|sub|cus|in|ch|cs|we)_[A-Za-z0-9]+|[0-9a-fA-F-]{8,}|\\d+");

    /** What each further delivery tried, as named in {@code details} and {@code details.cause_code}. */
    static final String COMPACT = "compact_body";
    static final String PYTHON = "python_body";
    static final String DECODED = "decoded_secret";
    static final String RECEIVER_CLOCK = "receiver_clock";
    static final String TWO_SIGNATURES = "two_signatures";

    private final Sender sender;

    public StripeSecretProbe(Sender sender) {
        this.sender = sender;
    }

    /** Sends one more delivery of the probe: the one that tries {@code what} (COMPACT, DECODED, ...). */
    interface Deliveries {
        Sent<StripeDelivery> send(String what);
    }

    /** Sends the deliveries (random secret first, then this one, then what the answers call for) and judges them. */
    public Check run(String url, String secret, String subscription, String customer, boolean livemode, Instant now) {
        return probe(url, secret, subscription, customer, livemode, now, true);
    }

    /**
     * Only the two deliveries, judged: whether the backend holds the secret, without the further deliveries that name
     * receiver mistakes (what a rotation polls for, again and again, while the backend still holds the old secret).
     */
    public Check confirm(String url, String secret, String subscription, String customer, boolean livemode,
                         Instant now) {
        return probe(url, secret, subscription, customer, livemode, now, false);
    }

    private Check probe(String url, String secret, String subscription, String customer, boolean livemode, Instant now,
                        boolean diagnose) {
        var options = new StripeEventBuilder.Options(StripeEvents.DEFAULT_TYPE, customer, subscription, livemode, now,
            null);
        JsonNode event = StripeEventBuilder.build(options);
        long t = now.getEpochSecond();
        String random = StripeEventBuilder.id("whsec_", 32);
        Sent<StripeDelivery> withRandom = send(StripeDelivery.of(url, random, event, t));
        Sent<StripeDelivery> withSecret = send(StripeDelivery.of(url, secret, event, t));
        Deliveries further = what -> switch (what) {
            case COMPACT -> send(StripeDelivery.signed(url, secret, event, t, StripeBodies.compact(event)));
            case PYTHON -> send(StripeDelivery.signed(url, secret, event, t, StripeBodies.pythonDumps(event)));
            case DECODED -> send(StripeDelivery.of(url, secret, event, t).signedWith(decodedKey(secret)));
            case RECEIVER_CLOCK -> send(StripeDelivery.of(url, secret, event,
                t + receiverAhead(withSecret.outcome(), now).getSeconds()));
            case TWO_SIGNATURES -> {
                // a new event (a receiver may answer a repeated id from its cache), signed as during a secret roll
                JsonNode again = StripeEventBuilder.build(options);
                StripeDelivery d = StripeDelivery.of(url, secret, again, t);
                yield send(d.withSignature("t=" + t + ",v1=" + StripeSignature.hmacHex(random, t, d.body()) + ",v1="
                    + StripeSignature.hmacHex(secret, t, d.body())));
            }
            default -> throw new IllegalArgumentException(what);
        };
        return judge(withSecret, withRandom, now, secret, diagnose ? further : null);
    }

    private Sent<StripeDelivery> send(StripeDelivery d) {
        return sender.send(d, StripeVerdicts.CLASSIFIER);
    }

    /** The judgement of the first two answers alone (no further delivery is sent). */
    public static Check judge(Sent<StripeDelivery> withSecret, Sent<StripeDelivery> withRandom) {
        return judge(withSecret, withRandom, Instant.now(), null, null);
    }

    /**
     * The judgement of the answers; {@code further} sends the further deliveries they call for (null: none, the first
     * two answers alone are judged), and {@code secret} tells whether it can be base64-decoded.
     */
    static Check judge(Sent<StripeDelivery> withSecret, Sent<StripeDelivery> withRandom, Instant now, String secret,
                       Deliveries further) {
        Map<String, Sent<StripeDelivery>> sent = new LinkedHashMap<>();
        Function<String, Sent<StripeDelivery>> more = what -> {
            if (further == null) {
                return null;
            }
            Sent<StripeDelivery> s = further.send(what);
            sent.put(what, s);
            return s;
        };
        Judgement v = decide(withSecret, withRandom, now, secret, more);
        return v.check().details(details(withSecret, withRandom, sent, v));
    }

    /** A check with its machine-readable cause ({@code details.cause_code}) and whether it is inconclusive. */
    private record Judgement(Check check, String code, boolean inconclusive) {
    }

    private static Judgement decide(Sent<StripeDelivery> withSecret, Sent<StripeDelivery> withRandom, Instant now,
                                    String secret, Function<String, Sent<StripeDelivery>> more) {
        Outcome a = withSecret.outcome();
        Outcome b = withRandom.outcome();
        Verdict v = withSecret.verdict();
        String noTell = "whether the backend holds this secret cannot be told";
        if (!a.answered() || redirect(a)) {
            return new Judgement(Check.fail(ID, "the delivery signed with this secret got " + (a.answered()
                ? "a redirect" : "no answer") + ": " + v.cause() + "; " + noTell, v.fix()), "no_answer", true);
        }
        if (!b.answered() || redirect(b) || b.status() >= 500) {
            String random = !b.answered() ? "got no answer (" + b.failure().detail() + ")" : redirect(b)
                ? "was redirected (HTTP " + b.status() + ")" : "got a server error (HTTP " + b.status() + "), not a refusal";
            String why = "the delivery signed with a random secret " + random + ", so it shows nothing about how the"
                + " endpoint treats a wrong signature";
            if (a.is2xx()) {
                return new Judgement(Check.warn(ID, "inconclusive: accepted (HTTP " + a.status() + ") when signed with"
                    + " this secret, but " + why + ": whether the endpoint checks signatures at all cannot be told",
                    "run the check again; if it recurs, look at the backend's logs for the random-secret delivery (event "
                        + withRandom.delivery().eventId() + ")"), "inconclusive", true);
            }
            if (a.status() >= 500 && b.answered() && b.status() >= 500) {
                return new Judgement(fiveHundred(a, b, v), "server_error", false);
            }
            return new Judgement(Check.fail(ID, (a.status() >= 500 ? "failed (HTTP " : "refused (HTTP ") + a.status()
                + ") when signed with this secret: " + v.cause() + "; " + why + ", so " + noTell, v.fix()),
                "inconclusive", true);
        }
        if (a.is2xx() && !b.is2xx()) {
            String pass = "accepted (HTTP " + a.status() + ") when signed with this secret and refused (HTTP "
                + b.status() + ") with a random one: the backend holds this secret";
            return twoSignatures(pass, Check.pass(ID, pass), withSecret, withRandom, more);
        }
        if (a.is2xx()) {
            return new Judgement(Check.warn(ID, "accepted when signed with this secret and also with a random one: the"
                + " endpoint does not check Stripe signatures (or answers before checking them), so anyone can post"
                + " events to it", "verify the Stripe-Signature header with the endpoint's secret before accepting a"
                + " delivery (Stripe's libraries: Webhook.constructEvent / stripe.webhooks.constructEvent) and answer"
                + " 400 when it fails"), "no_signature_check", false);
        }
        if (b.is2xx()) {
            return new Judgement(Check.fail(ID, "refused (HTTP " + a.status() + ") when signed with this secret but"
                + " accepted with a random one: the endpoint's answers are not about the signature", "look at the"
                + " backend's logs for these two deliveries (event " + withSecret.delivery().eventId() + ")"),
                "not_about_signature", false);
        }
        if (sameAnswer(a, b)) {
            return refusedAlike(withSecret, withRandom, now, secret, more);
        }
        if (a.status() >= 500) {
            return new Judgement(Check.fail(ID, "the secret is right, but the backend fails on the delivery: it refused a"
                + " random secret (HTTP " + b.status() + ") and failed with HTTP " + a.status() + " on this one, so it"
                + " verified the signature and then failed while handling the event: " + v.cause(), v.fix()),
                "handler_error", false);
        }
        if (Verdict.SIGNATURE_REJECTED.equals(v.verdict())) {
            return signatureRefusedDifferently(withSecret, withRandom, now, more);
        }
        String right = "the secret is right: the backend refused a random secret (HTTP " + b.status() + ") but answered"
            + " this one differently (HTTP " + a.status() + "), so it verified the signature and then refused the payload"
            + " for another reason: " + v.cause();
        return twoSignatures(right, Check.warn(ID, right, v.fix()), withSecret, withRandom, more);
    }

    /**
     * Refused for its signature, but otherwise than a random secret (Stripe's libraries check the HMAC first, then the
     * timestamp): the secret is right and something else about the signature is refused, most often the timestamp by
     * a receiver whose clock is ahead. A delivery timestamped by the receiver's clock (its Date header) tells.
     */
    private static Judgement signatureRefusedDifferently(Sent<StripeDelivery> withSecret, Sent<StripeDelivery> withRandom,
                                                         Instant now, Function<String, Sent<StripeDelivery>> more) {
        Verdict v = withSecret.verdict();
        Judgement skew = receiverClock(withSecret, withRandom, now, more);
        if (skew != null) {
            return skew;
        }
        String text = String.valueOf(withSecret.outcome().body()).toLowerCase(Locale.ROOT);
        boolean timestamp = text.contains("timestamp") || text.contains("tolerance");
        return new Judgement(Check.fail(ID, "the secret is right (a random secret is refused otherwise, HTTP "
            + withRandom.outcome().status() + "), but the backend refuses the signature of this one (HTTP "
            + withSecret.outcome().status() + "): " + v.cause(), v.fix()), timestamp ? "timestamp_refused"
            : "signature_refused", false);
    }

    /** When the receiver's Date header is minutes ahead: the same delivery timestamped by its clock; null if not. */
    private static Judgement receiverClock(Sent<StripeDelivery> withSecret, Sent<StripeDelivery> withRandom, Instant now,
                                           Function<String, Sent<StripeDelivery>> more) {
        Duration ahead = receiverAhead(withSecret.outcome(), now);
        if (ahead == null || ahead.compareTo(SKEW) < 0) {
            return null;
        }
        Sent<StripeDelivery> aligned = more.apply(RECEIVER_CLOCK);
        if (!passedSignature(aligned, withRandom) || !aligned.outcome().is2xx()
            && sameAnswer(aligned.outcome(), withSecret.outcome())) {
            return null; // timestamped by the receiver's clock, it is refused all the same: the clock is not the cause
        }
        return new Judgement(Check.fail(ID, "the secret is right, but the receiver's clock is "
            + StripeVerification.duration(ahead.getSeconds()) + " ahead of this machine's (its Date header): it refuses"
            + " Stripe's signatures as older than its tolerance (300 s in Stripe's libraries); the same delivery"
            + " timestamped by its clock was " + (aligned.outcome().is2xx() ? "accepted" : "answered HTTP "
            + aligned.outcome().status()), "set the receiver's clock right (NTP), or this machine's if it is the one"
            + " that is off: Stripe signs with its own, correct time"), "clock_skew", false);
    }

    /** Both deliveries failed with a server error: the endpoint fails before anything can be told. */
    private static Check fiveHundred(Outcome a, Outcome b, Verdict v) {
        String how = a.status().equals(b.status()) ? "HTTP " + a.status() : "HTTP " + a.status() + " and " + b.status();
        return Check.fail(ID, "the endpoint fails on every delivery (" + how + " with this secret and with a random"
            + " one): whether it holds this secret cannot be told, and Stripe retries such deliveries and ends up"
            + " disabling the endpoint", v.fix());
    }

    /** The secret verified: one more delivery, signed as during a secret roll, tells a first-v1-only receiver. */
    private static Judgement twoSignatures(String summary, Check check, Sent<StripeDelivery> withSecret,
                                          Sent<StripeDelivery> withRandom, Function<String, Sent<StripeDelivery>> more) {
        Sent<StripeDelivery> two = more.apply(TWO_SIGNATURES);
        String code = check.status() == Check.Status.PASS ? "right_secret" : "payload_refused";
        if (two == null) {
            return new Judgement(check, code, false);
        }
        Outcome o = two.outcome();
        if (!o.answered()) {
            return new Judgement(Check.warn(ID, summary + "; a further delivery with two v1 signatures (as Stripe sends"
                + " while a secret is rolled) got no answer (" + o.failure().detail() + "), so whether the receiver"
                + " accepts any v1 could not be told", check.fix() != null ? check.fix() : "run the check again"),
                code, true);
        }
        boolean likeSecret = o.is2xx() && withSecret.outcome().is2xx() || sameAnswer(o, withSecret.outcome());
        if (!likeSecret && sameAnswer(o, withRandom.outcome())) {
            return new Judgement(Check.warn(ID, summary + ", but the receiver checks only the first v1 signature: a"
                + " delivery carrying two (a random one first, then this secret's, as Stripe sends while a secret is"
                + " rolled) was refused like the random one (HTTP " + o.status() + "), so every delivery fails during a"
                + " secret roll", StripeFixes.EVERY_V1), "first_v1_only", false);
        }
        return new Judgement(check, code, false);
    }

    /**
     * Refused the same way with this secret and a random one: a different secret, unless a further delivery signed
     * with this same secret is accepted once the body is re-serialized, the secret base64-decoded, or the timestamp
     * taken from the receiver's clock.
     */
    private static Judgement refusedAlike(Sent<StripeDelivery> withSecret, Sent<StripeDelivery> withRandom,
                                          Instant now, String secret, Function<String, Sent<StripeDelivery>> more) {
        Outcome a = withSecret.outcome();
        Verdict v = withSecret.verdict();
        String answer = "HTTP " + a.status() + (a.bodyStart(80) == null || a.bodyStart(80).isEmpty() ? ""
            : " " + Secrets.scrub(a.bodyStart(80)).replace("\n", " "));
        if (a.status() >= 500) {
            return new Judgement(fiveHundred(a, withRandom.outcome(), v), "server_error", false);
        }
        boolean plain = NetworkVerdicts.httpRejection(a.status(), "Stripe", "") != null;
        if (plain && !Verdict.SIGNATURE_REJECTED.equals(v.verdict()) && a.status() != 401 && a.status() != 403) {
            return new Judgement(Check.fail(ID, "the receiver refuses every delivery before checking signatures ("
                + answer + " with this secret and with a random one): " + v.cause(), v.fix()), "refuses_everything",
                false);
        }
        List<String> untold = new ArrayList<>();
        List<String> ruledOut = new ArrayList<>();
        Judgement skew = receiverClock(withSecret, withRandom, now, more);
        if (skew != null) {
            return skew;
        }
        for (String form : new String[] {COMPACT, PYTHON}) {
            Sent<StripeDelivery> x = more.apply(form);
            if (passedSignature(x, withRandom)) {
                String how = form.equals(COMPACT) ? "compact JSON, as JSON.stringify(req.body), to_json, json_encode and"
                    + " most serializers write it" : "JSON as Python's json.dumps writes it";
                return new Judgement(Check.fail(ID, "the secret is right, but the backend verifies a re-serialized body,"
                    + " not the raw bytes: the delivery signed with this secret over Stripe's bytes was refused like a"
                    + " random secret (" + answer + "), the same event signed with it over " + how + " was "
                    + (x.outcome().is2xx() ? "accepted" : "answered HTTP " + x.outcome().status())
                    + ". Real deliveries all fail this way", StripeFixes.RAW_BODY), "reserialized_body", false);
            }
            note(x, form.equals(COMPACT) ? "the body as compact JSON" : "the body as json.dumps writes it", ruledOut,
                untold);
        }
        if (secret != null && decodedKey(secret) != null) {
            Sent<StripeDelivery> x = more.apply(DECODED);
            if (passedSignature(x, withRandom)) {
                return new Judgement(Check.fail(ID, "the secret is right, but the receiver keys its HMAC with the"
                    + " base64-decoded part after whsec_, as Standard Webhooks and Svix libraries do: Stripe keys it with"
                    + " the whole secret's bytes, so every real delivery is refused (" + answer + "); the same event"
                    + " signed that way was " + (x.outcome().is2xx() ? "accepted" : "answered HTTP "
                    + x.outcome().status()), StripeFixes.WHOLE_SECRET), "decoded_secret", false);
            }
            note(x, "the secret base64-decoded", ruledOut, untold);
        }
        String ruled = (ruledOut.isEmpty() ? "" : "; refused the same way, so ruled out: " + String.join(", ", ruledOut))
            + (untold.isEmpty() ? "" : "; not ruled out (no answer): " + String.join(", ", untold));
        if (Verdict.SIGNATURE_REJECTED.equals(v.verdict())) {
            return new Judgement(Check.fail(ID, "the backend holds a different secret: this secret and a random one were"
                + " refused the same way (" + answer + ")" + ruled, v.fix()), "wrong_secret", !untold.isEmpty());
        }
        return new Judgement(Check.fail(ID, "this secret and a random one were refused the same way (" + answer + "):"
            + " the backend holds a different secret, or it refuses every delivery before checking signatures; its"
            + " answer does not tell which" + ruled, "copy the endpoint's signing secret from "
            + StripeVerdicts.DASHBOARD_SECRET + " into the backend, character for character; if it already matches,"
            + " look at the backend's logs for event types or subscriptions it refuses"), "refused_alike",
            !untold.isEmpty());
    }

    /** What a further delivery that did not get past the signature check rules out, or, without an answer, not. */
    private static void note(Sent<StripeDelivery> x, String what, List<String> ruledOut, List<String> untold) {
        if (x != null) {
            (x.outcome().answered() ? ruledOut : untold).add(what);
        }
    }

    /** A further delivery got past the signature check: accepted, or answered otherwise than the random secret. */
    private static boolean passedSignature(Sent<StripeDelivery> x, Sent<StripeDelivery> withRandom) {
        return x != null && x.outcome().answered() && !redirect(x.outcome())
            && (x.outcome().is2xx() || !sameAnswer(x.outcome(), withRandom.outcome()));
    }

    private static boolean redirect(Outcome o) {
        return o.answered() && o.status() >= 300 && o.status() < 400;
    }

    /** How far the receiver's clock (its Date header) is ahead of {@code now}; null without a readable Date. */
    static Duration receiverAhead(Outcome o, Instant now) {
        String date = o.header("date");
        if (date == null) {
            return null;
        }
        try {
            return Duration.between(now, ZonedDateTime.parse(date.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
                .toInstant());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The HMAC key a Standard Webhooks / Svix library makes of the secret, or null when it is not base64. */
    static byte[] decodedKey(String secret) {
        if (!secret.startsWith("whsec_")) {
            return null;
        }
        try {
            byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
            return key.length == 0 ? null : key;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Same status and the same body once ids, numbers and hex are masked. */
    static boolean sameAnswer(Outcome a, Outcome b) {
        return a.answered() && b.answered() && a.status().equals(b.status()) && masked(a.body()).equals(masked(b.body()));
    }

    private static String masked(String body) {
        return body == null ? "" : VOLATILE.matcher(body.strip()).replaceAll("#");
    }

    /** Detail key: true when the answers show that the backend holds the secret (what rotate waits for). */
    public static final String CONFIRMED = "secret_confirmed";

    /** The findings in which a delivery signed with the secret got past the backend's signature check. */
    private static final java.util.Set<String> SECRET_PASSED = java.util.Set.of("right_secret", "payload_refused",
        "first_v1_only", "handler_error", "timestamp_refused", "signature_refused", "clock_skew", "reserialized_body",
        "decoded_secret");

    /** Whether a {@link #judge} result shows the backend holds the secret. */
    public static boolean confirmed(Check probe) {
        return Boolean.TRUE.equals(probe.details().get(CONFIRMED));
    }

    private static Map<String, Object> details(Sent<StripeDelivery> withSecret, Sent<StripeDelivery> withRandom,
                                               Map<String, Sent<StripeDelivery>> further, Judgement j) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("cause_code", j.code());
        d.put("inconclusive", j.inconclusive());
        d.put(CONFIRMED, SECRET_PASSED.contains(j.code()));
        d.put("event_type", withSecret.delivery().eventType());
        d.put("event_id", withSecret.delivery().eventId());
        d.put("with_secret", answer(withSecret));
        d.put("with_random_secret", answer(withRandom));
        further.forEach((what, sent) -> d.put("with_" + what, answer(sent)));
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
