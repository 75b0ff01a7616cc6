package dev.notif.google;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notif.core.Context;
import dev.notif.core.Json;
import dev.notif.listen.Answer;
import dev.notif.listen.ErrorCodes;
import dev.notif.listen.Inbound;
import dev.notif.listen.ListenSetup;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The receiver's check of authenticated Pub/Sub pushes, against a local stand-in for Google's JWKS endpoint (keys
 * served over HTTP as Google serves them, rotated at will) and tokens shaped like the ones Google's reference shows.
 */
class PushAuthTest {
    static final String AUDIENCE = "https://api.example.com/google";
    static final String ACCOUNT = "rtdn-push@acme-prod.iam.gserviceaccount.com";
    static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    @TempDir
    Path home;
    final MockWebServer jwks = new MockWebServer();
    final Map<String, KeyPair> served = new HashMap<>();
    final List<String> notices = new ArrayList<>();
    volatile int fetches;
    volatile boolean down;
    KeyPair google;

    @BeforeEach
    void start() throws Exception {
        google = rsa();
        served.put("kid-1", google);
        jwks.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                fetches++;
                if (down) {
                    return new MockResponse().setResponseCode(503);
                }
                ObjectNode doc = Json.object();
                var keys = doc.putArray("keys");
                served.forEach((kid, pair) -> {
                    RSAPublicKey k = (RSAPublicKey) pair.getPublic();
                    keys.addObject().put("kid", kid).put("kty", "RSA").put("alg", "RS256").put("use", "sig")
                        .put("n", B64.encodeToString(unsigned(k.getModulus()))).put("e",
                            B64.encodeToString(unsigned(k.getPublicExponent())));
                });
                return new MockResponse().setHeader("Content-Type", "application/json").setBody(Json.compact(doc));
            }
        });
        jwks.start();
    }

    @AfterEach
    void stop() throws Exception {
        jwks.shutdown();
    }

    static byte[] unsigned(BigInteger v) {
        byte[] b = v.toByteArray();
        return b[0] == 0 ? java.util.Arrays.copyOfRange(b, 1, b.length) : b;
    }

    static KeyPair rsa() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    /** A clock the test moves: the receiver refetches Google's keys at most every 30 s. */
    final Instant[] now = {Instant.now()};
    final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now[0];
        }
    };

    GoogleRoute route(Set<String> accounts) {
        Context ctx = new Context(Map.of(), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
            InputStream.nullInputStream(), clock, false);
        ListenSetup setup = new ListenSetup(ctx, home, Duration.ofSeconds(5), notices::add);
        return new GoogleRoute(Set.of(), GoogleKeys.pushAuth(AUDIENCE, accounts, jwks.url("/oauth2/v3/certs").toString(),
            setup));
    }

    /** A token as Pub/Sub signs one (claims as in Google's reference), with changes. */
    static String token(KeyPair key, String kid, Map<String, Object> changes) throws Exception {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new HashMap<>(Map.of("aud", AUDIENCE, "azp", "113774264463038321964", "email",
            ACCOUNT, "sub", "113774264463038321964", "email_verified", true, "exp", now + 3600, "iat", now,
            "iss", "https://accounts.google.com"));
        claims.putAll(changes);
        String input = B64.encodeToString(Json.compact(Map.of("alg", "RS256", "kid", kid, "typ", "JWT"))
            .getBytes(StandardCharsets.UTF_8)) + "." + B64.encodeToString(Json.compact(claims)
            .getBytes(StandardCharsets.UTF_8));
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(key.getPrivate());
        s.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + B64.encodeToString(s.sign());
    }

    static Inbound push(String token) {
        String data = Base64.getEncoder().encodeToString(("{\"version\":\"1.0\",\"packageName\":\"com.acme.app\","
            + "\"eventTimeMillis\":\"1503349566168\",\"testNotification\":{\"version\":\"1.0\"}}")
            .getBytes(StandardCharsets.UTF_8));
        String body = "{\"message\":{\"data\":\"" + data + "\",\"messageId\":\"1\"},\"subscription\":"
            + "\"projects/acme-prod/subscriptions/play-rtdn-push\"}";
        Map<String, String> headers = token == null ? Map.of("content-type", "application/json")
            : Map.of("content-type", "application/json", "authorization", "Bearer " + token);
        return new Inbound("POST", "/google", null, headers, body.getBytes(StandardCharsets.UTF_8), Instant.now());
    }

    static String error(Answer a) {
        return Json.parse(a.body()).path("message").asText();
    }

    @Test
    void a_token_google_signed_for_the_audience_is_accepted_with_either_issuer_spelling() throws Exception {
        GoogleRoute route = route(Set.of(ACCOUNT));
        assertThat(route.handle(push(token(google, "kid-1", Map.of()))).status()).isEqualTo(200);
        Answer bare = route.handle(push(token(google, "kid-1", Map.of("iss", "accounts.google.com"))));
        assertThat(bare.status()).isEqualTo(200);
        assertThat(bare.entry().detail().path("authenticated").asBoolean()).isTrue();
        assertThat(fetches).as("keys read once").isEqualTo(1);
        assertThat(notices).anyMatch(n -> n.contains("requires authenticated pushes"));
    }

    @Test
    void no_token_is_401_and_each_bad_claim_is_403_with_its_reason() throws Exception {
        GoogleRoute route = route(Set.of(ACCOUNT));
        Answer none = route.handle(push(null));
        assertThat(none.status()).isEqualTo(401);
        assertThat(Json.parse(none.body()).path("error").asText()).isEqualTo(ErrorCodes.UNAUTHENTICATED);
        assertThat(error(none)).contains("--push-auth");
        long past = Instant.now().minus(Duration.ofHours(2)).getEpochSecond();
        Map<Map<String, Object>, String> bad = Map.of(
            Map.of("aud", "https://other.example.com/"), "audience",
            Map.of("iss", "https://evil.example.com"), "issuer",
            Map.of("email_verified", false), "email_verified",
            Map.of("email", "someone@else.iam.gserviceaccount.com"), "not " + ACCOUNT,
            Map.of("exp", past, "iat", past - 3600), "expired");
        for (var e : bad.entrySet()) {
            Answer a = route.handle(push(token(google, "kid-1", e.getKey())));
            assertThat(a.status()).as(e.getKey().toString()).isEqualTo(403);
            assertThat(error(a)).as(e.getKey().toString()).contains(e.getValue());
            assertThat(a.entry().accepted()).isFalse();
        }
    }

    @Test
    void a_signature_by_another_key_under_googles_kid_is_refused() throws Exception {
        Answer a = route(Set.of()).handle(push(token(rsa(), "kid-1", Map.of())));
        assertThat(a.status()).isEqualTo(403);
        assertThat(error(a)).contains("signature does not verify");
    }

    @Test
    void rotated_keys_are_read_again_for_an_unknown_kid_and_unreachable_keys_are_503_not_a_forgery() throws Exception {
        GoogleRoute route = route(Set.of());
        assertThat(route.handle(push(token(google, "kid-1", Map.of()))).status()).isEqualTo(200);
        KeyPair next = rsa();
        served.put("kid-2", next); // Google rotated: a new kid appears
        assertThat(route.handle(push(token(next, "kid-2", Map.of()))).status()).as("keys read a moment ago")
            .isEqualTo(403);
        now[0] = now[0].plusSeconds(31);
        Answer rotated = route.handle(push(token(next, "kid-2", Map.of())));
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        assertThat(fetches).isEqualTo(2);

        GoogleRoute fresh = route(Set.of());
        down = true;
        Answer a = fresh.handle(push(token(google, "kid-1", Map.of())));
        assertThat(a.status()).isEqualTo(503);
        assertThat(error(a)).contains("could not be read");
    }
}
