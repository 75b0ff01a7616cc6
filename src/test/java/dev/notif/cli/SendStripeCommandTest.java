package dev.notif.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.stripe.net.Webhook;
import dev.notif.testing.NotifRun;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SendStripeCommandTest {
    static final String SECRET = "whsec_0123456789abcdefghijklmnopqrstuv";

    @TempDir
    Path home;
    MockWebServer server;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    NotifRun.Result send(String... extra) {
        String[] base = {"send", "stripe", "--url", server.url("/stripe").toString(), "--secret", SECRET, "--json"};
        return NotifRun.in(home).run(base, extra);
    }

    @Test
    void an_accepted_delivery_is_signed_so_stripe_java_verifies_it_and_exits_0() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(200).setBody("{\"ok\":true}"));
        NotifRun.Result r = send("--event", "invoice.updated");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode json = r.json();
        assertThat(json.get("verdict").asText()).isEqualTo("accepted");
        assertThat(json.get("http_status").asInt()).isEqualTo(200);
        assertThat(json.get("event_type").asText()).isEqualTo("invoice.updated");
        assertThat(json.get("secret").asText()).isEqualTo("whsec_****stuv");

        RecordedRequest req = server.takeRequest(5, TimeUnit.SECONDS);
        String body = req.getBody().readString(StandardCharsets.UTF_8);
        assertThat(req.getHeader("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(req.getHeader("User-Agent")).startsWith("Stripe/1.0");
        var event = Webhook.constructEvent(body, req.getHeader("Stripe-Signature"), SECRET);
        assertThat(event.getType()).isEqualTo("invoice.updated");
        assertThat(event.getId()).isEqualTo(json.get("event_id").asText());
    }

    /** Two rows through the whole command; every rule has its row in stripe.StripeVerdictsTest. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "400|{\"error\":\"signature_mismatch\",\"message\":\"no v1 signature matches\"}|signature_rejected",
        "503||server_error",
    })
    void a_refused_delivery_gets_the_verdict_its_answer_supports(int status, String body, String verdict) {
        server.enqueue(new MockResponse().setResponseCode(status).setBody(body == null ? "" : body));
        NotifRun.Result r = send();
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.json().get("verdict").asText()).isEqualTo(verdict);
        assertThat(r.json().get("cause").asText()).isNotBlank();
        assertThat(r.json().get("fix").asText()).isNotBlank();
    }

    @Test
    void a_redirect_is_not_followed() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(301).setHeader("Location", "https://elsewhere.example/stripe"));
        JsonNode json = send().json();
        assertThat(json.get("verdict").asText()).isEqualTo("redirected");
        assertThat(json.get("fix").asText()).contains("https://elsewhere.example/stripe");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void no_answer_within_the_timeout_is_a_timeout_verdict() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        NotifRun.Result r = send("--timeout", "0.3");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.json().get("verdict").asText()).isEqualTo("timeout");
        assertThat(r.json().get("http_status").isNull()).isTrue();
    }

    @Test
    void a_closed_port_is_unreachable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        NotifRun.Result r = NotifRun.in(home).run("send", "stripe", "--url", "http://127.0.0.1:" + port + "/x",
            "--secret", SECRET, "--json");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.json().get("verdict").asText()).isEqualTo("unreachable");
        assertThat(r.json().get("cause").asText()).contains("refused");
    }

    @Test
    void an_untrusted_certificate_is_a_tls_error() throws Exception {
        HeldCertificate cert = new HeldCertificate.Builder().addSubjectAlternativeName("localhost").build();
        server.shutdown();
        server = new MockWebServer();
        server.useHttps(new HandshakeCertificates.Builder().heldCertificate(cert).build().sslSocketFactory(), false);
        server.start();
        NotifRun.Result r = NotifRun.in(home).run("send", "stripe", "--url",
            "https://localhost:" + server.getPort() + "/stripe", "--secret", SECRET, "--json");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.json().get("verdict").asText()).isEqualTo("tls_error");
        assertThat(r.json().get("cause").asText()).contains("not trusted");
    }

    @Test
    void an_event_outside_the_accepted_set_is_sent_with_a_warning() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(400).setBody("{\"error\":\"unsupported_event_type\"}"));
        NotifRun.Result r = send("--event", "invoice.paid");
        assertThat(r.err()).contains("warning: invoice.paid is not an event the ingestion service accepts");
        assertThat(r.json().get("verdict").asText()).isEqualTo("event_rejected");
        assertThat(server.takeRequest().getBody().readUtf8()).contains("\"type\": \"invoice.paid\"");
    }

    @Test
    void a_whole_event_in_data_is_replayed_byte_for_byte() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(200));
        Path file = home.resolve("event.json");
        String captured = "{\"id\":\"evt_captured\",\"object\":\"event\",\"type\":\"charge.refunded\",\"data\":{\"object\":{}}}";
        Files.writeString(file, captured);
        NotifRun.Result r = send("--data", file.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        RecordedRequest req = server.takeRequest();
        assertThat(req.getBody().readUtf8()).isEqualTo(captured);
        assertThat(r.json().get("event_id").asText()).isEqualTo("evt_captured");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--url|not a url|must start with https://",
        "--url|https://|not a valid URL",
        "--secret|sk_test_51Habcdefghijklmnop|API key",
        "--secret|rk_live_51Habcdefghijklmnop|API key",
        "--secret|' whsec_abcdefghijklmnopqrstuvwxyz'|whitespace",
        "--secret|\"whsec_abcdefghijklmnopqrstuvwxyz\"|quotes",
        "--event|invoice.flying|unknown Stripe event type",
        "--timestamp|1700000000000|milliseconds",
        "--timeout|0|--timeout",
    })
    void bad_input_is_exit_2_with_one_line_and_a_hint(String option, String value, String message) {
        String url = option.equals("--url") ? value : server.url("/stripe").toString();
        String secret = option.equals("--secret") ? value : SECRET;
        NotifRun.Result r = option.equals("--url") || option.equals("--secret")
            ? NotifRun.in(home).run("send", "stripe", "--url", url, "--secret", secret)
            : NotifRun.in(home).run("send", "stripe", "--url", url, "--secret", secret, option, value);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        String[] lines = r.err().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("notif: ").contains(message);
        assertThat(lines[1]).startsWith("hint: ");
        assertThat(r.err()).doesNotContain("51Habcdefghijklmnop").doesNotContain("Exception");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void an_unknown_flag_is_exit_2_with_a_suggestion() {
        NotifRun.Result r = NotifRun.in(home).run("send", "stripe", "--secrett", SECRET);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("notif: unknown option '--secrett'").contains("hint: ");
    }

    @Test
    void json_errors_are_one_document_on_stdout_too() {
        NotifRun.Result r = NotifRun.in(home).run("send", "stripe", "--url", "ftp://x", "--secret", SECRET, "--json");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.json().get("ok").asBoolean()).isFalse();
        assertThat(r.json().at("/error/exit_code").asInt()).isEqualTo(2);
    }

    @Test
    void the_secret_from_the_environment_is_used_and_redacted_in_text_output() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(200));
        NotifRun.Result r = NotifRun.in(home).env("STRIPE_WEBHOOK_SECRET", SECRET)
            .run("send", "stripe", "--url", server.url("/stripe").toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("accepted").contains("whsec_****stuv").doesNotContain(SECRET);
        RecordedRequest req = server.takeRequest();
        Webhook.constructEvent(req.getBody().readUtf8(), req.getHeader("Stripe-Signature"), SECRET);
    }
}
