package dev.notif.google;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.core.Json;
import dev.notif.listen.Answer;
import dev.notif.listen.Inbound;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GoogleRouteTest {
    static final Instant AT = Instant.parse("2026-03-10T12:00:00Z");

    static Inbound push(String notification) {
        String body = "{\"message\":{\"attributes\":{},\"data\":\"" + Base64.getEncoder().encodeToString(
            notification.getBytes(StandardCharsets.UTF_8)) + "\",\"messageId\":\"136969346945\",\"message_id\":"
            + "\"136969346945\",\"publishTime\":\"2026-03-10T11:59:59.123Z\"},\"subscription\":"
            + "\"projects/acme-prod/subscriptions/play-rtdn-push\"}";
        return raw(body);
    }

    static Inbound raw(String body) {
        return new Inbound("POST", "/google", null, Map.of("content-type", "application/json"),
            body.getBytes(StandardCharsets.UTF_8), AT);
    }

    static JsonNode body(Answer a) {
        return Json.parse(a.body());
    }

    @Test
    void a_subscription_notification_is_recorded_with_its_type_package_and_message_id() {
        Answer a = new GoogleRoute(Set.of()).handle(push("{\"version\":\"1.0\",\"packageName\":\"com.acme.app\","
            + "\"eventTimeMillis\":\"1503349566168\",\"subscriptionNotification\":{\"version\":\"1.0\","
            + "\"notificationType\":4,\"purchaseToken\":\"PURCHASE_TOKEN\",\"subscriptionId\":\"monthly001\"}}"));

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.entry().accepted()).isTrue();
        assertThat(a.entry().store()).isEqualTo("google");
        assertThat(a.entry().type()).isEqualTo("subscription:SUBSCRIPTION_PURCHASED");
        assertThat(a.entry().id()).isEqualTo("136969346945");
        assertThat(a.entry().at()).isEqualTo(AT);
        assertThat(a.entry().detail().path("package_name").asText()).isEqualTo("com.acme.app");
        assertThat(a.entry().detail().path("event_time").asText()).isEqualTo("2017-08-21T21:06:06.168Z");
    }

    @Test
    void event_time_as_a_number_and_an_undocumented_code_are_tolerated() {
        Answer a = new GoogleRoute(Set.of()).handle(push("{\"version\":\"1.0\",\"packageName\":\"com.acme.app\","
            + "\"eventTimeMillis\":1503349566168,\"subscriptionNotification\":{\"version\":\"1.0\","
            + "\"notificationType\":99,\"purchaseToken\":\"T\"}}"));

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.entry().type()).isEqualTo("subscription:99");
    }

    @Test
    void a_notification_kind_google_added_later_is_accepted() {
        Answer a = new GoogleRoute(Set.of()).handle(push("{\"version\":\"1.0\",\"packageName\":\"com.acme.app\","
            + "\"eventTimeMillis\":\"1503349566168\",\"installmentPlanNotification\":{\"purchaseToken\":\"T\"}}"));

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.entry().type()).isEqualTo("installmentPlanNotification");
    }

    @Test
    void a_pending_refund_review_is_recorded_as_refund_review_and_needs_its_token() {
        String head = "{\"version\":\"1.0\",\"packageName\":\"com.acme.app\",\"eventTimeMillis\":\"1503349566168\","
            + "\"pendingRefundReviewNotification\":{\"version\":\"1.0\",";
        Answer a = new GoogleRoute(Set.of()).handle(push(head + "\"pendingRefundToken\":\"R\",\"orderId\":\"GPA.1\","
            + "\"refundReason\":7}}"));
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.entry().type()).isEqualTo("refund-review");
        Answer missing = new GoogleRoute(Set.of()).handle(push(head + "\"orderId\":\"GPA.1\"}}"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(body(missing).path("message").asText()).contains("pendingRefundToken");
    }

    @Test
    void what_notif_send_google_builds_is_accepted_for_every_kind() {
        for (DeveloperNotification.Kind kind : DeveloperNotification.Kind.values()) {
            var n = DeveloperNotification.build(new DeveloperNotification.Options(kind, "com.acme.app", null, null,
                null, null, null, null, AT));
            Answer a = new GoogleRoute(Set.of("com.acme.app")).handle(push(Json.compact(n)));
            assertThat(a.status()).as(kind.word).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "[]", "{\"message\":\"x\"}", "{\"message\":{\"data\":42}}",
        "{\"message\":{\"data\":\"%%%not-base64\"}}"})
    void a_malformed_envelope_gets_400_malformed(String body) {
        Answer a = new GoogleRoute(Set.of()).handle(raw(body));

        assertThat(a.status()).isEqualTo(400);
        assertThat(body(a).path("error").asText()).isEqualTo("malformed");
        assertThat(body(a).path("message").asText()).isNotBlank();
        assertThat(a.entry().accepted()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"version\":\"1.0\",\"eventTimeMillis\":\"1\",\"testNotification\":{\"version\":\"1.0\"}}",
        "{\"version\":\"1.0\",\"packageName\":\"com.acme.app\",\"eventTimeMillis\":\"yesterday\",\"testNotification\":{}}",
        "{\"version\":\"1.0\",\"packageName\":\"com.acme.app\",\"eventTimeMillis\":\"1\"}",
        "{\"packageName\":\"com.acme.app\",\"eventTimeMillis\":\"1\",\"subscriptionNotification\":{\"notificationType\":4}}",
        "{\"packageName\":\"com.acme.app\",\"eventTimeMillis\":\"1\",\"subscriptionNotification\":"
            + "{\"notificationType\":\"four\",\"purchaseToken\":\"T\"}}",
    })
    void an_unusable_notification_gets_400_invalid_notification(String notification) {
        Answer a = new GoogleRoute(Set.of()).handle(push(notification));

        assertThat(a.status()).isEqualTo(400);
        assertThat(body(a).path("error").asText()).isEqualTo("invalid_notification");
    }

    @Test
    void another_apps_notification_gets_400_package_mismatch_when_packages_are_given() {
        Answer a = new GoogleRoute(Set.of("com.acme.app")).handle(push("{\"version\":\"1.0\",\"packageName\":"
            + "\"com.other.app\",\"eventTimeMillis\":\"1\",\"testNotification\":{\"version\":\"1.0\"}}"));

        assertThat(a.status()).isEqualTo(400);
        assertThat(body(a).path("error").asText()).isEqualTo("package_mismatch");
        assertThat(a.entry().error()).isEqualTo("package_mismatch");
    }
}
