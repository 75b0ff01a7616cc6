package dev.notif.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.stripe.StripeEvents;
import dev.notif.testing.FakeStripe;
import dev.notif.testing.HttpPeer;
import dev.notif.testing.HttpPeer.Answer;
import dev.notif.testing.HttpPeer.Mode;
import dev.notif.testing.HttpPeer.Request;
import dev.notif.testing.NotifRun;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.stream.Stream;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code notif check stripe} against receivers written the way people write them, each a real loopback server
 * (HTTP/1.0 closing after each answer as Python's http.server does, HTTP/1.1 keep-alive, TLS, a proxy in front; Java
 * ones always, Python and Node ones where the interpreter exists): every case gets its status, cause and fix, and
 * healthy receivers raise no alarm.
 */
class StripeReceiversTest {
    static final String SECRET = "whsec_AbCdEfGhIjKlMnOpQrStUvWxYz012345";
    static final String OTHER = "whsec_ZyXwVuTsRqPoNmLkJiHgFeDcBa987654";
    static final String[] FOUR = StripeEvents.allowed(false).toArray(String[]::new);

    @TempDir
    Path home;
    final FakeStripe stripe = new FakeStripe();
    AutoCloseable receiver;

    @AfterEach
    void stop() throws Exception {
        stripe.close();
        if (receiver != null) {
            receiver.close();
        }
    }

    /** check stripe for {@code url} with this secret, on an account whose endpoint is right and recently delivered. */
    NotifRun.Result check(String url, String secret) {
        stripe.addEndpoint(url, "enabled", Instant.now().getEpochSecond() - 86_400, FOUR);
        stripe.addEvent("invoice.updated", Instant.now().getEpochSecond() - 3600, 0);
        return NotifRun.in(home).env("STRIPE_API_KEY", FakeStripe.KEY).run("check", "stripe", "--url", url,
            "--secret", secret, "--api-base", stripe.apiBase(), "--json");
    }

    static JsonNode byId(NotifRun.Result r, String id) {
        return r.check(id);
    }

