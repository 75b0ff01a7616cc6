package dev.notif.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notif.core.SecretFiles;
import dev.notif.listen.EventLog;
import dev.notif.listen.Receiver;
import dev.notif.stripe.StripeRoute;
import dev.notif.stripe.StripeSecret;
import dev.notif.testing.NotifRun;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** send stripe with no secret, to a notif listen on this machine, signs with the secret that listen generated. */
class ListenSecretTest {
    @TempDir
    Path home;
    Receiver receiver;
    Path secretFile;
    String secret;

    @BeforeEach
    void start() throws Exception {
        // where listen keeps the secret it generates when it runs with the default --data-dir under NotifRun's home
        Path dataDir = home.resolve("data").resolve("receiver");
        secretFile = StripeListenOptions.generatedSecretFile(dataDir);
        secret = StripeSecret.generate();
        SecretFiles.write(secretFile, secret + "\n");
        receiver = Receiver.start(new Receiver.Config("127.0.0.1", 0, dataDir, 64 * 1024,
            List.of(new StripeRoute(List.of(secret), false, 300)), Clock.systemUTC(), null, n -> { },
            EventLog.Limits.DEFAULT));
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void the_secret_listen_generated_is_used_and_said_so() {
        NotifRun.Result r = NotifRun.in(home).run("send", "stripe", "--url", receiver.baseUrl() + "/stripe", "--json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.json().get("verdict").asText()).isEqualTo("accepted");
        assertThat(r.err()).contains("note: no secret given: signing with the one notif listen generated (" + secretFile
            + ")");
        assertThat(r.out() + r.err()).doesNotContain(secret);
        assertThat(receiver.status().get("stripe").accepted()).isEqualTo(1);
    }

    @Test
    void a_given_secret_or_the_environment_wins() {
        NotifRun.Result r = NotifRun.in(home).env("STRIPE_WEBHOOK_SECRET", "whsec_FromTheEnvironment000000000000")
            .run("send", "stripe", "--url", receiver.baseUrl() + "/stripe", "--json");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.json().get("verdict").asText()).isEqualTo("signature_rejected");
        assertThat(r.err()).doesNotContain("notif listen generated");
    }

    @Test
    void another_path_or_a_server_that_is_not_a_notif_receiver_gets_no_secret() throws Exception {
        NotifRun.Result path = NotifRun.in(home).run("send", "stripe", "--url", receiver.baseUrl() + "/hooks/stripe");
        assertThat(path.exitCode()).isEqualTo(2);
        assertThat(path.err()).startsWith("notif: no signing secret");

        try (MockWebServer other = new MockWebServer()) {
            other.enqueue(new MockResponse().setBody("{\"status\":\"ok\"}"));
            other.start();
            NotifRun.Result r = NotifRun.in(home).run("send", "stripe", "--url", other.url("/stripe").toString());
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).startsWith("notif: no signing secret");
            assertThat(other.getRequestCount()).as("only GET /status, never a delivery").isEqualTo(1);
            assertThat(other.takeRequest().getPath()).isEqualTo("/status");
        }
    }

    @Test
    void a_url_on_another_host_is_never_looked_at() {
        List<String> said = new java.util.ArrayList<>();
        dev.notif.probe.HttpProbe failing = new dev.notif.probe.HttpProbe(new okhttp3.OkHttpClient.Builder()
            .addInterceptor(chain -> {
                throw new AssertionError("no request for a remote URL: " + chain.request().url());
            }).build());
        var ctx = new dev.notif.core.Context(java.util.Map.of("NOTIF_DATA_DIR", home.resolve("data").toString()),
            new java.io.PrintWriter(java.io.Writer.nullWriter()), new java.io.PrintWriter(java.io.Writer.nullWriter()),
            java.io.InputStream.nullInputStream(), Clock.systemUTC(), false);
        for (String url : List.of("https://api.example.com/stripe", "http://10.0.0.5:8085/stripe",
            "http://example.localhost.evil.com/stripe")) {
            assertThat(ListenSecret.find(ctx, failing, url, said::add)).as(url).isNull();
        }
        assertThat(said).isEmpty();
    }
}
