package dev.notif.amazon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notif.core.Http;
import dev.notif.probe.HttpProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import dev.notif.output.Step;
import org.junit.jupiter.api.AfterEach;
import dev.notif.output.Step;
import org.junit.jupiter.api.BeforeEach;
import dev.notif.output.Step;
import org.junit.jupiter.api.Test;
import dev.notif.output.Step;
import org.junit.jupiter.params.ParameterizedTest;
import dev.notif.output.Step;
import org.junit.jupiter.params.provider.ValueSource;

class SnsVerifierTest {
    static final Instant NOW = Instant.parse("2024-05-02T00:54:06.655Z");
    static final String SNS_CERT = "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-0123abcd.pem";
    static final ThrowawaySigner SIGNER = ThrowawaySigner.generate(NOW);
    static final ThrowawaySigner OTHER = ThrowawaySigner.generate(NOW);

    MockWebServer server;
    final AtomicInteger fetches = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    /** A source that serves SIGNER's certificate for any URL it is asked about, counting the requests. */
    CertificateSource snsServing(ThrowawaySigner signer) {
        return url -> {
            fetches.incrementAndGet();
            return signer.certificate();
        };
    }

    static SnsMessage notification(String version, String certUrl) {
        return notification(SIGNER, NOW, version, certUrl);
    }

    static SnsMessage notification(ThrowawaySigner signer, Instant at, String version, String certUrl) {
        SnsMessage unsigned = new SnsMessage("Notification", "b1c4d9bb-0fd9-54b2-8f74-8e59c91e396a", null,
            "arn:aws:sns:us-east-1:123456789012:RTN", null,
            RtnMessage.of("SUBSCRIPTION_PURCHASED", null, null, null, false, at).toJson(), null,
            SnsSession.timestamp(at), null, null, null, "https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe");
        return signer.sign(unsigned, version, certUrl);
    }

