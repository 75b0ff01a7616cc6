package dev.notif.apple;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.notif.apple.AppStoreConnect.Endpoint;
import dev.notif.core.Http;
import dev.notif.core.NotifException;
import dev.notif.core.Prompt;
import dev.notif.core.RetryPolicy;
import dev.notif.probe.HttpProbe;
import dev.notif.testing.AppleTestKeys;
import dev.notif.testing.FakeAppStoreConnect;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The redirect refusal, against an https receiver the probe trusts (the command-line tests cannot trust one). */
class AppleSetupTest {
    static final String KEY_ID = "2X9R4HXF34";
    static final String ISSUER = "57246542-96fe-1a63-e053-0824d011072a";

    @TempDir
    Path home;
    final MockWebServer ascServer = new MockWebServer();
    final MockWebServer receiver = new MockWebServer();
    FakeAppStoreConnect asc;
    AppleKey key;
    HttpProbe probe;
    final List<String> warnings = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        KeyPair pair = AppleTestKeys.generate();
        Path file = AppleTestKeys.writeP8(home, "AuthKey_" + KEY_ID + ".p8", pair);
        key = AppleKey.load(AppleKey.Kind.ASC, "setup apple", file.toString(), KEY_ID, ISSUER);
        asc = new FakeAppStoreConnect(pair.getPublic(), KEY_ID, ISSUER)
            .app("1234567890", "Example", "com.example.app", null, null, null, null);
        ascServer.setDispatcher(asc);
        ascServer.start();
        HeldCertificate cert = new HeldCertificate.Builder().addSubjectAlternativeName("localhost").build();
        receiver.useHttps(new HandshakeCertificates.Builder().heldCertificate(cert).build().sslSocketFactory(), false);
        receiver.start();
        HandshakeCertificates trusting = new HandshakeCertificates.Builder().addTrustedCertificate(cert.certificate())
            .build();
        probe = new HttpProbe(new OkHttpClient.Builder().followRedirects(false)
            .sslSocketFactory(trusting.sslSocketFactory(), trusting.trustManager()).build());
    }

    @AfterEach
    void stop() throws Exception {
        ascServer.shutdown();
        receiver.shutdown();
    }

    SetupAppleResult setup(boolean force) {
        AppStoreConnect client = new AppStoreConnect(Http.apiClient(Duration.ofSeconds(5),
            new RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(1))), ascServer.url("/"), key,
            Clock.systemUTC());
        String url = "https://localhost:" + receiver.getPort() + "/apple";
        return new AppleSetup(client, probe, Prompt.NONE, warnings::add).run(new AppleSetup.Request("com.example.app",
            KEY_ID, new AppleSetupPlan.Wanted(new Endpoint(url, "V2"), new Endpoint(url, "V2")), false, false, force));
    }

    @Test
    void a_url_that_answers_a_redirect_is_refused_unless_forced() {
        receiver.enqueue(new MockResponse().setResponseCode(301).setHeader("Location", "https://localhost/apple/"));
        assertThatThrownBy(() -> setup(false)).isInstanceOf(NotifException.class)
            .hasMessageContaining("301 redirecting to https://localhost/apple/")
            .hasMessageContaining("Apple does not follow redirects");
        assertThat(asc.patches).isEmpty();

        receiver.enqueue(new MockResponse().setResponseCode(301).setHeader("Location", "https://localhost/apple/"));
        assertThat(setup(true).changed()).isTrue();
        assertThat(warnings).anyMatch(w -> w.contains("redirecting") && w.contains("--force"));
    }

    @Test
    void a_url_that_answers_is_set() {
        receiver.enqueue(new MockResponse().setResponseCode(400).setBody("{\"error\":\"malformed\"}"));
        assertThat(setup(false).changed()).isTrue();
        assertThat(warnings).isEmpty();
        assertThat(receiver.getRequestCount()).isEqualTo(1);
    }
}
