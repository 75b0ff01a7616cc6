package dev.notif.apple;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notif.probe.Outcome;
import dev.notif.probe.Verdict;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code (version, status, body) -> verdict, cause, fix}: Apple's rules, without a socket (the CLI tests keep two). */
class AppleVerdictsTest {
    static final String ROOT = "/home/me/.config/notif/apple-test-chain/root.pem";

    static Verdict judge(String version, AppleEnvironment environment, int status, String body) {
        var notification = new AppleNotificationBuilder.Notification(version, "SUBSCRIBED", "INITIAL_BUY",
            "uuid-1", environment, "com.example.app", "2000000123456789", "{}".getBytes(), null);
        var sent = new AppleDelivery("https://api.example.com/apple", notification, "V1".equals(version) ? null : ROOT);
        return AppleVerdicts.CLASSIFIER.classify(sent, Outcome.answered(status, 5, body == null ? "" : body,
            Map.of("location", "https://api.example.com/apple/")));
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
        // version | status | body | verdict | cause contains | fix contains
        "V2|200||accepted|trusts that root (a test receiver) or does not verify signatures|notif verify apple",
        "V1|200||accepted|to a V1 notification|--original-transaction-id",
        "V2|400|{\"error\":\"signature_mismatch\",\"message\":\"x5c chain does not lead to a trusted root\"}|signature_rejected|does not trust notif's test root|notif listen --apple-root " + ROOT,
        "V2|401|Invalid signature: certificate chain not trusted|signature_rejected|Apple Root CA G3|notif check apple --bundle-id com.example.app",
        "V1|400|{\"error\":\"shared_secret_mismatch\",\"message\":\"password does not match\"}|signature_rejected|V1 notification's password|App-Specific Shared Secret",
        "V1|401|wrong password|signature_rejected|shared secret it holds|App-Specific Shared Secret",
        "V2|400|{\"error\":\"wrong_app\",\"message\":\"bundle id com.example.app is not configured\"}|rejected|not set up for bundle id com.example.app|--bundle-id",
        "V2|400|{\"error\":\"environment_mismatch\"}|rejected|refuses sandbox notifications|--environment production",
        "V2|400|{\"error\":\"unsupported_event_type\"}|event_rejected|refuses notifications of type SUBSCRIBED|including TEST",
        "V2|400|{\"error\":\"malformed\"}|rejected|as an App Store Server Notification V2|notif setup apple --bundle-id ID --url URL --version V2",
        "V2|400|No subscriber found for original transaction id|rejected|does not know this purchase|--original-transaction-id",
        "V2|403|Forbidden|rejected|requires authentication|the signed payload is the proof",
        "V2|404|Not Found|rejected|nothing handles this path|Apple ingestion URL",
        "V2|400||rejected|answered 400 without saying why|notif verify apple",
        "V2|500|oops|server_error|retries (in production up to five times|answer 200 once it has stored",
        "V2|503||server_error|failed with 503|receiver's logs",
        "V2|301||redirected|Apple does not follow redirects|https://api.example.com/apple/",
    })
    void each_answer_gets_the_verdict_it_supports(String version, int status, String body, String verdict,
                                                  String cause, String fix) {
        Verdict v = judge(version, AppleEnvironment.SANDBOX, status, body);
        assertThat(v.verdict()).isEqualTo(verdict);
        assertThat(v.cause()).contains(cause);
        assertThat(v.fix()).contains(fix);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"PRODUCTION,--environment sandbox", "SANDBOX,--environment production"})
    void an_environment_refusal_names_the_other_environment(AppleEnvironment environment, String fix) {
        assertThat(judge("V2", environment, 400, "wrong environment").fix()).contains(fix);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"V1|signature mismatch", "V2|password does not match"})
    void a_refusal_about_the_other_version_s_proof_is_not_a_signature_rejection(String version, String body) {
        assertThat(judge(version, AppleEnvironment.SANDBOX, 400, body).verdict()).isNotEqualTo("signature_rejected");
    }
}
