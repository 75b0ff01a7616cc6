package dev.notif.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.net.Webhook;
import dev.notif.testing.FakeStripe;
import dev.notif.testing.NotifRun;
import dev.notif.testing.SigningReceiver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets from a file ({@code --secret-file}) and from stdin ({@code --secret -}), never only the command line. */
class SecretInputTest {
    static final String SECRET = "whsec_FromAFileNotTheCommandLine0123456";

    @TempDir
    Path home;
    MockWebServer server;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    Path file(String name, String content, String mode) throws Exception {
        Path f = home.resolve(name);
        Files.writeString(f, content);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(mode));
        return f;
    }

    NotifRun.Result send(NotifRun run, String... extra) {
        String[] base = {"send", "stripe", "--url", server.url("/stripe").toString(), "--json"};
        return run.run(base, extra);
    }

    /** The delivery's signature verifies with {@code secret} (stripe-java's verifier), and the secret is never shown. */
    void signedWith(NotifRun.Result r, String secret) throws Exception {
        assertThat(r.exitCode()).as(r.toString()).isZero();
        RecordedRequest req = server.takeRequest(5, TimeUnit.SECONDS);
        Webhook.constructEvent(req.getBody().readString(StandardCharsets.UTF_8), req.getHeader("Stripe-Signature"),
            secret);
        assertThat(r.out() + r.err()).doesNotContain(secret).contains("whsec_****");
    }

    @Test
    void send_stripe_reads_the_secret_from_a_file_without_its_trailing_newline() throws Exception {
        server.enqueue(new MockResponse().setBody("{}"));
        Path f = file("secret.txt", SECRET + "\r\n", "rw-------");
        NotifRun.Result r = send(NotifRun.in(home), "--secret-file", f.toString());
        signedWith(r, SECRET);
        assertThat(r.err()).doesNotContain("warning");
    }

    @Test
    void send_stripe_reads_the_secret_from_stdin() throws Exception {
        server.enqueue(new MockResponse().setBody("{}"));
        signedWith(send(NotifRun.in(home).stdin(SECRET + "\n"), "--secret", "-"), SECRET);
    }

    @Test
    void the_file_wins_over_the_environment_variable() throws Exception {
        server.enqueue(new MockResponse().setBody("{}"));
        Path f = file("secret.txt", SECRET + "\n", "rw-------");
        NotifRun run = NotifRun.in(home).env("STRIPE_WEBHOOK_SECRET", "whsec_FromTheEnvironment000000000000");
        signedWith(send(run, "--secret-file", f.toString()), SECRET);
    }

    @Test
    void a_file_other_users_can_read_is_used_with_a_warning_naming_its_mode() throws Exception {
        server.enqueue(new MockResponse().setBody("{}"));
        Path f = file("secret.txt", SECRET + "\n", "rw-r--r--");
        NotifRun.Result r = send(NotifRun.in(home), "--secret-file", f.toString());
        signedWith(r, SECRET);
        assertThat(r.err()).contains("warning: --secret-file " + f + " is readable by other users (mode 0644)")
            .contains("chmod 600 " + f);
    }

    @Test
    void files_that_cannot_give_one_secret_are_one_line_usage_errors() throws Exception {
        Path empty = file("empty.txt", "\n\n", "rw-------");
        Path two = file("two.txt", SECRET + "\nwhsec_Another000000000000000000000\n", "rw-------");
        Path missing = home.resolve("missing.txt");
        String[][] cases = {
            {missing.toString(), "notif: --secret-file " + missing + ": no such file"},
            {empty.toString(), "notif: --secret-file " + empty + " is empty"},
            {two.toString(), "notif: --secret-file " + two + " holds 2 lines; one secret expected"},
            {home.toString(), "notif: --secret-file " + home + " is a directory"},
        };
        for (String[] c : cases) {
            NotifRun.Result r = send(NotifRun.in(home), "--secret-file", c[0]);
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
            assertThat(r.err().lines().findFirst().orElse("")).isEqualTo(c[1]);
            assertThat(r.err()).contains("hint: ").doesNotContain(SECRET).doesNotContain("Exception");
        }
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void an_unreadable_file_is_named_with_the_reason() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse("root".equals(System.getProperty("user.name")),
            "root reads every file");
        Path f = file("secret.txt", SECRET + "\n", "---------");
        NotifRun.Result r = send(NotifRun.in(home), "--secret-file", f.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("notif: --secret-file " + f + " cannot be read: permission denied");
    }

    @Test
    void stdin_that_cannot_give_one_secret_and_conflicting_sources_are_refused() throws Exception {
        Path f = file("secret.txt", SECRET + "\n", "rw-------");
        assertThat(send(NotifRun.in(home).stdin(""), "--secret", "-").err())
            .startsWith("notif: --secret -: standard input was empty");
        assertThat(send(NotifRun.in(home).stdin("a\nb\n"), "--secret", "-").err())
            .startsWith("notif: --secret -: standard input holds 2 lines; one secret expected");
        assertThat(send(NotifRun.in(home), "--secret", SECRET, "--secret-file", f.toString()).err())
            .startsWith("notif: --secret and --secret-file both given");
        assertThat(send(NotifRun.in(home).stdin(SECRET), "--secret", "-", "--data", "-").err())
            .startsWith("notif: --secret - and --data - both read stdin");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void check_stripe_probes_with_the_secret_from_the_file() throws Exception {
        Path f = file("secret.txt", SECRET + "\n", "rw-------");
        try (FakeStripe stripe = new FakeStripe(); SigningReceiver backend = new SigningReceiver().holds(SECRET)) {
            NotifRun.Result r = NotifRun.in(home).stdin(FakeStripe.KEY + "\n").run("check", "stripe", "--url",
                backend.url(), "--api-base", stripe.apiBase(), "--api-key", "-", "--secret-file", f.toString(), "--json");
            assertThat(r.check("stripe.secret.accepted").path("status").asText()).as(r.toString()).isEqualTo("pass");
            assertThat(r.check("stripe.credentials").path("status").asText()).as(r.toString()).isEqualTo("pass");
            assertThat(r.out() + r.err()).doesNotContain(SECRET).doesNotContain(FakeStripe.KEY);
        }
    }

    @Test
    void verify_stripe_takes_a_candidate_from_stdin() throws Exception {
        long t = java.time.Instant.now().getEpochSecond();
        String body = "{\"id\":\"evt_1\",\"object\":\"event\",\"type\":\"invoice.updated\"}";
        Path payload = file("body.json", body, "rw-------");
        String header = "t=" + t + ",v1=" + Webhook.Util.computeHmacSha256(SECRET, t + "." + body);
        NotifRun.Result r = NotifRun.in(home).stdin(SECRET + "\n").run("verify", "stripe", "--payload",
            payload.toString(), "--header", header, "--secret", "-", "--json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.json().get("matched_secret_source").asText()).isEqualTo("--secret (stdin)");
        assertThat(r.out()).doesNotContain(SECRET);
        assertThat(NotifRun.in(home).stdin(body).run("verify", "stripe", "--payload", "-", "--header", header,
            "--secret", "-").err()).startsWith("notif: more than one of --payload - and --secret - read stdin");
    }

    @Test
    void send_apple_reads_the_v1_password_from_a_file() throws Exception {
        server.enqueue(new MockResponse().setBody("{}"));
        String password = "0123456789abcdef0123456789abcdef";
        Path f = file("shared.txt", password + "\n", "rw-------");
        NotifRun.Result r = NotifRun.in(home).run("send", "apple", "--url", server.url("/apple").toString(),
            "--bundle-id", "com.example.app", "--v1", "--password-file", f.toString(), "--json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        String body = server.takeRequest(5, TimeUnit.SECONDS).getBody().readString(StandardCharsets.UTF_8);
        assertThat(body).contains("\"password\": \"" + password + "\"");
        assertThat(r.out() + r.err()).doesNotContain(password);
    }
}
