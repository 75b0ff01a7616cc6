package dev.notif.google;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.core.Json;
import dev.notif.listen.Receiver;
import dev.notif.testing.NotifRun;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** notif send google against notif's own receiver over loopback, and what status then shows for Google. */
class GoogleReceiverTest {
    @TempDir
    Path dir;
    Receiver receiver;

    @BeforeEach
    void start() throws Exception {
        receiver = Receiver.start(new Receiver.Config("127.0.0.1", 0, dir.resolve("receiver"), Receiver.DEFAULT_MAX_BODY,
            List.of(new GoogleRoute(Set.of("com.acme.app"))), Clock.systemUTC(), null));
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    NotifRun.Result notif(String... args) {
        return NotifRun.in(dir).run(args);
    }

    @Test
    void sent_notifications_are_judged_by_the_route_and_status_shows_googles_last_received_time() throws Exception {
        String url = receiver.baseUrl() + "/google";

        NotifRun.Result accepted = notif("send", "google", "--url", url, "--package", "com.acme.app", "--type",
            "subscription", "--notification-type", "SUBSCRIPTION_RENEWED", "--json");
        NotifRun.Result otherApp = notif("send", "google", "--url", url, "--package", "com.other.app", "--json");
        int malformed;
        try (Response r = new OkHttpClient().newCall(new Request.Builder().url(url)
            .post(RequestBody.create("{\"message\":{}}", MediaType.get("application/json"))).build()).execute()) {
            malformed = r.code();
            assertThat(Json.parse(r.body().string()).path("error").asText()).isEqualTo("malformed");
        }

        assertThat(accepted.exitCode()).as(accepted.toString()).isZero();
        assertThat(accepted.json().path("verdict").asText()).isEqualTo("accepted");
        assertThat(otherApp.exitCode()).as(otherApp.toString()).isEqualTo(1);
        assertThat(otherApp.json().path("verdict").asText()).isEqualTo("event_rejected");
        assertThat(malformed).isEqualTo(400);

        NotifRun.Result status = notif("status", "--url", receiver.baseUrl(), "--json");
        assertThat(status.exitCode()).as(status.toString()).isZero();
        JsonNode google = status.json().path("stores").path("google");
        assertThat(google.path("last_received_at").asText()).isNotBlank();
        assertThat(google.path("accepted").asInt()).isEqualTo(1);
        assertThat(google.path("rejected").asInt()).isEqualTo(2);
        assertThat(google.path("last_rejection").path("error").asText()).isEqualTo("malformed");
    }
}
