package dev.notif.apple;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notif.output.Check;
import dev.notif.probe.Outcome;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** apple.endpoint.reachable as a pure judgement of a URL and what probing it gave. */
class AppleReachabilityTest {
    static final String URL = "https://api.example.com/apple";

    static Check judge(String url, Outcome o) {
        return AppleChecks.reachable("production: ", url, o);
    }

    @Test
    void a_4xx_to_a_body_without_signed_payload_is_what_a_verifying_receiver_answers() {
        Check c = judge(URL, Outcome.answered(400, 12, "{\"error\":\"malformed\"}", Map.of()));
        assertThat(c.status()).isEqualTo(Check.Status.PASS);
        assertThat(c.summary()).startsWith("production: ").contains("TLS 1.2");
    }

    @Test
    void a_redirect_fails_and_names_the_location() {
        Check c = judge(URL, Outcome.answered(308, 5, "", Map.of("location", "https://api.example.com/apple/")));
        assertThat(c.status()).isEqualTo(Check.Status.FAIL);
        assertThat(c.fix()).contains("https://api.example.com/apple/");
    }

    @Test
    void accepting_anything_is_a_warning() {
        assertThat(judge(URL, Outcome.answered(200, 5, "", Map.of())).status()).isEqualTo(Check.Status.WARN);
    }

    @Test
    void a_server_error_is_a_warning() {
        assertThat(judge(URL, Outcome.answered(502, 5, "bad gateway", Map.of())).status()).isEqualTo(Check.Status.WARN);
    }

    @Test
    void a_tls_failure_fails_and_says_what_apple_requires() {
        Check c = judge(URL, Outcome.failed(Outcome.FailureKind.TLS, "the certificate of api.example.com is not trusted",
            30));
        assertThat(c.status()).isEqualTo(Check.Status.FAIL);
        assertThat(c.summary()).contains("TLS 1.2 or newer");
    }

    @Test
    void plain_http_and_low_ports_fail_without_probing() {
        assertThat(judge("http://api.example.com/apple", null).status()).isEqualTo(Check.Status.FAIL);
        Check port = judge("https://api.example.com:8/apple", null);
        assertThat(port.status()).isEqualTo(Check.Status.FAIL);
        assertThat(port.summary()).contains("port 8");
        assertThat(judge("https://api.example.com:8443/apple", Outcome.answered(400, 5, "", Map.of())).status())
            .isEqualTo(Check.Status.PASS);
    }

    @Test
    void a_private_address_reachable_from_here_is_a_warning() {
        Check c = judge("https://10.0.0.5/apple", Outcome.answered(400, 5, "", Map.of()));
        assertThat(c.status()).isEqualTo(Check.Status.WARN);
        assertThat(c.summary()).contains("10.0.0.5");
    }
}
