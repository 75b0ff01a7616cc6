package dev.notif.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.listen.LogEntry;
import dev.notif.listen.EventLog;
import dev.notif.testing.NotifRun;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Instant;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusCommandTest {
    @TempDir
    Path home;

    @Test
    void reads_a_receivers_status_document() throws Exception {
        try (MockWebServer receiver = new MockWebServer()) {
            receiver.enqueue(new MockResponse().setBody("{\"stores\":{\"stripe\":{\"last_received_at\":"
                + "\"2026-11-22T10:00:00Z\",\"accepted\":3,\"rejected\":1,\"last_rejection\":{\"at\":"
                + "\"2026-11-22T10:05:00Z\",\"error\":\"signature_mismatch\"}}}}"));
            receiver.start();
            NotifRun.Result r = NotifRun.in(home).run("status", "--url", receiver.url("/").toString(), "--json");
            assertThat(r.exitCode()).as(r.toString()).isZero();
            JsonNode stripe = r.json().at("/stores/stripe");
            assertThat(stripe.get("last_received_at").asText()).isEqualTo("2026-11-22T10:00:00Z");
            assertThat(stripe.get("accepted").asInt()).isEqualTo(3);
            assertThat(stripe.at("/last_rejection/error").asText()).isEqualTo("signature_mismatch");
            assertThat(receiver.takeRequest().getPath()).isEqualTo("/status");
        }
    }

    @Test
    void text_output_is_a_table_with_the_last_rejection() throws Exception {
        try (MockWebServer receiver = new MockWebServer()) {
            receiver.enqueue(new MockResponse().setBody("{\"stores\":{\"stripe\":{\"last_received_at\":null,"
                + "\"accepted\":0,\"rejected\":2,\"last_rejection\":{\"at\":\"2026-11-22T10:05:00Z\","
                + "\"error\":\"unsupported_event_type\"}}}}"));
            receiver.start();
            NotifRun.Result r = NotifRun.in(home).run("status", "--url", receiver.url("").toString());
            // the verdict's word for the receiver's unsupported_event_type, as the demo and send say it
            assertThat(r.out()).contains("STORE").contains("stripe").contains("never").contains("event_rejected (")
                .doesNotContain("unsupported_event_type");
        }
    }

    @Test
    void an_unreachable_receiver_is_exit_1_with_a_hint() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        NotifRun.Result r = NotifRun.in(home).run("status", "--url", "http://127.0.0.1:" + port);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("notif: cannot reach the receiver").contains("hint: start one with: notif listen");
    }

    @Test
    void something_that_is_not_a_receiver_is_exit_1() throws Exception {
        try (MockWebServer other = new MockWebServer()) {
            other.enqueue(new MockResponse().setBody("<html>hello</html>"));
            other.start();
            NotifRun.Result r = NotifRun.in(home).run("status", "--url", other.url("/").toString());
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.err()).contains("did not answer with a notif status document");
        }
    }

    @Test
    void reads_the_event_log_of_a_data_directory_without_a_receiver() throws Exception {
        Path data = home.resolve("receiver");
        try (EventLog log = EventLog.open(data, java.util.List.of("stripe"), EventLog.Limits.DEFAULT, m -> { })) {
            log.append(LogEntry.accepted("stripe", Instant.parse("2026-11-20T08:00:00Z"), "invoice.updated", "evt_1", null))
                .get();
        }
        NotifRun.Result r = NotifRun.in(home).run("status", "--data-dir", data.toString(), "--json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.json().at("/stores/stripe/accepted").asInt()).isEqualTo(1);
        assertThat(r.json().at("/stores/stripe/last_received_at").asText()).isEqualTo("2026-11-20T08:00:00Z");
    }
}
