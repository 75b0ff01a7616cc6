package dev.notif.listen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.core.Json;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.TimeUnit;
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

/** {@code notif listen} as a separate process: what it acknowledged survives kill -9; SIGTERM stops it cleanly. */
@Timeout(120)
class ListenProcessTest {
    static final String SECRET = "whsec_processTest0123456789abcdefghij";
    static final Pattern URL = Pattern.compile("receiving on (http://[0-9.]+:[0-9]+)");

    @TempDir
    Path dir;
    final List<Process> processes = new ArrayList<>();
    final OkHttpClient http = new OkHttpClient();

    @AfterEach
    void killAll() {
        processes.forEach(Process::destroyForcibly);
    }

    record Running(Process process, String url, BufferedReader stderr) {
    }

    Running listen() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "dev.notif.Main",
            "listen", "--port", "0", "--data-dir", dir.toString(), "--stripe-secret", SECRET);
        pb.environment().put("NO_COLOR", "1");
        Process p = pb.start();
        processes.add(p);
        BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
        for (String line = err.readLine(); line != null; line = err.readLine()) {
            Matcher m = URL.matcher(line);
            if (m.find()) {
                return new Running(p, m.group(1), err);
            }
        }
        throw new AssertionError("notif listen exited before listening: " + p.waitFor());
    }

    int deliver(String url, String type) throws Exception {
        String body = ReceiverTest.event(type);
        Request req = new Request.Builder().url(url + "/stripe")
            .header("Stripe-Signature", ReceiverTest.stripeHeader(SECRET, Instant.now().getEpochSecond(), body))
            .post(RequestBody.create(body, MediaType.get("application/json"))).build();
        try (Response r = http.newCall(req).execute()) {
            return r.code();
        }
    }

    JsonNode status(String url) throws Exception {
        try (Response r = http.newCall(new Request.Builder().url(url + "/status").build()).execute()) {
            return Json.parse(r.body().string());
        }
    }

    @Test
    void acknowledged_deliveries_survive_kill_9_and_a_restart_rebuilds_counts() throws Exception {
        Running first = listen();
        int acknowledged = 0;
        for (int i = 0; i < 20; i++) {
            if (deliver(first.url(), i % 2 == 0 ? "invoice.updated" : "charge.refunded") == 200) {
                acknowledged++;
            }
        }
        assertThat(deliver(first.url(), "invoice.paid")).isEqualTo(400);
        JsonNode before = status(first.url()).at("/stores/stripe");
        first.process().destroyForcibly(); // SIGKILL: no shutdown hook, no flush
        assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).isTrue();

        Running second = listen();
        JsonNode after = status(second.url()).at("/stores/stripe");
        assertThat(after.get("accepted").asInt()).isEqualTo(acknowledged).isEqualTo(20);
        assertThat(after.get("rejected").asInt()).isEqualTo(1);
        assertThat(after.get("last_received_at")).isEqualTo(before.get("last_received_at"));
        assertThat(after.at("/last_rejection/error").asText()).isEqualTo("unsupported_event_type");
    }

    /** The fault test of issue 11: kill -9 under load, three times; every delivery answered 200 is in the log. */
    @Test
    void kill_9_under_load_loses_no_acknowledged_delivery() throws Exception {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger sent = new AtomicInteger();
        for (int cycle = 0; cycle < 3; cycle++) {
            Running r = listen();
            CountDownLatch enough = new CountDownLatch(150);
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                Thread t = new Thread(() -> {
                    OkHttpClient client = http.newBuilder().retryOnConnectionFailure(false).build();
                    while (!stop.get()) {
                        String id = "evt_load_" + sent.incrementAndGet();
                        try {
                            if (deliver(client, r.url(), id) == 200) {
                                acknowledged.add(id);
                                enough.countDown();
                            }
                        } catch (Exception e) {
                            return; // the receiver was killed: whatever had no answer was never acknowledged
                        }
                    }
                });
                t.start();
                clients.add(t);
            }
            assertThat(enough.await(60, TimeUnit.SECONDS)).isTrue();
            r.process().destroyForcibly(); // SIGKILL while the clients are still sending
            assertThat(r.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
            stop.set(true);
            for (Thread t : clients) {
                t.join(30_000);
            }
        }
        Running last = listen();
        Set<String> logged = new HashSet<>();
        EventLog.entries(dir).forEach(e -> logged.add(e.id()));
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(450);
        assertThat(logged).containsAll(acknowledged); // lost: 0
        assertThat(status(last.url()).at("/stores/stripe/accepted").asInt()).isEqualTo(logged.size())
            .isGreaterThanOrEqualTo(acknowledged.size());
    }

    int deliver(OkHttpClient client, String url, String id) throws Exception {
        String body = ReceiverTest.event("invoice.updated").replace("evt_1Test", id);
        Request req = new Request.Builder().url(url + "/stripe")
            .header("Stripe-Signature", ReceiverTest.stripeHeader(SECRET, Instant.now().getEpochSecond(), body))
            .post(RequestBody.create(body, MediaType.get("application/json"))).build();
        try (Response r = client.newCall(req).execute()) {
            return r.code();
        }
    }

    @Test
    void sigterm_stops_cleanly_and_prints_the_summary() throws Exception {
        Running r = listen();
        assertThat(deliver(r.url(), "invoice.updated")).isEqualTo(200);
        r.process().toHandle().destroy(); // SIGTERM (keeps our pipes open); Ctrl-C (SIGINT) runs the same hook
        assertThat(r.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        String out = new String(r.process().getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(out).contains("notif listen stopped").contains("stripe").doesNotContain("Exception");
        StringBuilder rest = new StringBuilder();
        for (String line = r.stderr().readLine(); line != null; line = r.stderr().readLine()) {
            rest.append(line).append('\n');
        }
        assertThat(rest.toString()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
