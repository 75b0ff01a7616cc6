package dev.notif.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.notif.listen.Receiver;
import dev.notif.testing.NotifRun;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * setup, send and check google against Google's official Pub/Sub emulator (a gcloud component), which pushes to
 * notif's own receiver. Skipped when the
 * emulator is not installed; NOTIF_PUBSUB_EMULATOR names its launcher when gcloud is not on the PATH.
 */
class PubSubEmulatorTest {
    static Process emulator;
    static String hostPort;

    @TempDir
    Path home;

    @BeforeAll
    static void startEmulator() throws Exception {
        Path launcher = launcher();
        assumeTrue(launcher != null, "the Pub/Sub emulator (gcloud component pubsub-emulator) is not installed");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        hostPort = "127.0.0.1:" + port;
        emulator = new ProcessBuilder(launcher.toString(), "--host=127.0.0.1", "--port=" + port)
            .redirectErrorStream(true).start();
        CompletableFuture<Boolean> started = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(emulator.getInputStream(),
                StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.contains("Server started")) {
                        started.complete(true);
                    }
                }
            } catch (Exception e) {
                // the process ended
            }
            started.complete(false);
        }, "pubsub-emulator-output");
        reader.setDaemon(true);
        reader.start();
        assertThat(started.get(120, TimeUnit.SECONDS)).as("the emulator started").isTrue();
    }

    @AfterAll
    static void stopEmulator() throws Exception {
        if (emulator != null) {
            emulator.descendants().forEach(ProcessHandle::destroy);
            emulator.destroy();
            if (!emulator.waitFor(20, TimeUnit.SECONDS)) {
                emulator.destroyForcibly();
            }
        }
    }

    static Path launcher() {
        String explicit = System.getenv("NOTIF_PUBSUB_EMULATOR");
        if (explicit != null) {
            return Files.isExecutable(Path.of(explicit)) ? Path.of(explicit) : null;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path gcloud = Path.of(dir, "gcloud");
            if (Files.isExecutable(gcloud)) {
                try {
                    Path sdk = gcloud.toRealPath().getParent().getParent();
                    Path script = sdk.resolve("platform/pubsub-emulator/bin/cloud-pubsub-emulator");
                    return Files.isExecutable(script) ? script : null;
                } catch (java.io.IOException e) {
                    return null;
                }
            }
        }
        return null;
    }

    NotifRun notif() {
        return NotifRun.in(home).env("PUBSUB_EMULATOR_HOST", hostPort);
    }

    @Test
    void setup_then_send_reaches_notifs_receiver_through_the_emulator_and_check_passes() throws Exception {
        CompletableFuture<Receiver.Delivery> delivered = new CompletableFuture<>();
        try (Receiver receiver = Receiver.start(new Receiver.Config("127.0.0.1", 0, home.resolve("receiver"),
            Receiver.DEFAULT_MAX_BODY, List.of(new GoogleRoute(Set.of("com.acme.app"))), Clock.systemUTC(),
            delivered::complete))) {
            String url = receiver.baseUrl() + "/google";

            NotifRun.Result setup = notif().run("setup", "google", "--project", "notif-emu", "--topic", "play-rtdn",
                "--push-url", url, "--json");
            assertThat(setup.exitCode()).as(setup.toString()).isZero();
            assertThat(setup.json().path("actions").findValuesAsText("action")).containsExactly("create", "skip", "create");

            NotifRun.Result again = notif().run("setup", "google", "--project", "notif-emu", "--topic", "play-rtdn",
                "--push-url", url, "--json");
            assertThat(again.json().path("actions").findValuesAsText("action")).containsExactly("none", "skip", "none");

            NotifRun.Result send = notif().run("send", "google", "--project", "notif-emu", "--topic", "play-rtdn",
                "--package", "com.acme.app", "--json");
            assertThat(send.exitCode()).as(send.toString()).isZero();

            Receiver.Delivery delivery = delivered.get(60, TimeUnit.SECONDS);
            assertThat(delivery.status()).as(delivery.answer()).isEqualTo(200);
            assertThat(delivery.entry().id()).isEqualTo(send.json().path("message_id").asText());
            assertThat(delivery.entry().type()).isEqualTo("test");
            assertThat(delivery.entry().detail().path("subscription").asText())
                .isEqualTo("projects/notif-emu/subscriptions/play-rtdn-push");
            assertThat(delivery.entry().detail().path("package_name").asText()).isEqualTo("com.acme.app");

            NotifRun.Result check = notif().run("check", "google", "--project", "notif-emu", "--topic", "play-rtdn",
                "--push-url", url, "--json");
            assertThat(check.exitCode()).as(check.toString()).isZero();
            assertThat(check.json().path("checks").findValuesAsText("status"))
                .containsExactly("skip", "pass", "skip", "pass", "skip");
        }
    }
}
