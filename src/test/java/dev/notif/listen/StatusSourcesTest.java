package dev.notif.listen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notif.testing.NotifRun;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code notif status --url} of a running receiver and {@code --data-dir} of its directory show the same rows. */
@Timeout(120)
class StatusSourcesTest {
    static final String SECRET = "whsec_statusSources0123456789abcdefgh";
    static final Pattern URL = Pattern.compile("receiving on (http://[0-9.]+:[0-9]+)");

    @TempDir
    Path dir;
    Process listen;

    @AfterEach
    void stop() {
        if (listen != null) {
            listen.destroyForcibly();
        }
    }

    @Test
    void a_running_receiver_and_its_data_directory_show_the_same_stores_and_counts() throws Exception {
        Path data = dir.resolve("receiver");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        listen = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "dev.notif.Main", "listen",
            "--port", "0", "--data-dir", data.toString(), "--stripe-secret", SECRET).start();
        BufferedReader err = new BufferedReader(new InputStreamReader(listen.getErrorStream(), StandardCharsets.UTF_8));
        String url = null;
        for (String line = err.readLine(); line != null && url == null; line = err.readLine()) {
            Matcher m = URL.matcher(line);
            url = m.find() ? m.group(1) : null;
        }
        assertThat(url).as("notif listen started").isNotNull();
        OkHttpClient http = new OkHttpClient();
        String body = ReceiverTest.event("invoice.updated");
        for (String secret : List.of(SECRET, "whsec_notTheReceiversSecret0123456789ab")) {
            Request req = new Request.Builder().url(url + "/stripe")
                .header("Stripe-Signature", ReceiverTest.stripeHeader(secret, Instant.now().getEpochSecond(), body))
                .post(RequestBody.create(body, MediaType.get("application/json"))).build();
            try (Response r = http.newCall(req).execute()) {
                assertThat(r.code()).isIn(200, 400);
            }
        }
        Clock at = Clock.fixed(Instant.now().plusSeconds(5), ZoneOffset.UTC);
        NotifRun.Result live = NotifRun.in(dir).clock(at).env("COLUMNS", "200").run("status", "--url", url);
        NotifRun.Result disk = NotifRun.in(dir).clock(at).env("COLUMNS", "200").run("status", "--data-dir",
            data.toString());
        assertThat(live.exitCode()).as(live.toString()).isZero();
        assertThat(disk.exitCode()).as(disk.toString()).isZero();
        List<String> rows = rows(live.out());
        assertThat(rows).hasSize(1 + StatusReader.RECEIVER_STORES.size());
        assertThat(rows(disk.out())).isEqualTo(rows);
        assertThat(rows).anyMatch(r -> r.startsWith("  stripe") && r.contains("  1  ") && r.contains("signature"));
        assertThat(rows).anyMatch(r -> r.startsWith("  apple") && r.contains("never"));
        var liveStores = NotifRun.in(dir).clock(at).run("status", "--url", url, "--json").json().get("stores");
        var diskStores = NotifRun.in(dir).clock(at).run("status", "--data-dir", data.toString(), "--json").json()
            .get("stores");
        assertThat(diskStores).isEqualTo(liveStores);
    }

    /** The table: every line after the "Last received ... from SOURCE" heading. */
    private static List<String> rows(String out) {
        List<String> lines = out.lines().toList();
        assertThat(lines.get(0)).startsWith("Last received");
        return lines.subList(1, lines.size());
    }
}
