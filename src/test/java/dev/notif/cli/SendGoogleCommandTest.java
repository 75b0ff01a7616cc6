package dev.notif.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.core.Json;
import dev.notif.testing.FakeGoogle;
import dev.notif.testing.NotifRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SendGoogleCommandTest {
    static final String TOPIC = "projects/acme-prod/topics/play-rtdn";

    @TempDir
    Path home;
    FakeGoogle google;
    MockWebServer endpoint;

    @BeforeEach
    void start() throws Exception {
        google = new FakeGoogle(home);
        endpoint = new MockWebServer();
        endpoint.start();
    }

    @AfterEach
    void stop() throws Exception {
        google.close();
        endpoint.shutdown();
    }

    static JsonNode data(JsonNode message) {
        return Json.parse(new String(Base64.getDecoder().decode(message.path("data").asText()), StandardCharsets.UTF_8));
    }

    @Test
    void publishes_a_test_notification_to_the_topic_as_play_console_does() throws Exception {
        google.givenTopic(TOPIC);
        google.givenSubscription("projects/acme-prod/subscriptions/play-rtdn-push", TOPIC, "https://api.example.com/g");

        NotifRun.Result r = google.run(NotifRun.in(home), "send", "--topic", TOPIC, "--package", "com.acme.app", "--json");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(google.published()).hasSize(1);
        JsonNode n = data(google.published().get(0));
        assertThat(n.path("version").asText()).isEqualTo("1.0");
        assertThat(n.path("packageName").asText()).isEqualTo("com.acme.app");
        assertThat(n.path("eventTimeMillis").asText()).matches("\\d{13}");
        assertThat(n.path("testNotification").path("version").asText()).isEqualTo("1.0");
        assertThat(r.json().path("message_id").asText()).isEqualTo(google.published().get(0).path("messageId").asText());
        assertThat(r.json().path("verdict").asText()).isEqualTo("published");
    }

    @Test
    void a_subscription_notification_takes_its_code_by_name() throws Exception {
        google.givenTopic(TOPIC);

        NotifRun.Result r = google.run(NotifRun.in(home), "send", "--project", "acme-prod", "--topic", "play-rtdn",
            "--type", "subscription", "--notification-type", "SUBSCRIPTION_RENEWED", "--product", "gold_yearly");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode sub = data(google.published().get(0)).path("subscriptionNotification");
        assertThat(sub.path("notificationType").asInt()).isEqualTo(2);
        assertThat(sub.path("subscriptionId").asText()).isEqualTo("gold_yearly");
        assertThat(sub.path("purchaseToken").asText()).hasSizeGreaterThan(100);
        assertThat(r.err()).contains("has no subscription");
    }

    @Test
    void publishing_without_the_publish_permission_exits_3_naming_the_role() throws Exception {
        google.givenTopic(TOPIC);
        google.deny("POST", ":publish");

        NotifRun.Result r = google.run(NotifRun.in(home), "send", "--topic", TOPIC);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).contains("may not publish to the topic", "roles/pubsub.publisher");
    }

    @Test
    void pushes_the_envelope_as_pubsub_does_and_an_answer_2xx_is_accepted() throws Exception {
        endpoint.enqueue(new MockResponse().setResponseCode(204));

        NotifRun.Result r = NotifRun.in(home).run("send", "google", "--url", endpoint.url("/google").toString(),
            "--type", "voided", "--refund-type", "REFUND_TYPE_QUANTITY_BASED_PARTIAL_REFUND", "--json");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.json().path("verdict").asText()).isEqualTo("accepted");
        RecordedRequest req = endpoint.takeRequest(5, TimeUnit.SECONDS);
        assertThat(req.getHeader("Content-Type")).startsWith("application/json");
        assertThat(req.getHeader("User-Agent")).startsWith("APIs-Google");
        JsonNode envelope = Json.parse(req.getBody().readUtf8());
        JsonNode message = envelope.path("message");
        assertThat(message.path("messageId").asText()).isEqualTo(message.path("message_id").asText())
            .isEqualTo(r.json().path("message_id").asText());
        assertThat(message.path("publishTime").asText()).endsWith("Z");
        assertThat(envelope.path("subscription").asText()).startsWith("projects/").contains("/subscriptions/");
        JsonNode voided = data(message).path("voidedPurchaseNotification");
        assertThat(voided.path("refundType").asInt()).isEqualTo(2);
        assertThat(voided.path("productType").asInt()).isEqualTo(1);
        assertThat(voided.path("orderId").asText()).startsWith("GPA.");
    }

    /** Two rows through the whole command; every rule has its row in google.GoogleVerdictsTest. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "400|{\"error\":\"package_mismatch\",\"message\":\"unknown package\"}|event_rejected",
        "301||redirected",
    })
    void a_refused_push_gets_its_verdict_and_exit_1(int status, String body, String verdict) {
        endpoint.enqueue(new MockResponse().setResponseCode(status).setBody(body == null ? "" : body)
            .setHeader("Location", "https://elsewhere.example.com/g"));

        NotifRun.Result r = NotifRun.in(home).run("send", "google", "--url", endpoint.url("/google").toString(), "--json");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.json().path("verdict").asText()).isEqualTo(verdict);
        assertThat(r.json().path("fix").asText()).isNotBlank();
    }

    @Test
    void a_notification_type_on_a_test_notification_is_a_usage_error() {
        NotifRun.Result r = NotifRun.in(home).run("send", "google", "--url", endpoint.url("/g").toString(),
            "--notification-type", "4");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(endpoint.getRequestCount()).isZero();
    }

    @Test
    void an_unknown_code_name_is_a_usage_error_listing_the_names() {
        NotifRun.Result r = NotifRun.in(home).run("send", "google", "--url", endpoint.url("/g").toString(),
            "--type", "subscription", "--notification-type", "SUBSCRIPTION_EXPLODED");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("SUBSCRIPTION_RENEWED");
    }

    @Test
    void an_undocumented_numeric_code_is_sent_with_a_warning() throws Exception {
        endpoint.enqueue(new MockResponse().setResponseCode(200));

        NotifRun.Result r = NotifRun.in(home).run("send", "google", "--url", endpoint.url("/g").toString(),
            "--type", "subscription", "--notification-type", "99");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains("not documented");
        JsonNode sent = data(Json.parse(endpoint.takeRequest(5, TimeUnit.SECONDS).getBody().readUtf8()).path("message"));
        assertThat(sent.path("subscriptionNotification").path("notificationType").asInt()).isEqualTo(99);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"test", "subscription", "one-time", "voided",
        "refund-review"})
    void every_rtdn_kind_is_sent_and_the_receiver_accepts_it(String kind) throws Exception {
        try (var receiver = dev.notif.listen.Receiver.start(new dev.notif.listen.Receiver.Config("127.0.0.1", 0,
            home.resolve("receiver"), dev.notif.listen.Receiver.DEFAULT_MAX_BODY,
            java.util.List.of(new dev.notif.google.GoogleRoute(java.util.Set.of())), java.time.Clock.systemUTC(),
            null))) {
            NotifRun.Result r = NotifRun.in(home).run("send", "google", "--url", receiver.baseUrl() + "/google",
                "--type", kind, "--json");
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.json().path("verdict").asText()).isEqualTo("accepted");
        }
    }

    @Test
    void a_refund_review_carries_its_pending_refund_token_and_order() throws Exception {
        endpoint.enqueue(new MockResponse().setResponseCode(200));
        NotifRun.Result r = NotifRun.in(home).run("send", "google", "--url", endpoint.url("/google").toString(),
            "--type", "refund-review", "--order-id", "GPA.1234-5678-9012-34567", "--json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode review = data(Json.parse(endpoint.takeRequest(5, TimeUnit.SECONDS).getBody().readUtf8()).path("message"))
            .path("pendingRefundReviewNotification");
        assertThat(review.path("orderId").asText()).isEqualTo("GPA.1234-5678-9012-34567");
        assertThat(review.path("pendingRefundToken").asText()).isNotBlank();
        assertThat(review.has("purchaseToken")).isFalse();
    }
}
