package dev.notif.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import dev.notif.core.Json;
import dev.notif.output.Step;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The offline verification of a captured delivery: every named cause from the captures that produce it. */
class StripeVerificationTest {
    static final String SECRET = "whsec_Endpoint0123456789abcdefghijKLMN";
    static final String OTHER = "whsec_Another0123456789abcdefghijKLMNO";
    static final long NOW = 1_800_000_000L;

    /** An event as Stripe sends it: pretty, two spaces, LF, UTF-8, with a non-ASCII name in it. */
    static byte[] body() {
        ObjectNode event = (ObjectNode) StripeEventBuilder.build(new StripeEventBuilder.Options(
            "customer.subscription.updated", "cus_1", "sub_1", false, Instant.ofEpochSecond(NOW), null));
        ((ObjectNode) event.path("data").path("object")).putObject("metadata").put("name", "Jos\u00e9 M\u00fcller");
        return Json.pretty(event).getBytes(StandardCharsets.UTF_8);
    }

    static String header(String secret, long t, byte[] body) {
        return StripeSignature.header(secret, t, body);
    }

    static StripeVerification.Report verify(byte[] payload, String header, String... secrets) {
        List<StripeVerification.Secret> list = new ArrayList<>();
        for (int i = 0; i < secrets.length; i++) {
            list.add(new StripeVerification.Secret(secrets[i], "--secret #" + (i + 1)));
        }
        return StripeVerification.verify(new StripeVerification.Input(payload, header, list, 300, NOW));
    }

    static String step(StripeVerification.Report r, String name) {
        return r.steps().stream().filter(s -> s.name().equals(name)).map(Step::status).findFirst().orElse(null);
    }

    @Test
    void a_delivery_signed_with_the_secret_is_valid_as_stripe_java_says_too() throws Exception {
        byte[] body = body();
        String h = header(SECRET, NOW - 5, body);
        StripeVerification.Report r = verify(body, h, SECRET);
        assertThat(r.valid()).isTrue();
        assertThat(r.causeCode()).isEqualTo("valid");
        assertThat(r.ageSeconds()).isEqualTo(5);
        assertThat(r.matchedSignature()).isEqualTo(1);
        assertThat(r.steps()).extracting(Step::status).containsOnly("pass");
        assertThat(Webhook.Signature.verifyHeader(new String(body, StandardCharsets.UTF_8), h, SECRET, 0)).isTrue();
    }

    @Test
    void of_several_secrets_the_one_that_signed_is_named() {
        byte[] body = body();
        StripeVerification.Report r = verify(body, header(OTHER, NOW, body), SECRET, OTHER);
        assertThat(r.valid()).isTrue();
        assertThat(r.matched().source()).isEqualTo("--secret #2");
    }

    @Test
    void a_wrong_secret_is_named_when_the_body_is_as_stripe_sends_it() {
        byte[] body = body();
        StripeVerification.Report r = verify(body, header(OTHER, NOW, body), SECRET);
        assertThat(r.valid()).isFalse();
        assertThat(r.causeCode()).isEqualTo("wrong_secret");
        assertThat(r.cause()).contains("wrong secret", "test-mode");
        assertThat(r.fix()).contains("Signing secret");
        assertThat(step(r, "body")).isEqualTo("pass");
    }

