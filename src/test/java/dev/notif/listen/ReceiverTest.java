package dev.notif.listen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.stripe.net.Webhook;
import dev.notif.core.Json;
import dev.notif.stripe.StripeRoute;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The receiver over real loopback sockets, with payloads signed by Stripe's own library. */
class ReceiverTest {
    static final String SECRET = "whsec_receiverTest0123456789abcdefgh";
    static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    @TempDir
    Path dir;
    Receiver receiver;
    final OkHttpClient http = new OkHttpClient();

    @AfterEach
    void stop() {
        if (receiver != null) {
            receiver.close();
        }
    }

    Receiver start(boolean trackNewPurchases) throws Exception {
        receiver = Receiver.start(new Receiver.Config("127.0.0.1", 0, dir, 64 * 1024,
            List.of(new StripeRoute(List.of("whsec_old_rotated_secret_0123456789", SECRET), trackNewPurchases, 300)),
            Clock.systemUTC(), null));
        return receiver;
    }

    /** A realistic event (Stripe's subscription fixture) of the given type. */
    static String event(String type) throws Exception {
        String subscription = Files.readString(Path.of("src/test/resources/fixtures/stripe/subscription.json"));
        return "{\n  \"id\": \"evt_1Test\",\n  \"object\": \"event\",\n  \"api_version\": \"2026-07-29.dahlia\",\n"
            + "  \"created\": 1795000000,\n  \"data\": {\n    \"object\": " + subscription + "\n  },\n  \"livemode\": false,\n"
            + "  \"pending_webhooks\": 1,\n  \"request\": {\"id\": null, \"idempotency_key\": null},\n  \"type\": \"" + type
            + "\"\n}";
    }

    /** The header as Stripe's library computes it. */
    static String stripeHeader(String secret, long t, String payload) throws Exception {
        return "t=" + t + ",v1=" + Webhook.Util.computeHmacSha256(secret, t + "." + payload);
    }

    Response post(String path, String body, String signature) throws Exception {
        Request.Builder b = new Request.Builder().url(receiver.baseUrl() + path).post(RequestBody.create(body, JSON));
        if (signature != null) {
            b.header("Stripe-Signature", signature);
        }
        return http.newCall(b.build()).execute();
    }

    JsonNode answer(Response r) throws Exception {
        try (r) {
            return Json.parse(r.body().string());
        }
    }

    long now() {
        return Instant.now().getEpochSecond();
    }

    @Test
    void accepts_what_stripe_java_signs_for_each_accepted_event() throws Exception {
        start(false);
        for (String type : List.of("customer.subscription.updated", "customer.subscription.deleted", "charge.refunded",
            "invoice.updated")) {
            String body = event(type);
            try (Response r = post("/stripe", body, stripeHeader(SECRET, now(), body))) {
                assertThat(r.code()).as(type).isEqualTo(200);
            }
        }
        assertThat(receiver.status().get("stripe").accepted()).isEqualTo(4);
        assertThat(receiver.status().get("stripe").lastReceivedAt()).isNotNull();
    }

    @Test
    void accepts_a_header_with_several_signatures_when_any_matches_any_secret() throws Exception {
        start(false);
        String body = event("invoice.updated");
        long t = now();
        String header = "t=" + t + ",v1=" + "0".repeat(64) + ",v1=" + Webhook.Util.computeHmacSha256(SECRET, t + "." + body)
            + ",v0=" + "1".repeat(64);
        try (Response r = post("/stripe", body, header)) {
            assertThat(r.code()).isEqualTo(200);
        }
    }

    @Test
    void rejects_forgeries_with_signature_mismatch() throws Exception {
        start(false);
        String body = event("invoice.updated");
        String tampered = body.replace("\"livemode\": false", "\"livemode\": true");
        assertForgery(post("/stripe", tampered, stripeHeader(SECRET, now(), body)), "no_match");
        assertForgery(post("/stripe", body, stripeHeader("whsec_someone_else_0123456789abcdef", now(), body)), "no_match");
        assertForgery(post("/stripe", body, stripeHeader(SECRET, now() - 301, body)), "timestamp_outside_tolerance");
        assertForgery(post("/stripe", body, null), "missing_header");
        assertForgery(post("/stripe", body, "t=" + now()), "no_v1");
        assertThat(receiver.status().get("stripe").rejected()).isEqualTo(5);
        assertThat(receiver.status().get("stripe").accepted()).isZero();
    }

