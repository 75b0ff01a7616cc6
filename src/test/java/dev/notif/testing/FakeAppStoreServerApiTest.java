package dev.notif.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notif.core.Json;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stand-in keeps its verdict per token string and stays as strict as Apple: tampered, foreign or expired: 401. */
class FakeAppStoreServerApiTest {
    static final String KID = "8Y4RNTQ2TD";
    static final String ISSUER = "57246542-96fe-1a63-e053-0824d011072a";
    static final String BUNDLE = "com.example.game";
    final KeyPair pair = AppleTestKeys.generate();
    final ManualClock clock = new ManualClock(Instant.now());
    final FakeAppStoreServerApi fake = new FakeAppStoreServerApi(pair.getPublic(), KID, ISSUER, BUNDLE);
    final MockWebServer server = new MockWebServer();
    final OkHttpClient http = new OkHttpClient();

    @BeforeEach
    void start() throws Exception {
        fake.clock = clock;
        server.setDispatcher(fake);
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    String token(PrivateKey key, String bid, Instant iat, Duration life) throws Exception {
        ObjectNode header = Json.object().put("alg", "ES256").put("kid", KID).put("typ", "JWT");
        ObjectNode payload = Json.object().put("iss", ISSUER).put("iat", iat.getEpochSecond())
            .put("exp", iat.plus(life).getEpochSecond()).put("aud", "appstoreconnect-v1").put("bid", bid);
        String input = b64(Json.compact(header)) + "." + b64(Json.compact(payload));
        Signature s = Signature.getInstance("SHA256withECDSAinP1363Format");
        s.initSign(key);
        s.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(s.sign());
    }

    static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    int requestTest(String token) throws Exception {
        Request r = new Request.Builder().url(server.url("/inApps/v1/notifications/test"))
            .header("Authorization", "Bearer " + token).post(RequestBody.create(new byte[0], MediaType.get("application/json")))
            .build();
        try (Response response = http.newCall(r).execute()) {
            return response.code();
        }
    }

    @Test
    void a_good_token_serves_many_requests_until_it_expires() throws Exception {
        String good = token(pair.getPrivate(), BUNDLE, clock.instant(), Duration.ofMinutes(5));
        assertThat(requestTest(good)).isEqualTo(200);
        assertThat(requestTest(good)).isEqualTo(200);
        clock.advance(Duration.ofMinutes(7)); // past exp and the minute of skew Apple allows
        assertThat(requestTest(good)).isEqualTo(401);
        assertThat(fake.bearerTokens()).containsExactly("Bearer " + good);
    }

    @Test
    void tampered_foreign_too_long_and_other_apps_tokens_are_refused_even_after_a_good_one() throws Exception {
        String good = token(pair.getPrivate(), BUNDLE, clock.instant(), Duration.ofMinutes(5));
        assertThat(requestTest(good)).isEqualTo(200);
        String[] parts = good.split("\\.");
        String tampered = parts[0] + "." + b64(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace(BUNDLE, "com.example.other")) + "." + parts[2];
        assertThat(requestTest(tampered)).isEqualTo(401);
        assertThat(requestTest(token(AppleTestKeys.generate().getPrivate(), BUNDLE, clock.instant(),
            Duration.ofMinutes(5)))).isEqualTo(401);
        assertThat(requestTest(token(pair.getPrivate(), BUNDLE, clock.instant(), Duration.ofMinutes(62))))
            .isEqualTo(401);
        assertThat(requestTest(token(pair.getPrivate(), "com.example.other", clock.instant(), Duration.ofMinutes(5))))
            .isEqualTo(401);
        assertThat(requestTest(token(pair.getPrivate(), BUNDLE, clock.instant().plusSeconds(300),
            Duration.ofMinutes(5)))).as("issued in the future").isEqualTo(401);
        assertThat(requestTest(good)).isEqualTo(200);
    }

    @Test
    void a_signature_of_the_wrong_length_or_out_of_range_is_refused() throws Exception {
        String good = token(pair.getPrivate(), BUNDLE, clock.instant(), Duration.ofMinutes(5));
        String input = good.substring(0, good.lastIndexOf('.') + 1);
        byte[] sig = Base64.getUrlDecoder().decode(good.substring(good.lastIndexOf('.') + 1));
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        assertThat(requestTest(input + b64.encodeToString(java.util.Arrays.copyOf(sig, 63)))).isEqualTo(401);
        assertThat(requestTest(input + b64.encodeToString(java.util.Arrays.copyOf(sig, 65)))).isEqualTo(401);
        assertThat(requestTest(input + b64.encodeToString(new byte[64]))).isEqualTo(401);
        byte[] all = new byte[64];
        java.util.Arrays.fill(all, (byte) 0xff); // r and s beyond the group's order
        assertThat(requestTest(input + b64.encodeToString(all))).isEqualTo(401);
        assertThat(requestTest(good)).isEqualTo(200);
    }
}
