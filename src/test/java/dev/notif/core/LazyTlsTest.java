package dev.notif.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import javax.net.ssl.SSLException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Http's clients set TLS up on their first https request, and plain http never does. */
class LazyTlsTest {
    MockWebServer http;
    MockWebServer https;

    @BeforeEach
    void start() throws Exception {
        http = new MockWebServer();
        http.start();
        https = new MockWebServer();
        HeldCertificate cert = new HeldCertificate.Builder().addSubjectAlternativeName("localhost").build();
        https.useHttps(new HandshakeCertificates.Builder().heldCertificate(cert).build().sslSocketFactory(), false);
        https.start();
    }

    @AfterEach
    void stop() throws Exception {
        http.shutdown();
        https.shutdown();
    }

    static boolean tlsReady(OkHttpClient client) {
        return ((Http.LazyTls) client).tlsReady();
    }

    @Test
    void plain_http_runs_without_tls_and_the_first_https_request_sets_it_up() throws Exception {
        for (OkHttpClient client : new OkHttpClient[] {Http.client(Duration.ofSeconds(5)),
            Http.apiClient(Duration.ofSeconds(5), new RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(1)))}) {
            http.enqueue(new MockResponse().setBody("plain"));
            try (Response r = client.newCall(new Request.Builder().url(http.url("/")).build()).execute()) {
                assertThat(r.code()).isEqualTo(200);
                assertThat(r.body().string()).isEqualTo("plain");
            }
            assertThat(tlsReady(client)).as("after an http request").isFalse();

            // a real handshake, refused because the platform trust store does not know this certificate
            https.enqueue(new MockResponse().setBody("secure"));
            Request secure = new Request.Builder().url(https.url("/")).build();
            assertThatThrownBy(() -> client.newCall(secure).execute()).isInstanceOf(SSLException.class);
            assertThat(tlsReady(client)).isTrue();
        }
    }

    @Test
    void a_client_made_from_one_speaks_both() throws Exception {
        OkHttpClient derived = Http.client(Duration.ofSeconds(5)).newBuilder().build();
        http.enqueue(new MockResponse().setBody("plain"));
        try (Response r = derived.newCall(new Request.Builder().url(http.url("/")).build()).execute()) {
            assertThat(r.code()).isEqualTo(200);
        }
        assertThatThrownBy(() -> derived.newCall(new Request.Builder().url(https.url("/")).build()).execute())
            .isInstanceOf(SSLException.class);
    }
}
