package dev.notif.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.core.Context;
import dev.notif.core.Json;
import dev.notif.listen.ListenSetup;
import dev.notif.listen.Receiver;
import dev.notif.testing.NotifRun;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** notif's receiver with its /apple route, driven by notif send apple and Apple's own test vectors over loopback. */
class ListenAppleTest {
    static final Path FIXTURES = Path.of("src/test/resources/fixtures/apple");
    static final String BUNDLE = "com.example.app";

    @TempDir
    Path home;
    Receiver receiver;
    MockWebServer target;
    final BlockingQueue<String> notices = new LinkedBlockingQueue<>();

    @AfterEach
    void stop() throws Exception {
        if (receiver != null) {
            receiver.close();
        }
        if (target != null) {
            target.shutdown();
        }
    }

    String start(AppleRouteOptions options) throws Exception {
        Context ctx = new Context(Map.of("NOTIF_RETRY_BASE_MS", "5"), new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter()), InputStream.nullInputStream(), Clock.systemUTC(), false);
        Path data = home.resolve("receiver");
        var route = options.route(new ListenSetup(ctx, data, Duration.ofSeconds(5), notices::add));
        receiver = Receiver.start(new Receiver.Config("127.0.0.1", 0, data, Receiver.DEFAULT_MAX_BODY, List.of(route),
            Clock.systemUTC(), null));
        return receiver.baseUrl();
    }

    /** The test root notif send apple signs with, created by a first send if need be. */
    Path testRoot() {
        Path root = home.resolve("config/apple-test-chain/root.pem");
        if (!Files.exists(root)) {
            NotifRun.in(home).run("send", "apple", "--url", "http://127.0.0.1:9/apple", "--bundle-id", BUNDLE);
        }
        return root;
    }

    NotifRun.Result send(String url, String... extra) {
        String[] base = {"send", "apple", "--url", url, "--bundle-id", BUNDLE, "--json"};
        return NotifRun.in(home).run(base, extra);
    }

    static int post(String url, String body) throws Exception {
        try (Response r = new OkHttpClient().newCall(new Request.Builder().url(url)
            .post(RequestBody.create(body, MediaType.get("application/json"))).build()).execute()) {
            return r.code();
        }
    }

    String next(String containing) throws InterruptedException {
        for (String n = notices.poll(10, TimeUnit.SECONDS); n != null; n = notices.poll(10, TimeUnit.SECONDS)) {
            if (n.contains(containing)) {
                return n;
            }
        }
        throw new AssertionError("no notice containing '" + containing + "'");
    }

    @Test
    void a_receiver_trusting_the_test_root_accepts_what_send_apple_signs_and_status_shows_apple() throws Exception {
        AppleRouteOptions options = new AppleRouteOptions();
        options.roots.add(testRoot());
        String base = start(options);

        NotifRun.Result sent = send(base + "/apple", "--type", "DID_RENEW");
        assertThat(sent.exitCode()).as(sent.toString()).isZero();
        assertThat(sent.json().get("verdict").asText()).isEqualTo("accepted");

        NotifRun.Result status = NotifRun.in(home).run("status", "--url", base, "--json");
        assertThat(status.exitCode()).as(status.toString()).isZero();
        JsonNode apple = status.json().at("/stores/apple");
        assertThat(apple.get("last_received_at").isTextual()).isTrue();
        assertThat(apple.get("accepted").asInt()).isEqualTo(1);
        assertThat(apple.get("last_type").asText()).isEqualTo("DID_RENEW");
        assertThat(apple.get("last_id").asText()).isEqualTo(sent.json().get("notification_uuid").asText());
    }

    @Test
    void by_default_only_apples_root_is_trusted_so_the_test_chain_is_refused_and_send_says_why() throws Exception {
        Path root = testRoot();
        String base = start(new AppleRouteOptions());
        NotifRun.Result sent = send(base + "/apple");
        assertThat(sent.exitCode()).isEqualTo(1);
        assertThat(sent.json().get("verdict").asText()).isEqualTo("signature_rejected");
        assertThat(sent.json().get("fix").asText()).contains(root.toString());
        assertThat(sent.json().get("response_body").asText()).contains("signature_mismatch").contains("chain");

        JsonNode apple = NotifRun.in(home).run("status", "--url", base, "--json").json().at("/stores/apple");
        assertThat(apple.get("rejected").asInt()).isEqualTo(1);
        assertThat(apple.at("/last_rejection/error").asText()).isEqualTo("signature_mismatch");
    }

    @Test
    void apples_own_test_notification_is_accepted_with_its_test_root() throws Exception {
        AppleRouteOptions options = new AppleRouteOptions();
        options.roots.add(FIXTURES.resolve("testCA.der"));
        String base = start(options);
        String jws = Files.readString(FIXTURES.resolve("testNotification")).strip();
        assertThat(post(base + "/apple", "{\"signedPayload\":\"" + jws + "\"}")).isEqualTo(200);
        assertThat(post(base + "/apple", "{\"signedPayload\":\"" + jws.substring(0, jws.length() - 4) + "AAAA\"}"))
            .isEqualTo(400);
        assertThat(post(base + "/apple", "not json")).isEqualTo(400);
        assertThat(post(base + "/apple", "{\"foo\":1}")).isEqualTo(400);
        JsonNode apple = NotifRun.in(home).run("status", "--url", base, "--json").json().at("/stores/apple");
        assertThat(apple.get("accepted").asInt()).isEqualTo(1);
        assertThat(apple.get("last_type").asText()).isEqualTo("TEST");
        assertThat(apple.get("rejected").asInt()).isEqualTo(3);
    }

    @Test
    void another_app_is_refused_as_wrong_app() throws Exception {
        AppleRouteOptions options = new AppleRouteOptions();
        options.roots.add(testRoot());
        options.bundleIds.add("com.other.app");
        String base = start(options);
        NotifRun.Result sent = send(base + "/apple");
        assertThat(sent.json().get("verdict").asText()).isEqualTo("rejected");
        assertThat(sent.json().get("cause").asText()).contains(BUNDLE);
    }

    @Test
    void v1_is_accepted_with_the_shared_secret_only() throws Exception {
        AppleRouteOptions options = new AppleRouteOptions();
        options.sharedSecret = "0123456789abcdef0123456789abcdef";
        String base = start(options);
        NotifRun.Result right = send(base + "/apple", "--v1", "--password", "0123456789abcdef0123456789abcdef");
        assertThat(right.exitCode()).as(right.toString()).isZero();
        NotifRun.Result wrong = send(base + "/apple", "--v1", "--password", "ffffffffffffffffffffffffffffffff");
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.json().get("verdict").asText()).isEqualTo("signature_rejected");
        assertThat(wrong.json().get("fix").asText()).contains("App-Specific Shared Secret");
    }

    @Test
    void accepted_notifications_are_forwarded_as_is_with_retries_on_5xx() throws Exception {
        target = new MockWebServer();
        target.enqueue(new MockResponse().setResponseCode(503));
        target.enqueue(new MockResponse().setResponseCode(200));
        target.start();
        AppleRouteOptions options = new AppleRouteOptions();
        options.roots.add(testRoot());
        options.forwardTo = target.url("/apple").toString();
        String base = start(options);

        NotifRun.Result sent = send(base + "/apple", "--type", "SUBSCRIBED");
        assertThat(sent.exitCode()).as(sent.toString()).isZero();
        RecordedRequest first = target.takeRequest(10, TimeUnit.SECONDS);
        RecordedRequest second = target.takeRequest(10, TimeUnit.SECONDS);
        assertThat(second).isNotNull();
        String body = second.getBody().readString(StandardCharsets.UTF_8);
        assertThat(body).isEqualTo(first.getBody().readString(StandardCharsets.UTF_8));
        assertThat(Json.parse(body).get("signedPayload").asText()).isNotEmpty();
        assertThat(second.getHeader("Content-Type")).startsWith("application/json");
        next("forwarded " + sent.json().get("notification_uuid").asText());

        JsonNode forwarding = NotifRun.in(home).run("status", "--url", base, "--json").json()
            .at("/stores/apple/forwarding");
        assertThat(forwarding.get("delivered").asInt()).isEqualTo(1);
        assertThat(forwarding.get("pending").asInt()).isZero();
        assertThat(forwarding.get("failed").asInt()).isZero();
        assertThat(forwarding.get("to").asText()).isEqualTo(target.url("/apple").toString());
    }

    @Test
    void a_4xx_from_the_target_is_not_retried_and_is_kept_as_failed() throws Exception {
        target = new MockWebServer();
        target.enqueue(new MockResponse().setResponseCode(400).setBody("{\"error\":\"bad\"}"));
        target.start();
        AppleRouteOptions options = new AppleRouteOptions();
        options.roots.add(testRoot());
        options.forwardTo = target.url("/apple").toString();
        String base = start(options);

        send(base + "/apple");
        assertThat(next("failed")).contains("HTTP 400");
        assertThat(target.getRequestCount()).isEqualTo(1);
        JsonNode forwarding = NotifRun.in(home).run("status", "--url", base, "--json").json()
            .at("/stores/apple/forwarding");
        assertThat(forwarding.get("failed").asInt()).isEqualTo(1);
        assertThat(forwarding.get("pending").asInt()).isZero();
        assertThat(forwarding.at("/last_failure/error").asText()).contains("HTTP 400");
        try (var failed = Files.list(home.resolve("receiver/apple-forward/failed"))) {
            assertThat(failed.filter(p -> p.toString().endsWith(".json")).count()).isEqualTo(1);
        }
        assertPrivate(home.resolve("receiver/apple-forward"));
    }

    /** Queue files hold what Apple sent (a V1 body holds the shared secret): the owner's only, 0600 and 0700. */
    static void assertPrivate(Path queue) throws Exception {
        try (var all = Files.walk(queue)) {
            for (Path p : all.toList()) {
                String permissions;
                try {
                    permissions = java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
                } catch (java.nio.file.NoSuchFileException e) {
                    continue; // a running receiver's temporary file, renamed or removed since the listing
                }
                assertThat(permissions).as(p.toString()).isEqualTo(Files.isDirectory(p) ? "rwx------" : "rw-------");
            }
        }
    }

    @Test
    void what_is_pending_survives_a_restart_and_is_delivered_by_the_next_receiver() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        AppleRouteOptions options = new AppleRouteOptions();
        options.roots.add(testRoot());
        options.forwardTo = "http://127.0.0.1:" + port + "/apple";
        String base = start(options);
        NotifRun.Result sent = send(base + "/apple");
        assertThat(sent.exitCode()).as(sent.toString()).isZero();
        next("failed"); // nothing listens on the target yet: a network error, retried later
        JsonNode forwarding = NotifRun.in(home).run("status", "--url", base, "--json").json()
            .at("/stores/apple/forwarding");
        assertThat(forwarding.get("pending").asInt()).isEqualTo(1);
        assertPrivate(home.resolve("receiver/apple-forward"));
        receiver.close();
        receiver = null;

        target = new MockWebServer();
        target.enqueue(new MockResponse().setResponseCode(200));
        target.start(port);
        start(options);
        next("left pending by a previous run");
        RecordedRequest relayed = target.takeRequest(10, TimeUnit.SECONDS);
        assertThat(relayed).isNotNull();
        assertThat(Json.parse(relayed.getBody().readString(StandardCharsets.UTF_8)).has("signedPayload")).isTrue();
        next("forwarded");
    }
}
