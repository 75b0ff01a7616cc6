package dev.notif.listen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.notif.stripe.StripeRoute;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The receiver on a real, small file system that fills up (a 1 MiB tmpfs this test mounts; skipped where it may not
 * mount, EventLogTest simulating the same short write everywhere): full disk, 503s, space again, 200s, restart.
 */
@Timeout(120)
class FullDiskTest {
    static final String SECRET = "whsec_fullDiskTest0123456789abcdefghij";

    @TempDir
    Path dir;
    Path mount;
    final OkHttpClient http = new OkHttpClient();
    final List<String> notices = new ArrayList<>();

    @BeforeEach
    void mountSmallDisk() throws Exception {
        mount = Files.createDirectory(dir.resolve("small"));
        boolean mounted;
        try {
            Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=1m,mode=0700", "tmpfs", mount.toString())
                .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            mounted = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            mounted = false;
        }
        assumeTrue(mounted, "cannot mount a tmpfs here (needs root with mount rights)");
    }

    @AfterEach
    void unmount() throws Exception {
        new ProcessBuilder("umount", "-l", mount.toString()).redirectErrorStream(true).start().waitFor(30,
            TimeUnit.SECONDS);
    }

    Receiver start(Path data) throws IOException {
        return Receiver.start(new Receiver.Config("127.0.0.1", 0, data, 64 * 1024,
            List.of(new StripeRoute(List.of(SECRET), false, 300)), Clock.systemUTC(), null, notices::add,
            EventLog.Limits.DEFAULT));
    }

    int deliver(Receiver r, int n) throws Exception {
        String body = ReceiverTest.event("invoice.updated").replace("evt_1Test", "evt_" + n);
        Request req = new Request.Builder().url(r.baseUrl() + "/stripe")
            .header("Stripe-Signature", ReceiverTest.stripeHeader(SECRET, Instant.now().getEpochSecond(), body))
            .post(RequestBody.create(body, MediaType.get("application/json"))).build();
        try (Response resp = http.newCall(req).execute()) {
            return resp.code();
        }
    }

    @Test
    void a_full_disk_then_space_then_a_restart_keeps_every_acknowledged_delivery() throws Exception {
        Path data = mount.resolve("receiver");
        Path filler = mount.resolve("filler");
        int acknowledged = 0;
        int refused = 0;
        int n = 0;
        try (Receiver r = start(data)) {
            for (; n < 5; n++) {
                assertThat(deliver(r, n)).isEqualTo(200);
                acknowledged++;
            }
            try (OutputStream out = Files.newOutputStream(filler)) {
                byte[] block = new byte[1000];
                while (true) {
                    out.write(block);
                }
            } catch (IOException full) {
                // the disk is full
            }
            // the few bytes left in the log's last page take a delivery or two, then a write stops part-way
            while (refused < 3 && n < 200) {
                int code = deliver(r, n++);
                if (code == 200) {
                    acknowledged++;
                } else {
                    assertThat(code).isEqualTo(503);
                    refused++;
                }
            }
            assertThat(refused).isEqualTo(3);
            Files.delete(filler);
            for (int i = 0; i < 5; i++) {
                assertThat(deliver(r, n++)).isEqualTo(200);
                acknowledged++;
            }
            assertThat(r.status().get("stripe").accepted()).isEqualTo(acknowledged);
        }
        assertThat(notices).anyMatch(m -> m.contains("cut the file back"));
        notices.clear();
        try (Receiver again = start(data)) {
            assertThat(again.status().get("stripe").accepted()).isEqualTo(acknowledged);
        }
        assertThat(notices).isEmpty();
        assertThat(EventLog.read(data).stores().get("stripe").accepted()).isEqualTo(acknowledged);
    }
}
