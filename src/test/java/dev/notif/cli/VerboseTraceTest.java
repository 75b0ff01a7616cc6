package dev.notif.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notif.testing.FakeStripe;
import dev.notif.testing.HttpPeer;
import dev.notif.testing.NotifRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --verbose}: every HTTP exchange on stderr, on success paths too, with every secret, key and signature masked. */
class VerboseTraceTest {
    static final String SECRET = "whsec_VerboseSecret0123456789abcdefghij";

    @TempDir
    Path home;

    @Test
    void send_traces_the_delivery_and_its_answer_and_keeps_stdout_for_the_result() throws Exception {
        try (HttpPeer receiver = HttpPeer.start(HttpPeer.Mode.HTTP10_CLOSE,
            r -> HttpPeer.Answer.json(200, "{\"received\":true}"))) {
            NotifRun.Result r = NotifRun.in(home).run("send", "stripe", "--url", receiver.url("/stripe"), "--secret",
                SECRET, "--json", "--verbose");
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.json().get("verdict").asText()).isEqualTo("accepted"); // stdout: one JSON document
            assertThat(r.err()).contains("http: > POST " + receiver.url("/stripe"), "Stripe-Signature: t=", ",v1=****",
                "body (", "\"object\": \"event\"", "http: < 200 OK in ", " ms (http/1.0)",
                "{\"received\":true}");
            assertThat(r.err() + r.out()).doesNotContain(SECRET);
            String v1 = receiver.requests().get(0).header("stripe-signature").replaceAll(".*v1=", "");
            assertThat(r.err()).doesNotContain(v1);
        }
    }

    @Test
    void setup_traces_the_stripe_api_with_the_key_and_the_returned_secret_masked() throws Exception {
        try (FakeStripe stripe = new FakeStripe()) {
            NotifRun.Result r = NotifRun.in(home).env("STRIPE_API_KEY", FakeStripe.KEY).run("setup", "stripe", "--url",
                "https://api.example.com/stripe", "--api-base", stripe.apiBase(), "--verbose");
            assertThat(r.exitCode()).as(r.toString()).isZero();
            String secret = stripe.secretOf(stripe.endpoints().get(0).get("id").asText());
            assertThat(r.err()).contains("http: > GET " + stripe.apiBase() + "/v1/webhook_endpoints",
                "http: > POST " + stripe.apiBase() + "/v1/webhook_endpoints", "Authorization: Bearer ****",
                "http: < 200");
            assertThat(r.err() + r.out()).doesNotContain(FakeStripe.KEY).doesNotContain(secret);
        }
    }

    @Test
    void without_verbose_nothing_is_traced() throws Exception {
        try (HttpPeer receiver = HttpPeer.start(HttpPeer.Mode.HTTP11_KEEP_ALIVE,
            r -> HttpPeer.Answer.json(200, "{}"))) {
            NotifRun.Result r = NotifRun.in(home).run("send", "stripe", "--url", receiver.url("/stripe"), "--secret",
                SECRET);
            assertThat(r.err()).doesNotContain("http: >");
        }
    }
}