    private void assertForgery(Response r, String reason) throws Exception {
        assertThat(r.code()).isEqualTo(400);
        JsonNode json = answer(r);
        assertThat(json.get("error").asText()).isEqualTo("signature_mismatch");
        assertThat(json.get("reason").asText()).isEqualTo(reason);
        assertThat(json.get("message").asText()).isNotBlank();
    }

    @Test
    void refuses_events_outside_the_accepted_set_and_tracks_new_purchases_only_when_asked() throws Exception {
        start(false);
        String created = event("customer.subscription.created");
        JsonNode refused = answer(post("/stripe", created, stripeHeader(SECRET, now(), created)));
        assertThat(refused.get("error").asText()).isEqualTo("unsupported_event_type");
        String paid = event("invoice.paid");
        assertThat(answer(post("/stripe", paid, stripeHeader(SECRET, now(), paid))).get("error").asText())
            .isEqualTo("unsupported_event_type");
        receiver.close();

        start(true);
        try (Response r = post("/stripe", created, stripeHeader(SECRET, now(), created))) {
            assertThat(r.code()).isEqualTo(200);
        }
        // counts survived the restart: 2 rejected before, 1 accepted now
        assertThat(receiver.status().get("stripe").rejected()).isEqualTo(2);
        assertThat(receiver.status().get("stripe").accepted()).isEqualTo(1);
    }

    @Test
    void bad_input_gets_4xx_never_500() throws Exception {
        start(false);
        String notJson = "this is not json";
        JsonNode malformed = answer(post("/stripe", notJson, stripeHeader(SECRET, now(), notJson)));
        assertThat(malformed.get("error").asText()).isEqualTo("malformed");
        String notEvent = "{\"hello\": \"world\"}";
        assertThat(answer(post("/stripe", notEvent, stripeHeader(SECRET, now(), notEvent))).get("error").asText())
            .isEqualTo("malformed");
        try (Response r = post("/stripe", "x".repeat(64 * 1024 + 1), stripeHeader(SECRET, now(), "x"))) {
            assertThat(r.code()).isEqualTo(413);
        }
        try (Response r = post("/stripe", "", "t=abc,v1=zz")) {
            assertThat(r.code()).isEqualTo(400);
        }
        try (Response r = http.newCall(new Request.Builder().url(receiver.baseUrl() + "/stripe").get().build()).execute()) {
            assertThat(r.code()).isEqualTo(405);
        }
        try (Response r = post("/paddle", "{}", null)) {
            assertThat(r.code()).isEqualTo(404);
        }
    }

    @Test
    void status_and_healthz_have_the_contract_shape() throws Exception {
        start(false);
        String body = event("charge.refunded");
        post("/stripe", body, stripeHeader(SECRET, now(), body)).close();
        post("/stripe", body, stripeHeader("whsec_wrong_wrong_wrong_0123456789", now(), body)).close();
        try (Response h = http.newCall(new Request.Builder().url(receiver.baseUrl() + "/healthz").build()).execute()) {
            assertThat(h.code()).isEqualTo(200);
        }
        JsonNode status;
        try (Response r = http.newCall(new Request.Builder().url(receiver.baseUrl() + "/status").build()).execute()) {
            assertThat(r.code()).isEqualTo(200);
            status = Json.parse(r.body().string());
        }
        JsonNode stripe = status.at("/stores/stripe");
        assertThat(Instant.parse(stripe.get("last_received_at").asText())).isBeforeOrEqualTo(Instant.now());
        assertThat(stripe.get("accepted").asLong()).isEqualTo(1);
        assertThat(stripe.get("rejected").asLong()).isEqualTo(1);
        assertThat(stripe.at("/last_rejection/error").asText()).isEqualTo("signature_mismatch");
        assertThat(Instant.parse(stripe.at("/last_rejection/at").asText())).isNotNull();
        assertThat(stripe.get("last_type").asText()).isEqualTo("charge.refunded");
    }

    @Test
    void every_acknowledged_delivery_is_in_the_log_before_the_answer() throws Exception {
        start(false);
        String body = event("invoice.updated");
        try (Response r = post("/stripe", body, stripeHeader(SECRET, now(), body))) {
            assertThat(r.code()).isEqualTo(200);
            // read the file while the receiver still runs: the line is there once the 200 is
            String log = Files.readString(dir.resolve(EventLog.FILE), StandardCharsets.UTF_8);
            assertThat(log).contains("\"id\":\"evt_1Test\"").contains("\"accepted\":true");
        }
    }
}
