package dev.notif.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.stripe.model.Event;
import com.stripe.model.StripeObject;
import com.stripe.net.ApiResource;
import dev.notif.core.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StripeEventBuilderTest {

    @ParameterizedTest
    @ValueSource(strings = {"customer.subscription.updated", "customer.subscription.deleted", "charge.refunded",
        "invoice.updated", "customer.subscription.created", "checkout.session.completed"})
    void each_allowed_event_deserialises_with_stripe_java_into_its_own_object(String type) throws Exception {
        Instant now = Instant.parse("2026-11-22T10:00:00Z");
        JsonNode event = StripeEventBuilder.build(new StripeEventBuilder.Options(type, "cus_ABC", "sub_XYZ", false, now, null));
        String body = Json.pretty(event);

        Event parsed = ApiResource.GSON.fromJson(body, Event.class);
        assertThat(parsed.getType()).isEqualTo(type);
        assertThat(parsed.getId()).startsWith("evt_");
        assertThat(parsed.getCreated()).isEqualTo(now.getEpochSecond());
        StripeObject object = parsed.getDataObjectDeserializer().deserializeUnsafe();
        String expected = type.startsWith("customer.subscription") ? "subscription"
            : type.startsWith("charge") ? "charge" : type.startsWith("invoice") ? "invoice" : "checkout.session";
        assertThat(event.at("/data/object/object").asText()).isEqualTo(expected);
        assertThat(object).isNotNull();
        assertThat(body).contains("cus_ABC");
        if (!type.startsWith("charge")) {
            assertThat(body).contains("sub_XYZ");
        }
    }

    @Test
    void a_deleted_subscription_is_canceled_now() {
        String type = "customer.subscription.deleted";
        Instant now = Instant.parse("2026-11-22T10:00:00Z");
        JsonNode event = StripeEventBuilder.build(new StripeEventBuilder.Options(type, null, null, true, now, null));
        assertThat(event.at("/data/object/status").asText()).isEqualTo("canceled");
        assertThat(event.at("/data/object/ended_at").asLong()).isEqualTo(now.getEpochSecond());
        assertThat(event.at("/livemode").asBoolean()).isTrue();
        assertThat(event.at("/data/object/livemode").asBoolean()).isTrue();
    }

    @Test
    void body_is_formatted_like_stripe_with_id_and_object_first() {
        JsonNode event = StripeEventBuilder.build(new StripeEventBuilder.Options("charge.refunded", null, null, false,
            Instant.now(), null));
        String body = Json.pretty(event);
        assertThat(body).startsWith("{\n  \"id\": \"evt_");
        assertThat(body).contains("\n  \"object\": \"event\",\n  \"api_version\": ");
        assertThat(body).contains("\"data\": {\n    \"object\": {\n      \"id\": \"ch_");
        assertThat(body).doesNotContain(" : ").doesNotContain("[ ]").doesNotContain("{ }");
        assertThat(event.at("/data/object/refunded").asBoolean()).isTrue();
        assertThat(event.at("/data/object/refunds/data/0/charge").asText()).isEqualTo(event.at("/data/object/id").asText());
    }
}
