package dev.notif.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.amazon.AmazonRoute;
import dev.notif.amazon.RtnMessage;
import dev.notif.amazon.SnsMessage;
import dev.notif.amazon.SnsVerifier;
import dev.notif.core.Http;
import dev.notif.listen.LogEntry;
import dev.notif.probe.HttpProbe;
import dev.notif.testing.NotifRun;
import dev.notif.testing.RouteDispatcher;
import java.time.Duration;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SendAmazonCommandTest {
    @TempDir
    java.nio.file.Path home;
    MockWebServer server;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    /** notif's own /amazon route as the endpoint; trusting notif's loopback signer when asked to. */
    RouteDispatcher receiver(boolean trustLoopback) throws Exception {
        var trust = new SnsVerifier.Trust(List.of(), false, trustLoopback ? List.of("http://127.0.0.1:") : List.of());
        RouteDispatcher d = new RouteDispatcher(new AmazonRoute(new AmazonRoute.Options(trust, List.of()),
            new HttpProbe(Http.client(Duration.ofSeconds(5))), notice -> { }));
        server.setDispatcher(d);
        server.start();
        return d;
    }

    NotifRun.Result send(String... extra) {
        String[] base = {"send", "amazon", "--url", server.url("/amazon").toString(), "--json"};
        return NotifRun.in(home).run(base, extra);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "2"})
    void a_notification_is_sent_as_sns_sends_it_and_verifies_against_its_served_certificate(String version)
        throws Exception {
        RouteDispatcher d = receiver(true);
        NotifRun.Result r = send("--type", "SUBSCRIPTION_RENEWED", "--signature-version", version);

        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode json = r.json();
        assertThat(json.get("verdict").asText()).isEqualTo("accepted");
        assertThat(json.get("notification_type").asText()).isEqualTo("SUBSCRIPTION_RENEWED");
        assertThat(json.get("signature_version").asText()).isEqualTo(version);
        assertThat(json.get("certificate_fetched").asBoolean()).isTrue();
        assertThat(json.get("subscribe_url_fetched").isNull()).isTrue();
        assertThat(json.get("signed_by").asText()).contains("throwaway").contains("not Amazon");

        RecordedRequest req = server.takeRequest();
        assertThat(req.getHeader("Content-Type")).isEqualTo("text/plain; charset=UTF-8");
        assertThat(req.getHeader("User-Agent")).isEqualTo("Amazon Simple Notification Service Agent");
        assertThat(req.getHeader("x-amz-sns-message-type")).isEqualTo("Notification");
        assertThat(req.getHeader("x-amz-sns-message-id")).isEqualTo(json.get("message_id").asText());
        assertThat(req.getHeader("x-amz-sns-topic-arn")).isEqualTo("arn:aws:sns:us-east-1:123456789012:notif-rtn-test");
        assertThat(req.getHeader("x-amz-sns-subscription-arn")).startsWith("arn:aws:sns:us-east-1:123456789012:notif-rtn-test:");
        SnsMessage m = SnsMessage.parse(req.getBody().readUtf8());
        RtnMessage rtn = RtnMessage.parse(m.message()).message();
        assertThat(rtn.notificationType()).isEqualTo("SUBSCRIPTION_RENEWED");
        assertThat(rtn.receiptId()).endsWith(":3:11");
        assertThat(rtn.betaProductTransaction()).isFalse();
        assertThat(m.signingCertUrl()).startsWith("http://127.0.0.1:").endsWith(".pem");

        LogEntry entry = d.entries().get(0);
        assertThat(entry.accepted()).isTrue();
        assertThat(entry.type()).isEqualTo("SUBSCRIPTION_RENEWED");
    }

    @Test
    void a_confirmation_reports_that_the_endpoint_fetched_the_subscribe_url() throws Exception {
        RouteDispatcher d = receiver(true);
        NotifRun.Result r = send("--confirmation");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.json().get("message_type").asText()).isEqualTo("SubscriptionConfirmation");
        assertThat(r.json().get("subscribe_url_fetched").asBoolean()).isTrue();
        SnsMessage m = SnsMessage.parse(server.takeRequest().getBody().readUtf8());
        assertThat(m.subscribeUrl()).contains("Action=ConfirmSubscription").contains("Token=" + m.token());
        assertThat(d.entries().get(0).detail().get("subscription_arn").asText()).startsWith(m.topicArn() + ":");
    }

    @Test
    void a_confirmation_answered_without_a_visit_says_so() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(200));
        server.start();
        NotifRun.Result r = send("--confirmation", "--wait", "0.2");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.json().get("subscribe_url_fetched").asBoolean()).isFalse();
        assertThat(r.json().get("fix").asText()).contains("SubscribeURL");
    }

    @Test
    void a_backend_that_verifies_sns_hosts_refuses_it_and_the_verdict_says_that_is_expected() throws Exception {
        RouteDispatcher d = receiver(false);
        NotifRun.Result r = send();
        assertThat(r.exitCode()).isEqualTo(1);
        JsonNode json = r.json();
        assertThat(json.get("http_status").asInt()).isEqualTo(400);
        assertThat(json.get("verdict").asText()).isEqualTo("signature_rejected");
        assertThat(json.get("cause").asText()).contains("expected").contains("does not retry a 4xx");
        assertThat(json.get("certificate_fetched").asBoolean()).isFalse();
        assertThat(d.entries().get(0).error()).isEqualTo("certificate_rejected");
    }

    /** Two rows through the whole command; every rule has its row in amazon.AmazonVerdictsTest. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "400|{\"error\":\"invalid JSON body\"}|rejected|text/plain",
        "302||redirected|does not follow redirects",
    })
    void a_refused_notification_gets_the_verdict_its_answer_supports(int status, String body, String verdict,
                                                                     String cause) throws Exception {
        server.enqueue(new MockResponse().setResponseCode(status).setBody(body == null ? "" : body));
        server.start();
        NotifRun.Result r = send();
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.json().get("verdict").asText()).isEqualTo(verdict);
        assertThat(r.json().get("cause").asText()).contains(cause);
        assertThat(r.json().get("fix").asText()).isNotBlank();
    }

    @Test
    void the_public_url_is_what_the_endpoint_is_told_to_fetch() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(200));
        server.start();
        NotifRun.Result r = send("--confirmation", "--wait", "0.1", "--public-url", "https://abc.tunnel.example/");
        SnsMessage m = SnsMessage.parse(server.takeRequest().getBody().readUtf8());
        // under a path of this command's own on the host (commands running at once share it)
        assertThat(m.signingCertUrl()).matches("https://abc\\.tunnel\\.example/[0-9a-f]{24}/SimpleNotificationService-"
            + "[0-9a-f]{32}\\.pem");
        assertThat(m.subscribeUrl()).matches("https://abc\\.tunnel\\.example/[0-9a-f]{24}/\\?Action=ConfirmSubscription&.*");
        assertThat(r.json().get("signing_cert_url").asText()).isEqualTo(m.signingCertUrl());
    }

    @Test
    void an_untrusted_tls_certificate_is_a_tls_error() throws Exception {
        HeldCertificate cert = new HeldCertificate.Builder().addSubjectAlternativeName("localhost").build();
        server.useHttps(new HandshakeCertificates.Builder().heldCertificate(cert).build().sslSocketFactory(), false);
        server.start();
        NotifRun.Result r = NotifRun.in(home).run("send", "amazon", "--url",
            "https://localhost:" + server.getPort() + "/amazon", "--json");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.json().get("verdict").asText()).isEqualTo("tls_error");
        assertThat(r.json().get("cause").asText()).contains("Amazon SNS refuses");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--type|SUBSCRIPTION_FLYING|unknown Amazon RTN type",
        "--signature-version|3|--signature-version must be 1",
        "--topic-arn|MyTopic|not an SNS topic ARN",
        "--public-url|ftp://x|--public-url must start with",
        "--wait|0|--wait must be more than 0 and at most 600 seconds, got 0",
        "--callback-port|70000|--callback-port must be between",
        "--callback-host|0.0.0.0|binds every interface",
    })
    void bad_input_is_exit_2_with_one_line_and_a_hint(String option, String value, String message) throws Exception {
        server.start();
        NotifRun.Result r = NotifRun.in(home).run("send", "amazon", "--url", server.url("/amazon").toString(), option,
            value);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        String[] lines = r.err().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("notif: ").contains(message);
        assertThat(lines[1]).startsWith("hint: ");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void type_and_confirmation_exclude_each_other() throws Exception {
        server.start();
        NotifRun.Result r = send("--confirmation", "--type", "SUBSCRIPTION_RENEWED");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("exclude each other");
    }

    @Test
    void text_output_never_presents_the_message_as_amazon_signed() throws Exception {
        receiver(true);
        NotifRun.Result r = NotifRun.in(home).run("send", "amazon", "--url", server.url("/amazon").toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("throwaway certificate").contains("accepted:")
            .contains("Notification SUBSCRIPTION_PURCHASED");
    }
}
