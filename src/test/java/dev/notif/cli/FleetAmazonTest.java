package dev.notif.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.amazon.SnsMessage;
import dev.notif.testing.NotifRun;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run over notif.toml checks its Amazon entries at once on one stand-in SNS host: a fixed callback_port serves
 * them all, and each entry is judged on what its own endpoint fetched.
 */
class FleetAmazonTest {
    @TempDir
    Path home;

    @Test
    void entries_checked_at_once_share_a_fixed_callback_port_and_keep_their_own_visits() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        HttpClient fetch = HttpClient.newHttpClient();
        CountDownLatch bothSent = new CountDownLatch(2);
        try (MockWebServer endpoints = new MockWebServer()) {
            endpoints.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    try {
                        SnsMessage m = SnsMessage.parse(request.getBody().readUtf8());
                        if (m.subscribeUrl() != null) {
                            // both confirmations are out before either is answered: the two checks overlap
                            bothSent.countDown();
                            bothSent.await(10, TimeUnit.SECONDS);
                            if (request.getPath().equals("/verifies")) {
                                fetch.send(HttpRequest.newBuilder(URI.create(m.signingCertUrl())).build(),
                                    HttpResponse.BodyHandlers.discarding());
                            }
                            fetch.send(HttpRequest.newBuilder(URI.create(m.subscribeUrl())).build(),
                                HttpResponse.BodyHandlers.discarding());
                        }
                        return new MockResponse().setResponseCode(200);
                    } catch (Exception e) {
                        return new MockResponse().setResponseCode(400);
                    }
                }
            });
            endpoints.start();
            Path config = home.resolve("notif.toml");
            Files.writeString(config, """
                [concurrency]
                amazon = 2

                [[app]]
                name = "fetches-the-certificate"
                  [app.amazon]
                  url = "%1$s"
                  callback_port = %3$d
                  wait = 10

                [[app]]
                name = "does-not"
                  [app.amazon]
                  url = "%2$s"
                  callback_port = %3$d
                  wait = 10
                """.formatted(endpoints.url("/verifies"), endpoints.url("/trusts"), port));
            NotifRun.Result r = NotifRun.in(home).run("check", "--config", config.toString(), "--json");

            assertThat(r.exitCode()).as(r.toString()).isZero();
            JsonNode apps = r.json().get("apps");
            assertThat(signature(apps.get(0))).isTrue();
            assertThat(signature(apps.get(1))).isFalse();
            for (JsonNode app : apps) {
                assertThat(status(app, "amazon.confirmation.followed")).as(app.toString()).isEqualTo("pass");
            }
        }
    }

    static String status(JsonNode app, String id) {
        for (JsonNode c : app.get("stores").get(0).get("checks")) {
            if (c.get("id").asText().equals(id)) {
                return c.get("status").asText();
            }
        }
        throw new AssertionError(id + " not in " + app);
    }

    static boolean signature(JsonNode app) {
        for (JsonNode c : app.get("stores").get(0).get("checks")) {
            if (c.get("id").asText().equals("amazon.signature.enforced")) {
                return c.get("details").get("certificate_fetched").asBoolean();
            }
        }
        throw new AssertionError("no amazon.signature.enforced in " + app);
    }
}
