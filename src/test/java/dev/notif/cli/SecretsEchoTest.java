package dev.notif.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notif.core.Context;
import dev.notif.listen.ListenSetup;
import dev.notif.listen.Receiver;
import dev.notif.testing.FakeGoogle;
import dev.notif.testing.NotifRun;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, item 5, as a property: a secret the command was given or obtained never reaches any output, whichever
 * path it takes, even when a peer quotes it back (raw, JSON-escaped or URL-encoded), in text and JSON modes.
 */
class SecretsEchoTest {
    /** No prefix a pattern would know: only the run's registry can find it. */
    static final String PASSWORD = "c0ffee42deadbeef9876543210abcdef";

    @TempDir
    Path home;
    final List<MockWebServer> servers = new ArrayList<>();
    Receiver receiver;

    @AfterEach
    void stop() throws Exception {
        if (receiver != null) {
            receiver.close();
        }
        for (MockWebServer s : servers) {
            s.shutdown();
        }
    }

    /** A peer that answers every request with {@code status} and a body quoting what it got, three ways. */
    MockWebServer quoting(int status) throws Exception {
        MockWebServer s = new MockWebServer();
        s.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String got = request.getBody().readString(StandardCharsets.UTF_8) + " " + request.getHeaders();
                return new MockResponse().setResponseCode(status).setHeader("Content-Type", "text/plain")
                    .setBody("refused: " + got + " / " + got.replace("\"", "\\\"") + " / "
                        + java.net.URLEncoder.encode(got, StandardCharsets.UTF_8));
            }
        });
        s.start();
        servers.add(s);
        return s;
    }

    static void assertNoSecret(String secret, String where, String text) {
        assertThat(text).as(where).doesNotContain(secret)
            .doesNotContain(java.net.URLEncoder.encode(secret, StandardCharsets.UTF_8));
    }

    @Test
    void send_apple_v1_never_prints_the_password_a_receiver_quotes_back() throws Exception {
        MockWebServer peer = quoting(400);
        for (String mode : List.of("--json", "--no-color")) {
            NotifRun.Result r = NotifRun.in(home).run("send", "apple", "--url", peer.url("/apple").toString(),
                "--bundle-id", "com.example.app", "--v1", "--password", PASSWORD, mode, "--verbose");
            assertThat(r.exitCode()).as(r.toString()).isNotZero();
            assertNoSecret(PASSWORD, "send apple " + mode, r.out() + r.err());
            assertThat(r.out()).contains("refused");
        }
        NotifRun.Result shown = NotifRun.in(home).run("send", "apple", "--url", peer.url("/apple").toString(),
            "--bundle-id", "com.example.app", "--v1", "--password", PASSWORD, "--json", "--show-secret");
        assertThat(shown.json().get("password").asText()).isEqualTo(PASSWORD); // asked for: shown
    }

    @Test
    void listen_never_echoes_the_shared_secret_a_forward_target_quotes_back() throws Exception {
        MockWebServer target = quoting(400);
        StringWriter err = new StringWriter();
        Context ctx = new Context(Map.of("NOTIF_RETRY_BASE_MS", "5"), new PrintWriter(new StringWriter()),
            new PrintWriter(err), InputStream.nullInputStream(), Clock.systemUTC(), false);
        Path data = home.resolve("receiver");
        AppleRouteOptions options = new AppleRouteOptions();
        options.sharedSecret = PASSWORD;
        options.forwardTo = target.url("/apple").toString();
        java.util.concurrent.BlockingQueue<String> notices = new java.util.concurrent.LinkedBlockingQueue<>();
        var route = options.route(new ListenSetup(ctx, data, Duration.ofSeconds(5), notices::add));
        receiver = Receiver.start(new Receiver.Config("127.0.0.1", 0, data, Receiver.DEFAULT_MAX_BODY, List.of(route),
            Clock.systemUTC(), null, notices::add, dev.notif.listen.EventLog.Limits.DEFAULT));

        NotifRun.Result sent = NotifRun.in(home).run("send", "apple", "--url", receiver.baseUrl() + "/apple",
            "--bundle-id", "com.example.app", "--v1", "--password", PASSWORD, "--json");
        assertThat(sent.exitCode()).as(sent.toString()).isZero();
        assertThat(target.takeRequest(10, TimeUnit.SECONDS)).isNotNull();
        List<String> seen = new ArrayList<>();
        for (String n = notices.poll(10, TimeUnit.SECONDS); n != null; n = notices.poll(10, TimeUnit.SECONDS)) {
            seen.add(n);
            if (n.contains("failed")) { // the queue's verdict on the 400
                break;
            }
        }
        String status;
        try (Response r = new OkHttpClient().newCall(new Request.Builder().url(receiver.baseUrl() + "/status")
            .build()).execute()) {
            status = r.body().string();
        }
        assertThat(status).contains("refused");
        assertNoSecret(PASSWORD, "GET /status", status);
        assertNoSecret(PASSWORD, "listen notices", String.join("\n", seen));
        assertThat(String.join("\n", seen)).contains("refused");
        NotifRun.Result viaStatus = NotifRun.in(home).run("status", "--url", receiver.baseUrl());
        assertNoSecret(PASSWORD, "notif status", viaStatus.out() + viaStatus.err());
        try (Stream<Path> files = Files.walk(data.resolve("apple-forward/failed"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String json = Files.readString(f);
                String lastError = dev.notif.core.Json.parse(json).get("last_error").asText();
                assertThat(lastError).contains("refused");
                assertNoSecret(PASSWORD, "the queue's last_error", lastError);
            }
        }
    }

    @Test
    void google_commands_never_print_the_access_token_an_api_quotes_back() throws Exception {
        FakeGoogle google = new FakeGoogle(home);
        try {
            google.fail("POST", ":publish", 400, "INVALID_ARGUMENT", "bad request from token " + FakeGoogle.TOKEN);
            google.fail("GET", "play-rtdn", 403, "PERMISSION_DENIED", "token " + FakeGoogle.TOKEN + " may not");
            for (String mode : List.of("--json", "--no-color")) {
                NotifRun.Result send = google.run(NotifRun.in(home), "send", "--topic",
                    "projects/acme-prod/topics/play-rtdn", mode);
                assertNoSecret(FakeGoogle.TOKEN, "send google " + mode, send.out() + send.err());
                NotifRun.Result check = google.run(NotifRun.in(home), "check", "--topic",
                    "projects/acme-prod/topics/play-rtdn", "--push-url", "https://api.example.com/google", mode);
                assertNoSecret(FakeGoogle.TOKEN, "check google " + mode, check.out() + check.err());
                NotifRun.Result setup = google.run(NotifRun.in(home), "setup", "--topic",
                    "projects/acme-prod/topics/play-rtdn", "--push-url", "https://api.example.com/google", mode);
                assertNoSecret(FakeGoogle.TOKEN, "setup google " + mode, setup.out() + setup.err());
                assertThat(send.out() + send.err() + check.out() + check.err()).contains("ya29.****");
            }
        } finally {
            google.close();
        }
    }
}