    /** A receiver, how it is served, the secret notif is given, and what notif must say. */
    record Case(String name, Mode mode, Function<Request, Answer> receiver, String secret, String status, String cause,
                String words, String fix) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> receivers() {
        return Stream.of(
            new Case("library on the raw body, HTTP/1.0 closing", Mode.HTTP10_CLOSE, StripeReceivers.library(SECRET),
                SECRET, "pass", "right_secret", "holds this secret", null),
            new Case("library on the raw body, HTTP/1.1 keep-alive", Mode.HTTP11_KEEP_ALIVE,
                StripeReceivers.library(SECRET), SECRET, "pass", "right_secret", "holds this secret", null),
            new Case("library on the raw body, HTTP/1.1 closing without saying so", Mode.HTTP11_CLOSE,
                StripeReceivers.library(SECRET), SECRET, "pass", "right_secret", "holds this secret", null),
            new Case("library holding another secret", Mode.HTTP10_CLOSE, StripeReceivers.library(OTHER), SECRET,
                "fail", "wrong_secret", "holds a different secret", "Signing secret"),
            new Case("express.json() then JSON.stringify(req.body)", Mode.HTTP11_KEEP_ALIVE,
                StripeReceivers.reserializing(SECRET), SECRET, "fail", "reserialized_body",
                "verifies a re-serialized body", "express.raw"),
            new Case("express.json() then JSON.stringify(req.body), HTTP/1.0", Mode.HTTP10_CLOSE,
                StripeReceivers.reserializing(SECRET), SECRET, "fail", "reserialized_body",
                "verifies a re-serialized body", "request.raw_post"),
            new Case("no verification, any secret", Mode.HTTP10_CLOSE, StripeReceivers.acceptingEverything(),
                "whsec_MadeUp00000000000000000000000000", "warn", "no_signature_check", "does not check Stripe signatures",
                "answer 400"),
            new Case("500 to everything", Mode.HTTP10_CLOSE, StripeReceivers.failingEverything(), SECRET, "fail",
                "server_error", "fails on every delivery", "logs"),
            new Case("500 to everything, keep-alive", Mode.HTTP11_KEEP_ALIVE, StripeReceivers.failingEverything(),
                SECRET, "fail", "server_error", "fails on every delivery", "logs"),
            new Case("Standard Webhooks helper decoding the secret", Mode.HTTP11_KEEP_ALIVE,
                StripeReceivers.decodingTheSecret(SECRET), SECRET, "fail", "decoded_secret", "base64-decoded",
                "whsec_ included"),
            new Case("hand-made check of the first v1 only", Mode.HTTP10_CLOSE,
                StripeReceivers.firstSignatureOnly(SECRET), SECRET, "warn", "first_v1_only", "only the first v1",
                "any v1"),
            new Case("library on a clock 15 minutes ahead", Mode.HTTP11_KEEP_ALIVE,
                StripeReceivers.onClock(SECRET, Duration.ofMinutes(15)), SECRET, "fail", "clock_skew",
                "ahead of this machine's (its Date header)", "NTP"),
            new Case("subscription unknown to the backend", Mode.HTTP10_CLOSE,
                StripeReceivers.unknownSubscription(SECRET), SECRET, "warn", "payload_refused",
                "refused the payload for another reason", "--subscription"),
            new Case("drops the connection on a bad signature", Mode.HTTP11_KEEP_ALIVE,
                StripeReceivers.droppingBadSignatures(SECRET), SECRET, "warn", "inconclusive", "got no answer",
                "run the check again")
        ).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("receivers")
    void each_receiver_gets_its_status_cause_and_fix(Case c) throws Exception {
        HttpPeer server = HttpPeer.start(c.mode(), c.receiver());
        receiver = server;
        NotifRun.Result r = check(server.url("/stripe"), c.secret());
        assertVerdict(r, c);
        assertThat(server.requests()).as("no delivery is sent twice")
            .extracting(q -> q.header("stripe-signature") + q.bodyText()).doesNotHaveDuplicates();
    }

    static void assertVerdict(NotifRun.Result r, Case c) {
        JsonNode accepted = byId(r, "stripe.secret.accepted");
        assertThat(accepted.get("status").asText()).as(c.name() + "\n" + r).isEqualTo(c.status());
        assertThat(accepted.at("/details/cause_code").asText()).as(c.name() + "\n" + r).isEqualTo(c.cause());
        assertThat(accepted.get("summary").asText()).as(c.name()).contains(c.words());
        if (c.fix() != null) {
            assertThat(accepted.get("fix").asText()).as(c.name()).contains(c.fix());
        }
        assertThat(byId(r, "stripe.endpoint.reachable").get("status").asText()).as(c.name()).isNotEqualTo("fail");
        if (c.status().equals("pass")) {
            // healthy: no alarm anywhere (plain http is a test-mode warning only)
            assertThat(r.exitCode()).as(r.toString()).isZero();
            for (JsonNode check : r.json().get("checks")) {
                assertThat(check.get("status").asText()).as(check.toString())
                    .isEqualTo(check.get("id").asText().equals("stripe.endpoint.https") ? "warn" : "pass");
            }
        } else {
            assertThat(r.exitCode()).isEqualTo(c.status().equals("fail") ? 1 : 0);
        }
        assertThat(r.out() + r.err()).doesNotContain(SECRET).doesNotContain(FakeStripe.KEY);
    }

    /** The probe, several deliveries to one host, over HTTP/2 (TLS with ALPN; the test trusts the certificate). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("overHttp2")
    void the_probe_judges_the_same_over_http2(String name, Function<Request, Answer> handler, String code)
        throws Exception {
        HeldCertificate cert = new HeldCertificate.Builder().addSubjectAlternativeName("localhost").build();
        HandshakeCertificates serverCerts = new HandshakeCertificates.Builder().heldCertificate(cert).build();
        HandshakeCertificates trust = new HandshakeCertificates.Builder().addTrustedCertificate(cert.certificate())
            .build();
        okhttp3.mockwebserver.MockWebServer server = new okhttp3.mockwebserver.MockWebServer();
        receiver = server::shutdown;
        server.useHttps(serverCerts.sslSocketFactory(), false);
        server.setProtocols(java.util.List.of(okhttp3.Protocol.HTTP_2, okhttp3.Protocol.HTTP_1_1));
        server.setDispatcher(new okhttp3.mockwebserver.Dispatcher() {
            @Override
            public okhttp3.mockwebserver.MockResponse dispatch(okhttp3.mockwebserver.RecordedRequest r) {
                java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
                r.getHeaders().forEach(h -> headers.put(h.getFirst().toLowerCase(java.util.Locale.ROOT), h.getSecond()));
                Answer a = handler.apply(new Request(r.getMethod(), r.getPath(), headers, r.getBody().readByteArray(),
                    0));
                return new okhttp3.mockwebserver.MockResponse().setResponseCode(a.status())
                    .setHeader("Content-Type", a.contentType()).setBody(new okio.Buffer().write(a.body()));
            }
        });
        server.start();
        okhttp3.OkHttpClient client = dev.notif.core.Http.client(Duration.ofSeconds(5)).newBuilder()
            .sslSocketFactory(trust.sslSocketFactory(), trust.trustManager()).build();
        var check = new dev.notif.stripe.StripeSecretProbe(new dev.notif.probe.Sender(new dev.notif.probe.HttpProbe(
            client))).run("https://localhost:" + server.getPort() + "/stripe", SECRET, null, null, false, Instant.now());
        assertThat(check.details().get("cause_code")).as(check.toString()).isEqualTo(code);
        assertThat(server.takeRequest().getHandshake()).isNotNull(); // TLS with ALPN: HttpTest shows it negotiates h2
        assertThat(server.getRequestCount()).isGreaterThanOrEqualTo(2);
    }

    static Stream<Arguments> overHttp2() {
        return Stream.of(
            Arguments.of("library on the raw body", StripeReceivers.library(SECRET), "right_secret"),
            Arguments.of("JSON.stringify(req.body)", StripeReceivers.reserializing(SECRET), "reserialized_body"),
            Arguments.of("no verification", StripeReceivers.acceptingEverything(), "no_signature_check"),
            Arguments.of("500 to everything", StripeReceivers.failingEverything(), "server_error"));
    }

    @Test
    void send_stripe_to_a_re_serializing_receiver_points_at_the_probe_that_tells_it_from_a_wrong_secret()
        throws Exception {
        HttpPeer server = HttpPeer.start(Mode.HTTP11_KEEP_ALIVE, StripeReceivers.reserializing(SECRET));
        receiver = server;
        NotifRun.Result r = NotifRun.in(home).run("send", "stripe", "--url", server.url("/stripe"), "--secret", SECRET,
            "--json");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.json().get("verdict").asText()).isEqualTo("signature_rejected");
        assertThat(r.json().get("fix").asText()).contains("re-serialized body", "notif check stripe --url URL");
    }

    @Test
    void a_tls_receiver_with_a_self_signed_certificate_is_a_tls_failure_and_never_a_verdict_on_the_secret()
        throws Exception {
        HeldCertificate cert = new HeldCertificate.Builder().addSubjectAlternativeName("localhost").build();
        HandshakeCertificates tls = new HandshakeCertificates.Builder().heldCertificate(cert).build();
        HttpPeer server = HttpPeer.startTls(Mode.HTTP11_KEEP_ALIVE, tls.sslContext().getServerSocketFactory(),
            StripeReceivers.library(SECRET));
        receiver = server;
        NotifRun.Result r = check("https://localhost:" + server.port() + "/stripe", SECRET);
        JsonNode reachable = byId(r, "stripe.endpoint.reachable");
        assertThat(reachable.get("status").asText()).isEqualTo("fail");
        assertThat(reachable.at("/details/failure").asText()).isEqualTo("tls");
        assertThat(reachable.get("summary").asText()).contains("not trusted");
        assertThat(byId(r, "stripe.secret.accepted").get("status").asText()).isIn("fail", "skip");
        assertThat(r.exitCode()).isEqualTo(1);
    }

    @Test
    void a_proxy_in_front_of_a_healthy_receiver_raises_no_alarm_and_one_in_front_of_nothing_fails() throws Exception {
        HttpPeer upstream = HttpPeer.start(Mode.HTTP10_CLOSE, StripeReceivers.library(SECRET));
        HttpPeer proxy = HttpPeer.start(Mode.HTTP11_KEEP_ALIVE, proxyTo(upstream.url("")));
        receiver = () -> {
            proxy.close();
            upstream.close();
        };
        assertVerdict(check(proxy.url("/stripe"), SECRET), new Case("proxy", Mode.HTTP11_KEEP_ALIVE, null, SECRET,
            "pass", "right_secret", "holds this secret", null));
        assertThat(upstream.requests()).allSatisfy(req -> assertThat(req.header("x-forwarded-for")).isEqualTo("127.0.0.1"));

        upstream.close();
        NotifRun.Result down = check(proxy.url("/other"), SECRET);
        JsonNode accepted = byId(down, "stripe.secret.accepted");
        assertThat(accepted.get("status").asText()).isEqualTo("fail");
        assertThat(accepted.at("/details/cause_code").asText()).isEqualTo("server_error");
    }

    /** A reverse proxy as nginx is configured in front of an app: HTTP/1.1 outside, HTTP/1.0 to the upstream. */
    static Function<Request, Answer> proxyTo(String upstream) {
        return r -> {
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(upstream + r.target()).toURL().openConnection();
                c.setRequestMethod(r.method());
                c.setDoOutput(true);
                r.headers().forEach((k, v) -> {
                    if (!k.equals("host") && !k.equals("connection") && !k.equals("content-length")) {
                        c.setRequestProperty(k, v);
                    }
                });
                c.setRequestProperty("X-Forwarded-For", "127.0.0.1");
                try (OutputStream out = c.getOutputStream()) {
                    out.write(r.body());
                }
                int status = c.getResponseCode();
                InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                if (in != null) {
                    in.transferTo(body);
                }
                return new Answer(status, c.getContentType(), body.toByteArray(), java.util.Map.of("Via", "1.1 proxy"));
            } catch (IOException e) {
                return Answer.of(502, "text/html", "<html><head><title>502 Bad Gateway</title></head><body><center>"
                    + "<h1>502 Bad Gateway</h1></center><hr><center>nginx/1.24.0</center></body></html>");
            }
        };
    }