    /** Each alteration a receiver, a proxy or a capture makes, and what notif calls it. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "compact, reserialized, express.raw",
        "python, reserialized, request.body",
        "four_spaces, reserialized, raw_post",
        "trailing_newline, trailing_newline, binary-safe",
        "crlf, crlf, binary-safe",
        "crlf_and_newline, crlf_trailing_newline, binary-safe",
        "bom, bom, binary-safe",
        "utf16, utf16, binary-safe",
        "latin1, latin1, binary-safe",
        "double_utf8, double_utf8, binary-safe",
    })
    void an_altered_body_is_named_with_the_right_secret(String how, String alteration, String fix) {
        byte[] body = body();
        String h = header(SECRET, NOW, body);
        byte[] altered = alter(how, body);
        assertThat(altered).isNotEqualTo(body);
        StripeVerification.Report r = verify(altered, h, OTHER, SECRET);
        assertThat(r.valid()).isFalse();
        assertThat(r.causeCode()).isEqualTo("body_altered");
        assertThat(r.bodyAlteration()).isEqualTo(alteration);
        assertThat(r.matched().source()).isEqualTo("--secret #2");
        assertThat(r.cause()).contains("the secret is right");
        assertThat(r.fix()).contains(fix);
        // and Stripe's own library refuses the altered copy, as the receiver did
        assertThatThrownBy(() -> Webhook.Signature.verifyHeader(new String(altered, StandardCharsets.UTF_8), h, SECRET,
            0)).isInstanceOf(SignatureVerificationException.class);
    }

    static byte[] alter(String how, byte[] body) {
        String s = new String(body, StandardCharsets.UTF_8);
        String compact = Json.compact(Json.parse(s));
        return switch (how) {
            case "compact" -> compact.getBytes(StandardCharsets.UTF_8);
            case "python" -> compact.replace("\",\"", "\", \"").replace("\":", "\": ").replace("},\"", "}, \"")
                .getBytes(StandardCharsets.UTF_8);
            case "four_spaces" -> s.replace("\n", "\n  ").replace("\n  }", "\n}").getBytes(StandardCharsets.UTF_8);
            case "trailing_newline" -> (s + "\n").getBytes(StandardCharsets.UTF_8);
            case "crlf" -> s.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
            case "crlf_and_newline" -> (s.replace("\n", "\r\n") + "\r\n").getBytes(StandardCharsets.UTF_8);
            case "bom" -> ("\uFEFF" + s).getBytes(StandardCharsets.UTF_8);
            case "utf16" -> ("\uFEFF" + s).getBytes(StandardCharsets.UTF_16LE);
            case "latin1" -> s.getBytes(StandardCharsets.ISO_8859_1);
            case "double_utf8" -> new String(body, StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.UTF_8);
            default -> throw new IllegalArgumentException(how);
        };
    }

    @Test
    void an_altered_body_with_no_secret_that_undoes_it_says_it_cannot_tell() {
        byte[] body = body();
        byte[] compact = alter("compact", body);
        StripeVerification.Report r = verify(compact, header(OTHER, NOW, body), SECRET);
        assertThat(r.causeCode()).isEqualTo("body_altered_or_wrong_secret");
        assertThat(r.cause()).contains("compact JSON", "cannot be told");
        assertThat(r.matched()).isNull();
    }

    @Test
    void an_old_signature_is_outside_the_tolerance_by_how_much_and_tolerance_0_checks_the_signature_alone() {
        byte[] body = body();
        String h = header(SECRET, NOW - 1000, body);
        StripeVerification.Report r = verify(body, h, SECRET);
        assertThat(r.causeCode()).isEqualTo("timestamp_outside_tolerance");
        assertThat(r.ageSeconds()).isEqualTo(1000);
        assertThat(r.cause()).contains("16 min (1000 s) old", "11 min (700 s) beyond the 300 s tolerance");
        assertThat(r.fix()).contains("--tolerance 0", "NTP");
        assertThat(r.matched().source()).isEqualTo("--secret #1");

        var alone = StripeVerification.verify(new StripeVerification.Input(body, h,
            List.of(new StripeVerification.Secret(SECRET, "--secret")), 0, NOW));
        assertThat(alone.valid()).isTrue();
        assertThat(step(alone, "timestamp")).isEqualTo("skip");
    }

    @Test
    void a_timestamp_from_the_future_is_accepted_with_a_word_about_the_clock() {
        byte[] body = body();
        StripeVerification.Report r = verify(body, header(SECRET, NOW + 900, body), SECRET);
        assertThat(r.valid()).isTrue();
        assertThat(step(r, "timestamp")).isEqualTo("warn");
    }

    @Test
    void a_match_on_a_later_v1_warns_about_receivers_that_check_only_the_first() {
        byte[] body = body();
        String h = header(OTHER, NOW, body) + ",v1=" + StripeSignature.hmacHex(SECRET, NOW, body);
        StripeVerification.Report r = verify(body, h, SECRET);
        assertThat(r.valid()).isTrue();
        assertThat(r.matchedSignature()).isEqualTo(2);
        assertThat(r.signatures()).isEqualTo(2);
        assertThat(step(r, "signatures")).isEqualTo("warn");
    }

    /** Headers as they arrive mangled, and the words for each. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no_v1        | t=1800000000                                 | no v1= signature",
        "only_v0      | t=1800000000,v0=abcdef                       | only v0",
        "cut_v1       | t=1800000000,v1=5257a869e7ecebeda32affa62cdc | cut",
        "no_t         | v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd | no t= timestamp",
        "millis       | t=1800000000000,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd | milliseconds",
        "svix         | v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE= | Svix",
        "github       | sha256=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd | sha256",
        "garbage      | hello                                        | not a Stripe-Signature",
        "not_a_number | t=yesterday,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd | not a number",
    })
    void a_mangled_header_is_named(String name, String header, String words) {
        StripeVerification.Report r = verify(body(), header, SECRET);
        assertThat(r.causeCode()).as(name).isEqualTo("header_mangled");
        assertThat(r.cause()).as(name).contains(words);
        assertThat(step(r, "header")).isEqualTo("fail");
    }

    @Test
    void spaces_in_the_header_are_named_even_when_the_signature_matches_since_stripe_refuses_them() {
        byte[] body = body();
        String h = header(SECRET, NOW, body).replace(",", ", ");
        StripeVerification.Report r = verify(body, h, SECRET);
        assertThat(r.causeCode()).isEqualTo("header_mangled");
        assertThat(r.cause()).contains("the signature matches", "spaces");
        assertThatThrownBy(() -> Webhook.Signature.verifyHeader(new String(body, StandardCharsets.UTF_8), h, SECRET, 0))
            .isInstanceOf(SignatureVerificationException.class);
    }

    @Test
    void the_header_name_quotes_and_line_breaks_of_a_paste_are_read_through() {
        byte[] body = body();
        String h = header(SECRET, NOW, body);
        String pasted = "Stripe-Signature: \"" + h.substring(0, 40) + "\n" + h.substring(40) + "\"";
        assertThat(verify(body, pasted, SECRET).valid()).isTrue();
    }

    @Test
    void a_url_encoded_header_is_mangled() {
        byte[] body = body();
        String h = header(SECRET, NOW, body).replace("=", "%3D").replace(",", "%2C");
        StripeVerification.Report r = verify(body, h, SECRET);
        assertThat(r.causeCode()).isEqualTo("header_mangled");
        assertThat(r.cause()).contains("URL-encoded");
    }

    @ParameterizedTest
    @CsvSource({"sk_test_51AbCdEfGhIjKlMnOpQrStUv, API key", "rk_live_51AbCdEfGhIjKlMnOpQrStUv, API key",
        "pk_test_51AbCdEfGhIjKlMnOpQrStUv, publishable key", "we_1NbCdEfGhIjKlMnOp, webhook endpoint id"})
    void a_key_or_endpoint_id_given_as_the_secret_is_named(String value, String words) {
        byte[] body = body();
        StripeVerification.Report r = verify(body, header(SECRET, NOW, body), value);
        assertThat(r.causeCode()).isEqualTo("not_a_signing_secret");
        assertThat(r.cause()).contains(words).doesNotContain(value);
        assertThat(r.fix()).contains("Signing secret");
    }

    @Test
    void a_key_beside_the_right_secret_is_flagged_and_the_secret_still_verifies() {
        byte[] body = body();
        StripeVerification.Report r = verify(body, header(SECRET, NOW, body), "sk_test_51AbCdEfGhIjKlMnOpQrStUv", SECRET);
        assertThat(r.valid()).isTrue();
        assertThat(step(r, "secrets")).isEqualTo("warn");
    }

    @Test
    void a_secret_given_with_quotes_or_a_newline_is_named() {
        byte[] body = body();
        String h = header(SECRET, NOW, body);
        for (String pasted : List.of(SECRET + "\n", "\"" + SECRET + "\"", " " + SECRET)) {
            StripeVerification.Report r = verify(body, h, pasted);
            assertThat(r.causeCode()).isEqualTo("secret_quoted_or_spaced");
            assertThat(r.valid()).isFalse();
        }
    }

    @Test
    void a_body_that_is_not_json_and_matches_no_secret_is_not_called_stripe_s_form() {
        byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
        StripeVerification.Report r = verify(body, header(OTHER, NOW, body), SECRET);
        assertThat(r.causeCode()).isEqualTo("body_altered_or_wrong_secret");
        assertThat(r.cause()).contains("not JSON");
    }

    @Test
    void a_body_that_is_not_json_is_said_and_still_checked() {
        byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
        StripeVerification.Report r = verify(body, header(SECRET, NOW, body), SECRET);
        assertThat(r.valid()).isTrue();
        assertThat(step(r, "payload")).isEqualTo("warn");
    }
}
