package dev.notif.amazon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notif.probe.Outcome;
import dev.notif.probe.Verdict;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code (message, status, body) -> verdict, cause, fix}: SNS's rules, without a socket (the CLI tests keep two). */
class AmazonVerdictsTest {
    static AmazonDelivery delivery(String type) {
        SnsMessage m = new SnsMessage(type, "m-1", null, "arn:aws:sns:us-east-1:123456789012:rtn", null, "{}", null,
            "2026-03-01T00:00:00.000Z", "1", "c2ln", "http://127.0.0.1:1/cert.pem", null);
        return new AmazonDelivery("https://api.example.com/amazon", m, "arn:aws:sns:us-east-1:123456789012:rtn:1",
            SnsMessage.CONTENT_TYPE, SnsMessage.NOTIFICATION.equals(type) ? "SUBSCRIPTION_PURCHASED" : null);
    }

    static Verdict judge(String type, int status, String body) {
        return AmazonVerdicts.CLASSIFIER.classify(delivery(type), Outcome.answered(status, 5, body == null ? "" : body,
            Map.of("location", "https://elsewhere.example/amazon")));
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
        // type | status | body | verdict | cause contains | fix contains
        "Notification|200||accepted|accepted a message signed by notif's throwaway certificate|last-received time",
        "SubscriptionConfirmation|200||accepted|to the SubscriptionConfirmation|notif check amazon --url URL",
        "Notification|400|Invalid SNS signature|signature_rejected|expected, because notif signs with a throwaway certificate|--amazon-cert-url-prefix http://127.0.0.1:",
        "Notification|403|{\"error\":\"certificate_rejected\"}|signature_rejected|outside sns.<region>.amazonaws.com|nothing to fix",
        "Notification|415|Unsupported Media Type|rejected|text/plain|whatever the Content-Type",
        "Notification|400|{\"error\":\"invalid JSON body\"}|rejected|text/plain; charset=UTF-8|accept text/plain",
        "Notification|400|{\"error\":\"unsupported_event_type\"}|event_rejected|does not retry a 4xx|answering 200 to those it does not use",
        "Notification|400|Unknown notification type|event_rejected|refuses notifications of type SUBSCRIPTION_PURCHASED|SUBSCRIPTION_PURCHASED",
        "Notification|400|Receipt not found|rejected|Receipt Verification|--receipt-id and --app-user-id",
        "Notification|404|Not Found|rejected|nothing handles this path|Amazon SNS ingestion URL",
        "Notification|403||rejected|allow-listed address|message signature",
        "Notification|400||rejected|without saying why|notif check amazon --url URL",
        "SubscriptionConfirmation|400||rejected|stays unverified in Amazon's console|notif check amazon --url URL",
        "Notification|500|boom|server_error|retries server errors|while its retries last",
        "Notification|302||redirected|does not follow redirects|https://elsewhere.example/amazon",
    })
    void each_answer_gets_the_verdict_it_supports(String type, int status, String body, String verdict, String cause,
                                                  String fix) {
        Verdict v = judge(type, status, body);
        assertThat(v.verdict()).isEqualTo(verdict);
        assertThat(v.cause()).contains(cause);
        assertThat(v.fix()).contains(fix);
        if (status >= 400 && status < 500) {
            assertThat(v.cause()).contains("Amazon does not retry a 4xx");
        }
    }

    @ParameterizedTest(name = "{0} {1} -> signature {2}, content type {3}")
    @CsvSource(delimiter = '|', value = {
        "400|Invalid SNS signature|true|false",
        "403|untrusted signing cert|true|false",
        "415||false|true",
        "400|could not parse the request body|false|true",
        "400|signature invalid, could not parse|true|false",
        "500|signature|false|false",
        "200|ok|false|false",
    })
    void the_differential_probes_read_a_refusal_s_reason(int status, String body, boolean signature,
                                                         boolean contentType) {
        Outcome o = Outcome.answered(status, 5, body == null ? "" : body, Map.of());
        assertThat(AmazonVerdicts.signatureRefusal(o)).isEqualTo(signature);
        assertThat(AmazonVerdicts.contentTypeRefusal(o)).isEqualTo(contentType);
    }
}
