package dev.notif.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notif.output.Check;
import dev.notif.probe.Outcome;
import dev.notif.probe.Sent;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StripeSecretProbeTest {
    static final StripeDelivery DELIVERY = StripeDelivery.signed("https://x.example/stripe", "whsec_x",
        "customer.subscription.updated", "evt_1", false, 1, "{}".getBytes());

    static Sent<StripeDelivery> sent(Integer status, String body) {
        Outcome o = status == null ? Outcome.failed(Outcome.FailureKind.REFUSED, "connection refused", 1)
            : Outcome.answered(status, 1, body, Map.of());
        return new Sent<>(DELIVERY, o, StripeVerdicts.CLASSIFIER.classify(DELIVERY, o));
    }

    @ParameterizedTest(name = "{0} {1} / random {2} {3} -> {4}")
    @CsvSource(delimiter = '|', value = {
        "200|ok|400|{\"error\":\"signature_mismatch\"}|pass|holds this secret",
        "200|ok|200|ok|warn|does not check Stripe signatures",
        "400|{\"error\":\"signature_mismatch\"}|400|{\"error\":\"signature_mismatch\"}|fail|holds a different secret",
        "400|No signatures found for evt_1AAA at 1712|400|No signatures found for evt_1BBB at 1713|fail|holds a different secret",
        "400||400||fail|does not tell which",
        "404|Not Found|404|Not Found|fail|refuses every delivery before checking signatures",
        "403|Forbidden|403|Forbidden|fail|refuses every delivery before checking signatures",
        "400|{\"message\":\"Subscription not found\"}|400|{\"error\":\"signature_mismatch\"}|warn|the secret is right",
        "500|boom|400|{\"error\":\"signature_mismatch\"}|fail|failed while handling the event",
        "500|boom at 12:01|500|boom at 12:02|fail|fails on every delivery",
        "500|Traceback (most recent call last) KeyError|502|Bad Gateway|fail|fails on every delivery",
        "200|ok|500|Internal Server Error|warn|inconclusive",
        "400|{\"error\":\"signature_mismatch\"}|503|busy|fail|cannot be told",
        "400|{\"error\":\"signature_mismatch\"}|200|ok|fail|not about the signature",
        "301||301||fail|got a redirect",
    })
    void the_two_answers_decide(int a, String aBody, int b, String bBody, String status, String words) {
        Check c = StripeSecretProbe.judge(sent(a, aBody == null ? "" : aBody), sent(b, bBody == null ? "" : bBody));
        assertThat(c.status().word()).isEqualTo(status);
        assertThat(c.summary()).contains(words);
        assertThat(c.details()).containsKeys("with_secret", "with_random_secret", "event_id");
    }

    @Test
    void no_answer_to_the_random_secret_is_never_read_as_a_refusal() {
        Check accepted = StripeSecretProbe.judge(sent(200, "ok"), sent(null, null));
        assertThat(accepted.status()).isEqualTo(Check.Status.WARN);
        assertThat(accepted.summary()).contains("inconclusive", "got no answer", "cannot be told");
        assertThat(accepted.details().get("inconclusive")).isEqualTo(true);
        Check refused = StripeSecretProbe.judge(sent(400, "{\"error\":\"signature_mismatch\"}"), sent(null, null));
        assertThat(refused.status()).isEqualTo(Check.Status.FAIL);
        assertThat(refused.summary()).contains("got no answer", "cannot be told");
        assertThat(refused.details().get("cause_code")).isEqualTo("inconclusive");
    }

    @Test
    void no_answer_with_the_secret_fails_with_the_network_cause() {
        Check c = StripeSecretProbe.judge(sent(null, null), sent(null, null));
        assertThat(c.status()).isEqualTo(Check.Status.FAIL);
        assertThat(c.summary()).contains("connection refused");
    }

    static final String MISMATCH = "{\"error\":\"signature_mismatch\"}";

    static Sent<StripeDelivery> sent(Integer status, String body, String date) {
        Outcome o = status == null ? Outcome.failed(Outcome.FailureKind.RESET, "closed the connection", 1)
            : Outcome.answered(status, 1, body, date == null ? Map.of() : Map.of("date", date));
        return new Sent<>(DELIVERY, o, StripeVerdicts.CLASSIFIER.classify(DELIVERY, o));
    }

    /** The further deliveries answer as {@code answers} says (what -> answer); the others like a wrong secret. */
    static Check judgeWith(Sent<StripeDelivery> withSecret, Map<String, Sent<StripeDelivery>> answers,
                           java.util.List<String> asked) {
        return StripeSecretProbe.judge(withSecret, sent(400, MISMATCH), java.time.Instant.ofEpochSecond(1_800_000_000L),
            "whsec_AbCdEfGhIjKlMnOpQrStUvWxYz012345", what -> {
                asked.add(what);
                return answers.getOrDefault(what, sent(400, MISMATCH));
            });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "compact_body, reserialized_body, re-serialized body, express.raw",
        "python_body, reserialized_body, json.dumps, request.body",
        "decoded_secret, decoded_secret, base64-decoded, whsec_ included",
    })
    void a_further_delivery_accepted_names_the_mistake(String what, String code, String words, String fix) {
        java.util.List<String> asked = new java.util.ArrayList<>();
        Check c = judgeWith(sent(400, MISMATCH), Map.of(what, sent(200, "ok")), asked);
        assertThat(c.status()).isEqualTo(Check.Status.FAIL);
        assertThat(c.details().get("cause_code")).isEqualTo(code);
        assertThat(c.summary()).contains("the secret is right", words);
        assertThat(c.fix()).contains(fix);
        assertThat(c.details()).containsKey("with_" + what);
        assertThat(asked).last().isEqualTo(what);
    }

    @Test
    void a_re_serializer_that_verifies_and_then_refuses_the_payload_is_named_too() {
        Check c = judgeWith(sent(400, MISMATCH), Map.of("compact_body", sent(400, "{\"error\":\"no such"
            + " subscription\"}")), new java.util.ArrayList<>());
        assertThat(c.details().get("cause_code")).isEqualTo("reserialized_body");
    }

    @Test
    void nothing_explaining_it_is_a_different_secret_with_what_was_ruled_out() {
        java.util.List<String> asked = new java.util.ArrayList<>();
        Check c = judgeWith(sent(400, MISMATCH), Map.of(), asked);
        assertThat(c.details().get("cause_code")).isEqualTo("wrong_secret");
        assertThat(c.summary()).contains("holds a different secret", "ruled out: the body as compact JSON, the body as"
            + " json.dumps writes it, the secret base64-decoded");
        assertThat(asked).containsExactly("compact_body", "python_body", "decoded_secret");
        assertThat(c.details().get("inconclusive")).isEqualTo(false);
    }

    @Test
    void a_further_delivery_without_an_answer_is_said_not_ruled_out() {
        Check c = judgeWith(sent(400, MISMATCH), Map.of("compact_body", sent(null, null, null)),
            new java.util.ArrayList<>());
        assertThat(c.details().get("cause_code")).isEqualTo("wrong_secret");
        assertThat(c.summary()).contains("not ruled out (no answer): the body as compact JSON");
        assertThat(c.details().get("inconclusive")).isEqualTo(true);
    }

    @Test
    void a_receiver_clock_minutes_ahead_is_tried_and_named() {
        java.util.List<String> asked = new java.util.ArrayList<>();
        String ahead = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
            java.time.Instant.ofEpochSecond(1_800_000_000L + 900).atZone(java.time.ZoneOffset.UTC));
        Check c = judgeWith(sent(400, MISMATCH, ahead), Map.of("receiver_clock", sent(200, "ok")), asked);
        assertThat(c.details().get("cause_code")).isEqualTo("clock_skew");
        assertThat(c.summary()).contains("15 min (900 s) ahead");
        assertThat(c.fix()).contains("NTP");
        assertThat(asked).containsExactly("receiver_clock");
    }

    @Test
    void a_receiver_clock_a_little_off_is_not_tried() {
        java.util.List<String> asked = new java.util.ArrayList<>();
        String close = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
            java.time.Instant.ofEpochSecond(1_800_000_000L + 30).atZone(java.time.ZoneOffset.UTC));
        judgeWith(sent(400, MISMATCH, close), Map.of(), asked);
        assertThat(asked).doesNotContain("receiver_clock");
    }

    @Test
    void the_right_secret_is_tried_with_two_signatures_and_a_first_v1_checker_named() {
        java.util.List<String> asked = new java.util.ArrayList<>();
        Check fine = judgeWith(sent(200, "ok"), Map.of("two_signatures", sent(200, "ok")), asked);
        assertThat(fine.status()).isEqualTo(Check.Status.PASS);
        assertThat(asked).containsExactly("two_signatures");
        Check firstOnly = judgeWith(sent(200, "ok"), Map.of(), new java.util.ArrayList<>());
        assertThat(firstOnly.status()).isEqualTo(Check.Status.WARN);
        assertThat(firstOnly.details().get("cause_code")).isEqualTo("first_v1_only");
        assertThat(firstOnly.fix()).contains("any v1");
        Check unanswered = judgeWith(sent(200, "ok"), Map.of("two_signatures", sent(null, null, null)),
            new java.util.ArrayList<>());
        assertThat(unanswered.status()).isEqualTo(Check.Status.WARN);
        assertThat(unanswered.summary()).contains("could not be told");
    }

    @Test
    void a_receiver_failing_everything_gets_no_further_delivery() {
        java.util.List<String> asked = new java.util.ArrayList<>();
        Check c = StripeSecretProbe.judge(sent(500, "boom"), sent(500, "boom"), java.time.Instant.now(), "whsec_x",
            what -> {
                asked.add(what);
                return sent(500, "boom");
            });
        assertThat(c.status()).isEqualTo(Check.Status.FAIL);
        assertThat(c.details().get("cause_code")).isEqualTo("server_error");
        assertThat(asked).isEmpty();
    }
}