    static Stream<Arguments> scripts() {
        return Stream.of(
            Arguments.of("python3", "stripe_receiver.py", "raw", new Case("python http.server, raw body", null, null,
                SECRET, "pass", "right_secret", "holds this secret", null)),
            Arguments.of("python3", "stripe_receiver.py", "dumps", new Case("python http.server, json.dumps", null,
                null, SECRET, "fail", "reserialized_body", "json.dumps", "request.body")),
            Arguments.of("python3", "stripe_receiver.py", "fail", new Case("python http.server, 500", null, null,
                SECRET, "fail", "server_error", "fails on every delivery", null)),
            Arguments.of("node", "stripe_receiver.js", "raw", new Case("node http, raw body", null, null, SECRET,
                "pass", "right_secret", "holds this secret", null)),
            Arguments.of("node", "stripe_receiver.js", "stringify", new Case("node http, JSON.stringify", null, null,
                SECRET, "fail", "reserialized_body", "JSON.stringify", "express.raw")),
            Arguments.of("node", "stripe_receiver.js", "accept", new Case("node http, no verification", null, null,
                OTHER, "warn", "no_signature_check", "does not check Stripe signatures", null)),
            Arguments.of("node", "stripe_receiver.js", "svix", new Case("node http, base64-decoded secret", null, null,
                SECRET, "fail", "decoded_secret", "base64-decoded", "whsec_ included")),
            Arguments.of("node", "stripe_receiver.js", "first", new Case("node http, first v1 only", null, null,
                SECRET, "warn", "first_v1_only", "only the first v1", "any v1")));
    }

    @ParameterizedTest(name = "{3}")
    @MethodSource("scripts")
    void receivers_in_python_and_node(String interpreter, String script, String mode, Case c) throws Exception {
        assumeTrue(ExternalReceiver.available(interpreter), interpreter + " is not installed here");
        ExternalReceiver server = ExternalReceiver.start(home, interpreter, script, mode, SECRET);
        receiver = server;
        assertVerdict(check(server.url("/stripe"), c.secret()), c);
    }
}
