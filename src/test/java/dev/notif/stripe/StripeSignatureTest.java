package dev.notif.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.stripe.net.Webhook;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StripeSignatureTest {
    static final String SECRET = "whsec_test_0123456789abcdefghijklmnopqrstuv";

    @Test
    void stripe_java_verifies_a_delivery_notif_signs() {
        long now = Instant.now().getEpochSecond();
        var event = StripeEventBuilder.build(new StripeEventBuilder.Options("charge.refunded", null, null, false,
            Instant.now(), null));
        StripeDelivery d = StripeDelivery.of("http://localhost/stripe", SECRET, event, now);
        String payload = new String(d.body(), StandardCharsets.UTF_8);
        assertThatCode(() -> Webhook.Signature.verifyHeader(payload, d.headers().get("Stripe-Signature"), SECRET, 300))
            .doesNotThrowAnyException();
        assertThatCode(() -> Webhook.constructEvent(payload, d.headers().get("Stripe-Signature"), SECRET))
            .doesNotThrowAnyException();
    }

    @Test
    void verifies_what_stripe_java_computes_and_refuses_other_secrets() throws Exception {
        long now = 1_800_000_000L;
        byte[] body = "{\"id\":\"evt_1\",\"type\":\"invoice.updated\"}".getBytes(StandardCharsets.UTF_8);
        String sig = Webhook.Util.computeHmacSha256(SECRET, now + "." + new String(body, StandardCharsets.UTF_8));
        String header = "t=" + now + ",v1=deadbeef,v1=" + sig + ",v0=abc";
        assertThat(StripeSignature.verify(header, body, List.of(SECRET), now, 300).ok()).isTrue();
        assertThat(StripeSignature.verify(header, body, List.of("whsec_other", SECRET), now, 300).ok()).isTrue();
        assertThat(StripeSignature.verify(header, body, List.of("whsec_other"), now, 300).reason()).isEqualTo("no_match");
    }

    @Test
    void refuses_a_timestamp_older_than_the_tolerance() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        String header = StripeSignature.header(SECRET, 1000, body);
        assertThat(StripeSignature.verify(header, body, List.of(SECRET), 1301, 300).reason())
            .isEqualTo("timestamp_outside_tolerance");
        assertThat(StripeSignature.verify(header, body, List.of(SECRET), 1300, 300).ok()).isTrue();
    }

    @Test
    void refuses_a_tampered_body_and_malformed_headers() {
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        String header = StripeSignature.header(SECRET, 1000, body);
        byte[] tampered = "{\"a\":2}".getBytes(StandardCharsets.UTF_8);
        assertThat(StripeSignature.verify(header, tampered, List.of(SECRET), 1000, 300).reason()).isEqualTo("no_match");
        assertThat(StripeSignature.verify(null, body, List.of(SECRET), 1000, 300).reason()).isEqualTo("missing_header");
        assertThat(StripeSignature.verify("v1=abcd", body, List.of(SECRET), 1000, 300).reason()).isEqualTo("bad_header");
        assertThat(StripeSignature.verify("t=1000", body, List.of(SECRET), 1000, 300).reason()).isEqualTo("no_v1");
        assertThat(StripeSignature.verify("t=x,v1=00", body, List.of(SECRET), 1000, 300).reason()).isEqualTo("bad_header");
    }
}
