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
        "500|boom|400|{\"error\":\"signature_mismatch\"}|warn|failed while handling the event",
        "400|{\"error\":\"signature_mismatch\"}|200|ok|fail|not about the signature",
        "301||301||fail|no usable answer",
    })
    void the_two_answers_decide(int a, String aBody, int b, String bBody, String status, String words) {
        Check c = StripeSecretProbe.judge(sent(a, aBody == null ? "" : aBody), sent(b, bBody == null ? "" : bBody));
        assertThat(c.status().word()).isEqualTo(status);
        assertThat(c.summary()).contains(words);
        assertThat(c.details()).containsKeys("with_secret", "with_random_secret", "event_id");
    }

    @Test
    void no_answer_with_the_secret_fails_with_the_network_cause() {
        Check c = StripeSecretProbe.judge(sent(null, null), sent(null, null));
        assertThat(c.status()).isEqualTo(Check.Status.FAIL);
        assertThat(c.summary()).contains("connection refused");
    }
}