    SnsVerifier.Verification verify(SnsMessage m) {
        return new SnsVerifier(snsServing(SIGNER), SnsVerifier.Trust.SNS).verify(m);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "2"})
    void a_message_signed_with_either_version_verifies(String version) {
        SnsVerifier.Verification v = verify(notification(version, SNS_CERT));
        assertThat(v.valid()).as(v.reason()).isTrue();
        assertThat(v.algorithm()).isEqualTo(version.equals("1") ? "SHA1withRSA" : "SHA256withRSA");
        assertThat(v.certificate().source()).isEqualTo("fetched");
        assertThat(v.steps()).extracting(Step::status).containsOnly("pass");
    }

    @Test
    void a_confirmation_verifies_over_its_token_and_subscribe_url() {
        SnsMessage c = SIGNER.sign(new SnsMessage("SubscriptionConfirmation", "id", "2336412f37", "arn:aws:sns:x:1:T",
            null, "You have chosen to subscribe", "https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription",
            SnsSession.timestamp(NOW), null, null, null, null), "2", SNS_CERT);
        assertThat(verify(c).valid()).isTrue();
        SnsMessage tampered = new SnsMessage(c.type(), c.messageId(), "0000000000", c.topicArn(), null, c.message(),
            c.subscribeUrl(), c.timestamp(), c.signatureVersion(), c.signature(), c.signingCertUrl(), null);
        assertThat(verify(tampered).valid()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Message", "MessageId", "Timestamp", "TopicArn"})
    void a_changed_signed_field_fails_the_signature_step(String field) {
        SnsMessage m = notification("1", SNS_CERT);
        SnsMessage t = switch (field) {
            case "Message" -> with(m, m.message().replace("SUBSCRIPTION_PURCHASED", "SUBSCRIPTION_CANCELLED"), m.messageId(),
                m.timestamp(), m.topicArn());
            case "MessageId" -> with(m, m.message(), "another-id", m.timestamp(), m.topicArn());
            case "Timestamp" -> with(m, m.message(), m.messageId(), "2024-05-02T00:54:07.655Z", m.topicArn());
            default -> with(m, m.message(), m.messageId(), m.timestamp(), "arn:aws:sns:us-east-1:123456789012:Other");
        };
        SnsVerifier.Verification v = verify(t);
        assertThat(v.valid()).isFalse();
        assertThat(v.steps().get(v.steps().size() - 1).name()).isEqualTo(SnsVerifier.SIGNATURE);
        assertThat(v.reason()).contains("does not match the string to sign");
    }

    @Test
    void an_unsigned_field_may_change() {
        SnsMessage m = notification("2", SNS_CERT);
        SnsMessage other = new SnsMessage(m.type(), m.messageId(), null, m.topicArn(), null, m.message(), null,
            m.timestamp(), m.signatureVersion(), m.signature(), m.signingCertUrl(), "https://elsewhere/unsubscribe");
        assertThat(verify(other).valid()).isTrue();
    }

    @Test
    void a_switched_signature_version_is_named_as_such() {
        SnsMessage m = notification("2", SNS_CERT);
        SnsMessage claimed1 = m.withSignature("1", m.signature(), m.signingCertUrl());
        SnsVerifier.Verification v = verify(claimed1);
        assertThat(v.valid()).isFalse();
        assertThat(v.reason()).contains("SHA256withRSA but SignatureVersion says 1");
    }

    @Test
    void an_unknown_signature_version_fails_before_any_fetch() {
        SnsMessage m = notification("1", SNS_CERT);
        SnsVerifier.Verification v = verify(m.withSignature("3", m.signature(), m.signingCertUrl()));
        assertThat(v.valid()).isFalse();
        assertThat(v.reason()).contains("SignatureVersion is '3'");
        assertThat(fetches).hasValue(0);
    }

    @Test
    void a_message_signed_by_another_key_fails() {
        SnsVerifier.Verification v = new SnsVerifier(snsServing(OTHER), SnsVerifier.Trust.SNS)
            .verify(notification("1", SNS_CERT));
        assertThat(v.valid()).isFalse();
        assertThat(v.reason()).contains("signed by another key");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://evil.example.com/SimpleNotificationService-0123.pem",
        "https://sns.us-east-1.amazonaws.com.evil.example/SimpleNotificationService-0123.pem",
        "https://sns.amazonaws.com/SimpleNotificationService-0123.pem",
        "http://sns.us-east-1.amazonaws.com/SimpleNotificationService-0123.pem",
        "https://sns.us-east-1.amazonaws.com/cert.txt",
        "https://s3.us-east-1.amazonaws.com/SimpleNotificationService-0123.pem",
    })
    void a_certificate_url_outside_the_sns_hosts_fails_without_a_request(String url) {
        SnsVerifier.Verification v = verify(notification("1", url));
        assertThat(v.valid()).isFalse();
        assertThat(v.steps()).last().extracting(Step::name).isEqualTo(SnsVerifier.CERTIFICATE_URL);
        assertThat(v.reason()).contains("nothing was fetched");
        assertThat(fetches).hasValue(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sns.us-east-1.amazonaws.com", "sns.eu-central-2.amazonaws.com", "SNS.US-WEST-2.AMAZONAWS.COM",
        "sns.cn-north-1.amazonaws.com.cn", "sns.us-gov-west-1.amazonaws.com"})
    void sns_hosts_of_every_partition_are_accepted(String host) {
        assertThat(SnsHosts.isSnsHost(host)).isTrue();
    }

    @Test
    void a_certificate_under_a_trusted_prefix_is_fetched_over_http_and_cached() throws Exception {
        Instant now = Instant.now();
        ThrowawaySigner current = ThrowawaySigner.generate(now);
        server.enqueue(new MockResponse().setBody(current.certificatePem()));
        String url = server.url("/SimpleNotificationService-local.pem").toString();
        var source = new HttpCertificateSource(new HttpProbe(Http.client(Duration.ofSeconds(5))));
        var verifier = new SnsVerifier(source, new SnsVerifier.Trust(List.of(), false,
            List.of(server.url("/").toString())));
        assertThat(verifier.verify(notification(current, now, "1", url)).valid()).isTrue();
        assertThat(verifier.verify(notification(current, now, "2", url)).valid()).isTrue();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void a_certificate_host_that_fails_is_unavailable_not_invalid() {
        server.enqueue(new MockResponse().setResponseCode(503));
        String url = server.url("/SimpleNotificationService-local.pem").toString();
        var source = new HttpCertificateSource(new HttpProbe(Http.client(Duration.ofSeconds(5))));
        SnsVerifier.Verification v = new SnsVerifier(source, new SnsVerifier.Trust(List.of(), false,
            List.of(url))).verify(notification("1", url));
        assertThat(v.valid()).isFalse();
        assertThat(v.unavailable()).isTrue();
        assertThat(v.reason()).contains("HTTP 503");
    }

    @Test
    void a_given_certificate_is_used_without_host_rules_or_requests() {
        String foreign = "https://evil.example.com/cert.pem";
        SnsVerifier.Verification v = new SnsVerifier(snsServing(OTHER), SnsVerifier.Trust.only(SIGNER.certificate()))
            .verify(notification("2", foreign));
        assertThat(v.valid()).as(v.reason()).isTrue();
        assertThat(v.certificate().source()).isEqualTo("trusted");
        assertThat(fetches).hasValue(0);

        SnsVerifier.Verification wrong = new SnsVerifier(snsServing(SIGNER), SnsVerifier.Trust.only(OTHER.certificate()))
            .verify(notification("2", SNS_CERT));
        assertThat(wrong.valid()).isFalse();
        assertThat(wrong.reason()).contains("not signed by the given certificate");
        assertThat(fetches).hasValue(0);
    }

    @Test
    void a_certificate_not_valid_at_the_timestamp_fails() {
        SnsMessage m = notification("1", SNS_CERT);
        SnsMessage later = SIGNER.sign(new SnsMessage(m.type(), m.messageId(), null, m.topicArn(), null, m.message(), null,
            SnsSession.timestamp(NOW.plus(Duration.ofDays(30))), null, null, null, m.unsubscribeUrl()), "1", SNS_CERT);
        SnsVerifier.Verification v = verify(later);
        assertThat(v.valid()).isFalse();
        assertThat(v.reason()).contains("was not valid at the message's Timestamp");
    }

    @Test
    void missing_fields_and_unknown_types_fail_the_message_step() {
        SnsMessage m = notification("1", SNS_CERT);
        SnsMessage noSig = m.withSignature("1", null, SNS_CERT);
        assertThat(verify(noSig).reason()).contains("must carry Signature");
        SnsMessage other = new SnsMessage("Ping", "id", null, "arn", null, "m", null, "t", "1", "s", SNS_CERT, null);
        assertThat(verify(other).reason()).contains("Type is 'Ping'");
        assertThat(fetches).hasValue(0);
    }

    private static SnsMessage with(SnsMessage m, String message, String id, String timestamp, String topic) {
        return new SnsMessage(m.type(), id, m.token(), topic, m.subject(), message, m.subscribeUrl(), timestamp,
            m.signatureVersion(), m.signature(), m.signingCertUrl(), m.unsubscribeUrl());
    }
}
