package dev.notif.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.amazon.RtnMessage;
import dev.notif.amazon.SnsMessage;
import dev.notif.amazon.ThrowawaySigner;
import dev.notif.testing.NotifRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VerifyAmazonCommandTest {
    static final Instant NOW = Instant.now();
    static final ThrowawaySigner SIGNER = ThrowawaySigner.generate(NOW);
    static final String SNS_CERT = "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-a86cb10b4e1f.pem";

    @TempDir
    Path dir;
    Path cert;
    MockWebServer server;

    @BeforeEach
    void setUp() throws Exception {
        cert = dir.resolve("sns.pem");
        Files.writeString(cert, SIGNER.certificatePem());
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    static SnsMessage notification(String version, String certUrl) {
        SnsMessage unsigned = new SnsMessage("Notification", "b1c4d9bb-0fd9-54b2-8f74-8e59c91e396a", null,
            "arn:aws:sns:us-east-1:123456789012:LT0XA", null,
            RtnMessage.of("SUBSCRIPTION_PURCHASED", "com.example.app", null, null, false, NOW).toJson(), null,
            NOW.toString(), null, null, null, "https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe");
        return SIGNER.sign(unsigned, version, certUrl);
    }

    Path file(String body) throws Exception {
        Path f = dir.resolve("message.json");
        Files.writeString(f, body);
        return f;
    }

    NotifRun.Result verify(String body, String... extra) throws Exception {
        String[] base = {"verify", "amazon", "--message", file(body).toString(), "--json"};
        return NotifRun.in(dir).run(base, extra);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "2"})
    void a_message_signed_by_the_given_certificate_is_valid_offline(String version) throws Exception {
        NotifRun.Result r = verify(notification(version, SNS_CERT).body(), "--cert", cert.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode json = r.json();
        assertThat(json.get("ok").asBoolean()).isTrue();
        assertThat(json.get("algorithm").asText()).isEqualTo(version.equals("1") ? "SHA1withRSA" : "SHA256withRSA");
        assertThat(json.at("/certificate/source").asText()).isEqualTo("trusted");
        assertThat(json.at("/notification/notification_type").asText()).isEqualTo("SUBSCRIPTION_PURCHASED");
        assertThat(json.get("string_to_sign").asText()).startsWith("Message\n{").endsWith("Type\nNotification\n");
    }

    @Test
    void a_tampered_message_is_invalid_with_the_reason_and_the_string_to_sign() throws Exception {
        String body = notification("2", SNS_CERT).body().replace("com.example.app", "com.example.other");
        NotifRun.Result r = verify(body, "--cert", cert.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        JsonNode json = r.json();
        assertThat(json.get("ok").asBoolean()).isFalse();
        assertThat(json.get("reason").asText()).contains("does not match the string to sign");
        assertThat(json.at("/steps/0/status").asText()).isEqualTo("pass");

        NotifRun.Result text = NotifRun.in(dir).run("verify", "amazon", "--message", file(body).toString(), "--cert",
            cert.toString());
        assertThat(text.out()).contains("invalid: ").contains("string to sign").contains("    MessageId");
    }

    @Test
    void a_certificate_url_outside_sns_fails_without_a_request() throws Exception {
        String foreign = server.url("/SimpleNotificationService-x.pem").toString();
        NotifRun.Result r = verify(notification("1", foreign).body());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.json().get("reason").asText()).contains("not https").contains("nothing was fetched");
        String https = foreign.replace("http://", "https://");
        NotifRun.Result r2 = verify(notification("1", https).body());
        assertThat(r2.json().get("reason").asText()).contains("is not an SNS host");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void the_message_can_come_from_stdin() throws Exception {
        NotifRun.Result r = NotifRun.in(dir).stdin(notification("1", SNS_CERT).body())
            .run("verify", "amazon", "--message", "-", "--cert", cert.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("valid: the signature holds");
    }

    @Test
    void a_body_that_is_not_json_or_a_cert_that_is_not_pem_is_exit_2() throws Exception {
        NotifRun.Result r = verify("Type=Notification");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("notif: --message").contains("not JSON").contains("hint: ");
        Path notPem = dir.resolve("not.pem");
        Files.writeString(notPem, "hello");
        NotifRun.Result r2 = verify(notification("1", SNS_CERT).body(), "--cert", notPem.toString());
        assertThat(r2.exitCode()).isEqualTo(2);
        assertThat(r2.err()).contains("holds no X.509 certificate");
    }
}
