package dev.notif.amazon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The commands of one process that run at the same time (a run over notif.toml) share one stand-in SNS server per
 * address, each with links of its own: what one endpoint fetched is never counted for another.
 */
class SnsHostTest {
    static final String ARN = SnsSession.DEFAULT_TOPIC_ARN;
    final HttpClient http = HttpClient.newHttpClient();

    static SnsHost host(int port, String pem) throws IOException {
        return SnsHost.start("127.0.0.1", port, null, pem, ARN, Clock.systemUTC());
    }

    HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void hosts_at_once_share_the_server_and_each_sees_only_its_own_visits() throws Exception {
        try (SnsHost a = host(0, "PEM A"); SnsHost b = host(0, "PEM B")) {
            assertThat(a.baseUrl()).isEqualTo(b.baseUrl());
            assertThat(a.certificateUrl()).isNotEqualTo(b.certificateUrl()).endsWith(".pem");
            String aLink = a.subscribeUrl("tokenA");
            String bLink = b.subscribeUrl("tokenB");

            assertThat(get(a.certificateUrl()).body()).isEqualTo("PEM A");
            assertThat(get(aLink).statusCode()).isEqualTo(200);
            assertThat(a.awaitConfirmation("tokenA", Duration.ZERO)).isTrue();
            assertThat(a.visited(SnsHost.CERTIFICATE)).isTrue();
            assertThat(b.visits()).isEmpty();
            assertThat(b.awaitConfirmation("tokenB", Duration.ZERO)).isFalse();

            // b's link with a's token: a token b never sent, seen by b only
            assertThat(get(bLink.replace("tokenB", "tokenA")).statusCode()).isEqualTo(400);
            assertThat(b.visits()).singleElement().satisfies(v -> {
                assertThat(v.kind()).isEqualTo(SnsHost.CONFIRM);
                assertThat(v.tokenKnown()).isFalse();
            });
            assertThat(a.visits()).hasSize(2);
            assertThat(get(bLink).statusCode()).isEqualTo(200);
            assertThat(b.awaitConfirmation("tokenB", Duration.ZERO)).isTrue();
        }
    }

    @Test
    void a_subscribe_url_rebuilt_at_another_path_is_not_a_confirmation() throws Exception {
        try (SnsHost a = host(0, "PEM")) {
            String link = a.subscribeUrl("tok");
            String rebuilt = a.baseUrl() + link.substring(link.indexOf("/?Action="));
            assertThat(get(rebuilt).statusCode()).isEqualTo(400);
            assertThat(a.awaitConfirmation("tok", Duration.ZERO)).isFalse();
            assertThat(a.visits()).singleElement().satisfies(v -> {
                assertThat(v.kind()).isEqualTo(SnsHost.CONFIRM);
                assertThat(v.tokenKnown()).isFalse(); // judged as a SubscribeURL not fetched as given
            });
            assertThat(get(a.baseUrl() + "/SimpleNotificationService-x.pem").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void a_fixed_port_serves_every_host_and_is_free_again_after_the_last() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String base;
        try (SnsHost a = host(port, "PEM A")) {
            base = a.baseUrl();
            try (SnsHost b = host(port, "PEM B")) {
                assertThat(b.baseUrl()).isEqualTo(base).endsWith(":" + port);
            }
            assertThat(get(a.certificateUrl()).body()).isEqualTo("PEM A"); // b's leaving stopped nothing
        }
        assertThatThrownBy(() -> get(base + "/")).isInstanceOf(ConnectException.class);
        try (SnsHost again = host(port, "PEM")) {
            assertThat(again.baseUrl()).isEqualTo(base);
        }
    }
}
