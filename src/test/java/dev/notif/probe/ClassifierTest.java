package dev.notif.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one skeleton: no answer, then 2xx, 3xx, 5xx and the rest, whatever the store. */
class ClassifierTest {
    /** A store whose every rule names itself, so the test sees which one the skeleton chose. */
    static final Classifier<String> STORE = new Classifier<>("Test store") {
        @Override
        protected Verdict accepted(String sent, int status) {
            return new Verdict(Verdict.ACCEPTED, "accepted " + sent + " " + status, "none");
        }

        @Override
        protected Verdict serverError(String sent, int status) {
            return new Verdict(Verdict.SERVER_ERROR, "server error " + status, "logs");
        }

        @Override
        protected Verdict rejected(String sent, int status, String body) {
            return new Verdict(Verdict.REJECTED, "rejected " + status + " " + body, "rules");
        }
    };

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "200|accepted|accepted it 200",
        "204|accepted|accepted it 204",
        "299|accepted|accepted it 299",
        "301|redirected|redirecting to https://elsewhere.example/; Test store does not follow redirects",
        "308|redirected|redirecting to https://elsewhere.example/",
        "500|server_error|server error 500",
        "503|server_error|server error 503",
        "400|rejected|rejected 400 body",
        "404|rejected|rejected 404 body",
        "499|rejected|rejected 499 body",
        "101|rejected|rejected 101 body",
    })
    void each_status_class_goes_to_its_rule(int status, String verdict, String cause) {
        Verdict v = STORE.classify("it", Outcome.answered(status, 3, "body",
            Map.of("location", "https://elsewhere.example/")));
        assertThat(v.verdict()).isEqualTo(verdict);
        assertThat(v.cause()).contains(cause);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "DNS|unreachable|Test store cannot deliver to a name that does not resolve",
        "REFUSED|unreachable|nothing listens on that port",
        "TIMEOUT|timeout|Test store gives up",
        "TLS|tls_error|Test store refuses to deliver",
        "RESET|unreachable|closed",
    })
    void no_answer_is_never_read_as_a_refusal(Outcome.FailureKind kind, String verdict, String cause) {
        Verdict v = STORE.classify("it", Outcome.failed(kind, "closed", 3));
        assertThat(v.verdict()).isEqualTo(verdict);
        assertThat(v.cause()).contains(cause);
        assertThat(v.accepted()).isFalse();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "404|Not Found|rejected 404 ",
        "404|<html><head><title>404 Not Found</title></head><body><center><h1>404 Not Found</h1></center><hr><center>nginx</center></body></html>|rejected 404 ",
        "400|{\"error\":\"Bad Request\"}|rejected 400 ",
        "403|Forbidden|rejected 403 ",
        "404|Subscription not found|rejected 404 Subscription not found",
        "400|{\"error\":\"signature_mismatch\"}|rejected 400 {\"error\":\"signature_mismatch\"}",
    })
    void a_body_that_only_repeats_the_status_line_reaches_the_rules_empty(int status, String body, String cause) {
        assertThat(STORE.classify("it", Outcome.answered(status, 3, body, Map.of())).cause().strip()).isEqualTo(cause);
    }
}
