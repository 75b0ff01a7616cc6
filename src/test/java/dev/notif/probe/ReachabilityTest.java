package dev.notif.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notif.output.Check;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The reachability check every store shares: the same detail keys whatever happened. */
class ReachabilityTest {
    static Check check(Outcome o) {
        return Reachability.check("x.endpoint.reachable", "X", o, a -> Check.pass("x.endpoint.reachable",
            "answers " + a.status()));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "DNS|dns|X cannot deliver to a name that does not resolve",
        "REFUSED|refused|nothing listens on that port",
        "TIMEOUT|timeout|X gives up",
        "TLS|tls|X refuses to deliver over a TLS connection it cannot verify",
        "RESET|reset|closed",
    })
    void no_answer_fails_with_the_network_cause(Outcome.FailureKind kind, String failure, String cause) {
        Check c = check(Outcome.failed(kind, "closed", 7));
        assertThat(c.status()).isEqualTo(Check.Status.FAIL);
        assertThat(c.summary()).contains(cause);
        assertThat(c.details()).containsEntry("failure", failure).containsEntry("http_status", null)
            .containsEntry("latency_ms", 7L).containsEntry("body", null);
    }

    @Test
    void a_redirect_fails_and_names_where_it_leads() {
        Check c = check(Outcome.answered(301, 3, "moved", Map.of("location", "https://x.example/y/")));
        assertThat(c.status()).isEqualTo(Check.Status.FAIL);
        assertThat(c.fix()).contains("https://x.example/y/");
        assertThat(c.details()).containsEntry("location", "https://x.example/y/").containsEntry("http_status", 301)
            .containsEntry("body", "moved");
    }

    @Test
    void any_other_answer_is_the_stores_to_judge_with_the_same_details() {
        Check c = check(Outcome.answered(400, 3, "whsec_" + "b".repeat(32), Map.of()));
        assertThat(c.status()).isEqualTo(Check.Status.PASS);
        assertThat(c.summary()).isEqualTo("answers 400");
        assertThat(c.details().keySet()).containsExactly("http_status", "latency_ms", "body");
        assertThat((String) c.details().get("body")).doesNotContain("b".repeat(32));
    }
}
