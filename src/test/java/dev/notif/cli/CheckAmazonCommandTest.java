package dev.notif.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.amazon.AmazonRoute;
import dev.notif.amazon.SnsMessage;
import dev.notif.amazon.SnsVerifier;
import dev.notif.core.Http;
import dev.notif.probe.HttpProbe;
import dev.notif.testing.NotifRun;
import dev.notif.testing.RouteDispatcher;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckAmazonCommandTest {
    static final HttpProbe FETCH = new HttpProbe(Http.client(Duration.ofSeconds(5)));

    @TempDir
    Path home;
    MockWebServer server;

    @BeforeEach
    void setUp() {
        server = new MockWebServer();
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    void route(SnsVerifier.Trust trust) throws Exception {
        server.setDispatcher(new RouteDispatcher(new AmazonRoute(new AmazonRoute.Options(trust, List.of()), FETCH,
            n -> { })));
        server.start();
    }

    /** An endpoint written by hand: {@code answer} sees each request and may fetch what it likes before answering. */
    void endpoint(Function<RecordedRequest, MockResponse> answer) throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer.apply(request);
            }
        });
        server.start();
    }

    static SnsMessage message(RecordedRequest r) {
        try {
            return SnsMessage.parse(r.getBody().clone().readUtf8());
        } catch (SnsMessage.Malformed e) {
            throw new AssertionError(e);
        }
    }

    static boolean json(RecordedRequest r) {
        return String.valueOf(r.getHeader("Content-Type")).startsWith("application/json");
    }

    NotifRun.Result check(String... extra) {
        String[] base = {"check", "amazon", "--url", server.url("/amazon").toString(), "--json", "--wait", "0.3"};
        return NotifRun.in(home).run(base, extra);
    }

    static Map<String, JsonNode> checks(NotifRun.Result r) {
        Map<String, JsonNode> byId = new java.util.LinkedHashMap<>();
        r.json().get("checks").forEach(c -> byId.put(c.get("id").asText(), c));
        return byId;
    }

    static String status(Map<String, JsonNode> checks, String id) {
        return checks.get(id).get("status").asText();
    }

    @Test
    void an_endpoint_that_confirms_and_records_passes_and_is_warned_that_it_trusts_notifs_certificate() throws Exception {
        route(new SnsVerifier.Trust(List.of(), false, List.of("http://127.0.0.1:")));
        NotifRun.Result r = check();
        assertThat(r.exitCode()).as(r.toString()).isZero();
        Map<String, JsonNode> c = checks(r);
        assertThat(c.keySet()).containsExactly("amazon.endpoint.reachable", "amazon.confirmation.answered",
            "amazon.confirmation.followed", "amazon.notification.answered", "amazon.signature.enforced");
        assertThat(status(c, "amazon.endpoint.reachable")).isEqualTo("warn"); // plain http
        assertThat(status(c, "amazon.confirmation.answered")).isEqualTo("pass");
        assertThat(status(c, "amazon.confirmation.followed")).isEqualTo("pass");
        assertThat(status(c, "amazon.notification.answered")).isEqualTo("pass");
        assertThat(status(c, "amazon.signature.enforced")).isEqualTo("warn");
        assertThat(c.get("amazon.signature.enforced").at("/details/certificate_fetched").asBoolean()).isTrue();
        assertThat(server.getRequestCount()).isEqualTo(2); // one confirmation, one notification
    }

    @Test
    void an_endpoint_that_enforces_sns_hosts_passes_without_failures() throws Exception {
        route(SnsVerifier.Trust.SNS);
        NotifRun.Result r = check();
        assertThat(r.exitCode()).as(r.toString()).isZero();
        Map<String, JsonNode> c = checks(r);
        assertThat(status(c, "amazon.confirmation.answered")).isEqualTo("warn");
        assertThat(status(c, "amazon.confirmation.followed")).isEqualTo("skip");
        assertThat(status(c, "amazon.notification.answered")).isEqualTo("warn");
        assertThat(status(c, "amazon.signature.enforced")).isEqualTo("pass");
    }

    @Test
    void a_body_ignored_because_of_text_plain_is_named() throws Exception {
        endpoint(req -> {
            if (json(req)) {
                SnsMessage m = message(req);
                if (m.isConfirmation()) {
                    FETCH.get(m.subscribeUrl(), Map.of());
                }
            }
            return new MockResponse().setResponseCode(200);
        });
        NotifRun.Result r = check();
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        Map<String, JsonNode> c = checks(r);
        assertThat(status(c, "amazon.confirmation.answered")).isEqualTo("pass");
        assertThat(status(c, "amazon.confirmation.followed")).isEqualTo("fail");
        assertThat(c.get("amazon.confirmation.followed").get("summary").asText()).contains("text/plain");
        assertThat(c.get("amazon.confirmation.followed").get("fix").asText()).contains("whatever its Content-Type");
        assertThat(status(c, "amazon.notification.answered")).isEqualTo("warn");
    }

    @Test
    void a_415_to_text_plain_that_json_would_pass_fails_the_answer() throws Exception {
        endpoint(req -> {
            if (!json(req)) {
                return new MockResponse().setResponseCode(415);
            }
            FETCH.get(message(req).subscribeUrl(), Map.of());
            return new MockResponse().setResponseCode(200);
        });
        Map<String, JsonNode> c = checks(check());
        assertThat(status(c, "amazon.confirmation.answered")).isEqualTo("fail");
        assertThat(c.get("amazon.confirmation.answered").get("summary").asText()).contains("text/plain")
            .contains("does not retry a 4xx");
        assertThat(status(c, "amazon.confirmation.followed")).isEqualTo("fail");
        assertThat(status(c, "amazon.notification.answered")).isEqualTo("fail");
    }

    @Test
    void a_2xx_without_a_follow_up_get_fails_after_a_bounded_wait() throws Exception {
        endpoint(req -> new MockResponse().setResponseCode(204));
        NotifRun.Result r = check();
        assertThat(r.exitCode()).isEqualTo(1);
        JsonNode followed = checks(r).get("amazon.confirmation.followed");
        assertThat(followed.get("status").asText()).isEqualTo("fail");
        assertThat(followed.get("summary").asText()).contains("did not fetch the SubscribeURL in the")
            .contains("notif waited (nor when sent again as application/json)");
        // it waited for both confirmations, and says so: the time waited in all, not one bound
        assertThat(followed.at("/details/waited_ms").asLong()).isGreaterThanOrEqualTo(600);
        assertThat(r.err()).contains("waiting up to 300 ms for the endpoint to fetch the SubscribeURL ...",
            "waiting up to 300 ms for the endpoint to fetch the SubscribeURL (sent again as application/json) ...");
        assertThat(followed.get("fix").asText()).contains("Confirmation token");
        assertThat(status(checks(r), "amazon.signature.enforced")).isEqualTo("warn");
        assertThat(checks(r).get("amazon.signature.enforced").at("/details/certificate_fetched").asBoolean()).isFalse();
    }

    @Test
    void a_subscribe_url_fetched_with_another_token_is_named() throws Exception {
        endpoint(req -> {
            SnsMessage m = message(req);
            if (m.isConfirmation()) {
                FETCH.get(m.subscribeUrl().replace(m.token(), "0123456789abcdef"), Map.of());
            }
            return new MockResponse().setResponseCode(200);
        });
        JsonNode followed = checks(check()).get("amazon.confirmation.followed");
        assertThat(followed.get("status").asText()).isEqualTo("fail");
        assertThat(followed.get("summary").asText()).contains("Token notif did not send");
    }

    @Test
    void a_404_fails_and_says_amazon_does_not_retry() throws Exception {
        endpoint(req -> new MockResponse().setResponseCode(404).setBody("Not Found"));
        NotifRun.Result r = check();
        Map<String, JsonNode> c = checks(r);
        assertThat(status(c, "amazon.confirmation.answered")).isEqualTo("fail");
        assertThat(c.get("amazon.confirmation.answered").get("summary").asText()).contains("nothing handles this path")
            .contains("stays unverified");
        assertThat(status(c, "amazon.notification.answered")).isEqualTo("fail");
        assertThat(status(c, "amazon.signature.enforced")).isEqualTo("skip");
    }

    @Test
    void an_unreachable_endpoint_fails_reachability_and_skips_the_rest() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        NotifRun.Result r = NotifRun.in(home).run("check", "amazon", "--url", "http://127.0.0.1:" + port + "/amazon",
            "--json");
        assertThat(r.exitCode()).isEqualTo(1);
        Map<String, JsonNode> c = checks(r);
        assertThat(status(c, "amazon.endpoint.reachable")).isEqualTo("fail");
        assertThat(c.get("amazon.endpoint.reachable").get("summary").asText()).contains("refused");
        assertThat(c.values()).extracting(n -> n.get("status").asText()).containsExactly("fail", "skip", "skip", "skip",
            "skip");
    }

    @Test
    void an_untrusted_tls_certificate_fails_reachability() throws Exception {
        HeldCertificate cert = new HeldCertificate.Builder().addSubjectAlternativeName("localhost").build();
        server.useHttps(new HandshakeCertificates.Builder().heldCertificate(cert).build().sslSocketFactory(), false);
        server.start();
        NotifRun.Result r = NotifRun.in(home).run("check", "amazon", "--url",
            "https://localhost:" + server.getPort() + "/amazon", "--json");
        JsonNode reachable = checks(r).get("amazon.endpoint.reachable");
        assertThat(reachable.get("status").asText()).isEqualTo("fail");
        assertThat(reachable.get("summary").asText()).contains("not trusted");
        assertThat(reachable.at("/details/failure").asText()).isEqualTo("tls");
    }

    @Test
    void text_output_lists_every_check_with_its_fix() throws Exception {
        endpoint(req -> new MockResponse().setResponseCode(204));
        NotifRun.Result r = NotifRun.in(home).run("check", "amazon", "--url", server.url("/amazon").toString(),
            "--wait", "0.2");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("notif check amazon").contains("fail  amazon.confirmation.followed")
            .contains("fix: on Type=SubscriptionConfirmation").contains("1 failed");
        assertThat(r.err()).contains("stand-in SNS host: http://127.0.0.1:");
    }
}
