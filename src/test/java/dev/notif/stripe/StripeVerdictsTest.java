package dev.notif.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notif.probe.Outcome;
import dev.notif.probe.Verdict;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code (event, status, body) -> verdict, cause, fix}: Stripe's rules, without a socket (the CLI tests keep two). */
class StripeVerdictsTest {
    static final String SECRET = "whsec_0123456789abcdefghijklmnopqrstuv";

    static Verdict judge(String event, boolean livemode, int status, String body) {
        StripeDelivery sent = StripeDelivery.signed("https://api.example.com/stripe", SECRET, event, "evt_1", livemode,
            1_700_000_000L, "{}".getBytes());
        return StripeVerdicts.CLASSIFIER.classify(sent, Outcome.answered(status, 5, body == null ? "" : body,
            Map.of("location", "https://elsewhere.example/stripe")));
    }

    @ParameterizedTest(name = "{1} {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
        // event | status | body | verdict | cause contains | fix contains
        "invoice.updated|200|{\"ok\":true}|accepted|Stripe counts this delivery|--subscription and --customer",
        "invoice.updated|204||accepted|answered 204|nothing to fix",
        "invoice.updated|400|{\"error\":\"signature_mismatch\",\"message\":\"no v1 signature matches\"}|signature_rejected|missing or not identical|Signing secret > Reveal",
        "invoice.updated|400|No signatures found matching the expected signature for payload|signature_rejected|missing or not identical|notif check stripe --url URL --secret whsec_...",
        "invoice.updated|400|{\"error\":\"No signatures found matching the expected signature for payload. Are you passing the raw request body?\"}|signature_rejected|missing or not identical|re-serialized body",
        "invoice.updated|400|{\"error\":{\"message\":\"Webhook signature verification failed\"}}|signature_rejected|missing or not identical|character for character",
        "invoice.updated|400|Timestamp outside the tolerance zone|signature_rejected|older than its tolerance|NTP",
        "invoice.updated|400|{\"error\":\"unsupported_event_type\"}|event_rejected|refuses events of type invoice.updated|notif setup stripe --url URL",
        "invoice.paid|400|Event type invoice.paid is not supported|event_rejected|refuses events of type invoice.paid|notif setup stripe --url URL",
        "customer.subscription.created|400|{\"error\":\"unsupported_event_type\"}|event_rejected|track new purchases|remove customer.subscription.created",
        "invoice.updated|400|{\"error\":\"malformed\"}|rejected|could not read the delivery as a Stripe event|--data",
        "invoice.updated|400|{\"message\":\"Subscription not found for this receipt\"}|rejected|does not know this subscription|--subscription and --customer",
        "invoice.updated|400|{\"code\":7225,\"message\":\"Receipt not found\"}|rejected|does not know this subscription or customer yet|tracks",
        "invoice.updated|400|This endpoint only accepts livemode events|rejected|a test-mode event reached|own signing secret",
        "invoice.updated|400|Stripe account not connected|rejected|no connected Stripe account|install its Stripe app",
        "invoice.updated|400||rejected|without saying why|notif check stripe --url URL --secret SECRET",
        "invoice.paid|400||rejected|most likely the event type: invoice.paid|differential probe",
        "invoice.updated|401|Unauthorized|rejected|requires authentication|Stripe-Signature header",
        "invoice.updated|404|Not Found|rejected|nothing handles this path|Stripe ingestion URL",
        "invoice.updated|500|boom|server_error|retries such deliveries with backoff for up to 3 days|resend once it is fixed",
        "invoice.updated|503||server_error|failed with 503|backend's logs",
        "invoice.updated|301||redirected|Stripe does not follow redirects|https://elsewhere.example/stripe",
    })
    void each_answer_gets_the_verdict_it_supports(String event, int status, String body, String verdict,
                                                  String cause, String fix) {
        Verdict v = judge(event, false, status, body);
        assertThat(v.verdict()).isEqualTo(verdict);
        assertThat(v.cause()).contains(cause);
        assertThat(v.fix()).contains(fix);
    }

    @ParameterizedTest(name = "livemode {0}")
    @CsvSource({"true,a live-mode event", "false,a test-mode event"})
    void a_mode_refusal_names_the_mode_that_was_sent(boolean livemode, String cause) {
        assertThat(judge("invoice.updated", livemode, 400, "test mode not enabled").cause()).contains(cause);
    }
}
