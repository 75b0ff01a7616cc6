package dev.notif.corpus;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import dev.notif.testing.HttpPeer.Answer;
import dev.notif.testing.HttpPeer.Request;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stripe webhook receivers written the way people write them, not the way notif checks them: with Stripe's library
 * on the raw body (healthy), on a body parsed and serialized again, with a hand-made verification that decodes the
 * secret as Standard Webhooks libraries do or reads only the first v1, on a clock that is ahead, or without any
 * verification. Each answers as such code does (Stripe's library messages, Express's and Flask's defaults).
 */
final class StripeReceivers {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StripeReceivers() {
    }

    static Answer ok() {
        return Answer.json(200, "{\"received\":true}");
    }

    static Answer refused(String message) {
        return Answer.text(400, "Webhook Error: " + message);
    }

    /** stripe.webhooks.constructEvent(req.body, sig, secret) on the raw body, as Stripe's docs show it. */
    static Function<Request, Answer> library(String secret) {
        return onClock(secret, Duration.ZERO);
    }

    /** The same on a server whose clock is {@code ahead} ahead: its Date header says so too. */
    static Function<Request, Answer> onClock(String secret, Duration ahead) {
        Clock clock = Clock.offset(Clock.systemUTC(), ahead);
        return r -> {
            if (r.header("stripe-signature") == null) {
                return date(refused("No stripe-signature header value was provided."), clock);
            }
            try {
                Webhook.Signature.verifyHeader(r.bodyText(), r.header("stripe-signature"), secret, 300, clock);
            } catch (SignatureVerificationException e) {
                return date(refused(e.getMessage()), clock);
            }
            return date(ok(), clock);
        };
    }

    private static Answer date(Answer a, Clock clock) {
        return a.header("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(clock)
            .withZoneSameInstant(ZoneOffset.UTC)));
    }

    /**
     * app.use(express.json()) before the webhook route, then constructEvent(JSON.stringify(req.body), ...): the
     * library verifies a compact re-serialization of the body.
     */
    static Function<Request, Answer> reserializing(String secret) {
        return r -> {
            String again;
            try {
                again = JSON.writeValueAsString(JSON.readTree(r.body()));
            } catch (java.io.IOException e) {
                return Answer.text(400, "Bad Request");
            }
            if (r.header("stripe-signature") == null) {
                return refused("No stripe-signature header value was provided.");
            }
            try {
                Webhook.Signature.verifyHeader(again, r.header("stripe-signature"), secret, 300);
            } catch (SignatureVerificationException e) {
                return refused(e.getMessage());
            }
            return ok();
        };
    }

    /** No verification at all: every POST is taken. */
    static Function<Request, Answer> acceptingEverything() {
        return r -> ok();
    }

    /** A handler that throws on every event (a missing database table, say): the framework's 500 page. */
    static Function<Request, Answer> failingEverything() {
        return r -> Answer.of(500, "text/html", "<!DOCTYPE html><html><head><title>Error</title></head><body><pre>"
            + "TypeError: Cannot read properties of undefined (reading 'id')<br> &nbsp; &nbsp;at /app/server.js:"
            + (10 + (int) (Math.random() * 90)) + ":21</pre></body></html>");
    }

    /** Verifies with the library, then looks the subscription up and finds nothing. */
    static Function<Request, Answer> unknownSubscription(String secret) {
        return r -> {
            Answer verified = library(secret).apply(r);
            return verified.status() != 200 ? verified
                : Answer.json(400, "{\"error\":\"No such subscription: sub_" + r.connection() + "\"}");
        };
    }

    /**
     * Answers a request without a signature with 400, but lets the library's exception for a wrong one escape, and
     * the bare server drops the connection without an answer.
     */
    static Function<Request, Answer> droppingBadSignatures(String secret) {
        return r -> r.header("stripe-signature") == null ? Answer.text(400, "missing Stripe-Signature")
            : library(secret).apply(r).status() == 200 ? ok() : null;
    }

    /**
     * A hand-made verification copied from a Standard Webhooks / Svix helper: the secret's part after whsec_ is
     * base64-decoded into the HMAC key.
     */
    static Function<Request, Answer> decodingTheSecret(String secret) {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        return r -> handMade(r, key, false) ? ok() : Answer.json(401, "{\"error\":\"invalid signature\"}");
    }

    /** A hand-made verification that compares only the first v1 of the header. */
    static Function<Request, Answer> firstSignatureOnly(String secret) {
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        return r -> handMade(r, key, true) ? ok() : Answer.json(401, "{\"error\":\"invalid signature\"}");
    }

    private static boolean handMade(Request r, byte[] key, boolean firstOnly) {
        String header = r.header("stripe-signature");
        if (header == null) {
            return false;
        }
        String t = null;
        List<String> v1 = new ArrayList<>();
        for (String part : header.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv.length == 2 && kv[0].equals("t")) {
                t = kv[1];
            } else if (kv.length == 2 && kv[0].equals("v1")) {
                v1.add(kv[1]);
            }
        }
        if (t == null || v1.isEmpty()) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = mac.doFinal(r.body());
            for (String candidate : firstOnly ? v1.subList(0, 1) : v1) {
                if (MessageDigest.isEqual(expected, HexFormat.of().parseHex(candidate))) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }
}
