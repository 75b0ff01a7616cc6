package dev.notif.amazon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.core.Http;
import dev.notif.core.Json;
import dev.notif.listen.Answer;
import dev.notif.listen.Inbound;
import dev.notif.probe.HttpProbe;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AmazonRouteTest {
    static final String LOOPBACK = "http://127.0.0.1:";
    SnsSession session;
    final List<String> notices = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        session = SnsSession.open(new SnsSession.Options(SnsSession.DEFAULT_TOPIC_ARN, "2", "127.0.0.1", 0, null), Clock.systemUTC(), null);
    }

    @AfterEach
    void close() {
        session.close();
    }

    AmazonRoute route(SnsVerifier.Trust trust, String... topics) {
        return new AmazonRoute(new AmazonRoute.Options(trust, List.of(topics)),
            new HttpProbe(Http.client(Duration.ofSeconds(5))), notices::add);
    }

    AmazonRoute trustingLoopback() {
        return route(new SnsVerifier.Trust(List.of(), false, List.of(LOOPBACK)));
    }

    static Inbound post(String body) {
        return new Inbound("POST", "/amazon", null, Map.of("content-type", "text/plain; charset=UTF-8"),
            body.getBytes(StandardCharsets.UTF_8), Instant.now());
    }

    static Inbound post(SnsMessage m) {
        return post(m.body());
    }

    SnsMessage notification(String type) {
        return session.notification(RtnMessage.of(type, null, null, null, false, Instant.now()));
    }

    static String error(Answer a) {
        JsonNode body = Json.parse(a.body());
        return body.get("error").asText();
    }

    @Test
    void a_verified_notification_is_recorded_with_its_purchase() {
        SnsMessage m = notification("SUBSCRIPTION_MODIFIED_IMMEDIATE");
        Answer a = trustingLoopback().handle(post(m));
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        assertThat(a.entry().accepted()).isTrue();
        assertThat(a.entry().store()).isEqualTo("amazon");
        assertThat(a.entry().type()).isEqualTo("SUBSCRIPTION_MODIFIED_IMMEDIATE");
        assertThat(a.entry().id()).isEqualTo(m.messageId());
        assertThat(a.entry().detail().get("receipt_id").asText()).endsWith(":3:11");
        assertThat(a.entry().detail().at("/related_receipts/cancelledReceiptId").asText()).isNotBlank();
        assertThat(a.entry().detail().get("signature_version").asText()).isEqualTo("2");
    }

    @Test
    void a_confirmation_is_confirmed_by_visiting_the_subscribe_url() {
        SnsMessage c = session.confirmation();
        Answer a = trustingLoopback().handle(post(c));
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        assertThat(session.host().awaitConfirmation(c.token(), Duration.ZERO)).isTrue();
        assertThat(a.entry().type()).isEqualTo("SubscriptionConfirmation");
        assertThat(notices).anyMatch(n -> n.contains("confirmed the subscription"));
    }

    @Test
    void a_tampered_notification_is_a_signature_mismatch() {
        SnsMessage m = notification("SUBSCRIPTION_PURCHASED");
        String tampered = m.body().replace("SUBSCRIPTION_PURCHASED", "SUBSCRIPTION_CANCELLED");
        Answer a = trustingLoopback().handle(post(tampered));
        assertThat(a.status()).isEqualTo(400);
        assertThat(error(a)).isEqualTo("signature_mismatch");
        assertThat(a.entry().accepted()).isFalse();
    }

    @Test
    void by_default_only_sns_certificate_hosts_are_trusted_and_nothing_else_is_fetched() {
        Answer a = route(SnsVerifier.Trust.SNS).handle(post(notification("SUBSCRIPTION_PURCHASED")));
        assertThat(a.status()).isEqualTo(400);
        assertThat(error(a)).isEqualTo("certificate_rejected");
        assertThat(session.host().visits()).isEmpty();
    }

    @Test
    void a_trusted_certificate_verifies_without_fetching_but_its_subscribe_url_must_still_be_sns() {
        SnsVerifier.Trust trust = new SnsVerifier.Trust(List.of(session.certificate()), false, List.of());
        Answer n = route(trust).handle(post(notification("ENTITLEMENT_PURCHASED")));
        assertThat(n.status()).as(n.body()).isEqualTo(200);
        Answer c = route(trust).handle(post(session.confirmation()));
        assertThat(c.status()).isEqualTo(400);
        assertThat(Json.parse(c.body()).get("message").asText()).contains("SubscribeURL").contains("not visited");
        assertThat(session.host().visits()).isEmpty();
    }

    @Test
    void an_unknown_notification_type_is_refused() {
        SnsMessage m = notification("SUBSCRIPTION_PURCHASED");
        SnsMessage unknown = session.sign(new SnsMessage(m.type(), m.messageId(), null, m.topicArn(), null,
            m.message().replace("SUBSCRIPTION_PURCHASED", "SUBSCRIPTION_PAUSED"), null, m.timestamp(), null, null, null,
            m.unsubscribeUrl()));
        Answer a = trustingLoopback().handle(post(unknown));
        assertThat(a.status()).isEqualTo(400);
        assertThat(error(a)).isEqualTo("unsupported_event_type");
    }

    @Test
    void amazons_trailing_comma_in_the_message_is_tolerated_but_a_message_that_is_no_rtn_is_malformed() {
        SnsMessage m = notification("CONSUMABLE_PURCHASED");
        SnsMessage comma = session.sign(new SnsMessage(m.type(), m.messageId(), null, m.topicArn(), null,
            m.message().substring(0, m.message().length() - 1) + ",}", null, m.timestamp(), null, null, null, m.unsubscribeUrl()));
        assertThat(trustingLoopback().handle(post(comma)).status()).isEqualTo(200);
        SnsMessage hello = session.sign(new SnsMessage(m.type(), m.messageId(), null, m.topicArn(), null, "Hello world!",
            null, m.timestamp(), null, null, null, m.unsubscribeUrl()));
        Answer a = trustingLoopback().handle(post(hello));
        assertThat(a.status()).isEqualTo(400);
        assertThat(error(a)).isEqualTo("malformed");
    }

    @Test
    void a_body_that_is_not_an_sns_message_is_malformed() {
        Answer a = trustingLoopback().handle(post("{\"receiptId\": \"x\"}"));
        assertThat(error(a)).isEqualTo("malformed");
        assertThat(error(trustingLoopback().handle(post("receiptId=x")))).isEqualTo("malformed");
    }

    @Test
    void another_topic_is_refused_when_topics_are_given() {
        Answer a = route(new SnsVerifier.Trust(List.of(), false, List.of(LOOPBACK)),
            "arn:aws:sns:us-east-1:123456789012:Mine").handle(post(notification("SUBSCRIPTION_PURCHASED")));
        assertThat(a.status()).isEqualTo(400);
        assertThat(error(a)).isEqualTo("topic_mismatch");
    }

    @Test
    void a_certificate_host_that_is_down_is_a_503_that_sns_retries() {
        SnsMessage m = notification("SUBSCRIPTION_PURCHASED");
        session.close();
        Answer a = trustingLoopback().handle(post(m));
        assertThat(a.status()).isEqualTo(503);
        assertThat(error(a)).isEqualTo("certificate_unavailable");
    }

    @Test
    void a_failing_subscribe_url_is_a_502_that_sns_retries() {
        SnsMessage c = session.confirmation();
        SnsMessage wrongToken = session.sign(new SnsMessage(c.type(), c.messageId(), "not-the-token", c.topicArn(), null,
            c.message(), c.subscribeUrl().replace(c.token(), "not-the-token"), c.timestamp(), null, null, null, null));
        Answer a = trustingLoopback().handle(post(wrongToken));
        assertThat(a.status()).isEqualTo(502);
        assertThat(error(a)).isEqualTo("confirmation_failed");
        assertThat(Json.parse(a.body()).get("message").asText()).contains("HTTP 400");
    }

    @Test
    void an_unsubscribe_confirmation_is_recorded_with_a_notice() {
        SnsMessage c = session.confirmation();
        SnsMessage unsub = session.sign(new SnsMessage(SnsMessage.UNSUBSCRIBE_CONFIRMATION, c.messageId(), c.token(),
            c.topicArn(), null, "You have chosen to deactivate subscription", c.subscribeUrl(), c.timestamp(), null, null,
            null, null));
        Answer a = trustingLoopback().handle(post(unsub));
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.entry().type()).isEqualTo("UnsubscribeConfirmation");
        assertThat(notices).anyMatch(n -> n.contains("was removed"));
    }
}
