package dev.notif.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notif.core.Http;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An https:// URL at a plain-HTTP port: the server reads header lines until an empty one, as plain servers do, so a
 * TLS hello (which has no CRLF CRLF) leaves it waiting and the handshake times out. notif says TLS, not "timeout".
 */
class PlainHttpPortTest {
    ServerSocket server;
    final AtomicInteger plainAnswers = new AtomicInteger();
    volatile boolean answerPlain = true;

    @BeforeEach
    void start() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    Thread c = new Thread(() -> serve(s));
                    c.setDaemon(true);
                    c.start();
                } catch (IOException e) {
                    return;
                }
            }
        });
        t.setDaemon(true);
        t.start();
    }

    /** Waits for the end of a request head; a plain request gets HTTP/1.0 404 and the connection closed. */
    private void serve(Socket s) {
        try (s; InputStream in = s.getInputStream()) {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            for (int b = in.read(); b != -1; b = in.read()) {
                head.write(b);
                if (head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                    if (answerPlain) {
                        plainAnswers.incrementAndGet();
                        s.getOutputStream().write(("HTTP/1.0 404 File not found\r\nContent-Type: text/plain\r\n\r\n"
                            + "not found").getBytes(StandardCharsets.ISO_8859_1));
                    }
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    private Outcome post() {
        return new HttpProbe(Http.client(Duration.ofSeconds(1))).post("https://127.0.0.1:" + server.getLocalPort()
            + "/stripe", Map.of(), "{}".getBytes(StandardCharsets.UTF_8), "application/json");
    }

    @Test
    void a_plain_http_port_behind_an_https_url_is_a_tls_mismatch_not_a_timeout() {
        Outcome o = post();
        assertThat(o.answered()).isFalse();
        assertThat(o.failure().kind()).isEqualTo(Outcome.FailureKind.PLAIN_HTTP);
        assertThat(o.failure().detail()).contains("speaks plain HTTP, not TLS").contains("answered 404");
        assertThat(plainAnswers.get()).isEqualTo(1);
        Verdict v = NetworkVerdicts.of(o.failure(), "Stripe");
        assertThat(v.verdict()).isEqualTo(Verdict.TLS_ERROR);
        assertThat(v.fix()).contains("port that serves HTTPS").doesNotContain("certificate");
    }

    @Test
    void a_stalled_handshake_on_a_port_that_answers_nothing_says_what_it_could_not_tell() {
        answerPlain = false;
        Outcome o = post();
        assertThat(o.failure().kind()).isEqualTo(Outcome.FailureKind.TLS);
        assertThat(o.failure().detail()).contains("did not finish the TLS handshake")
            .contains("does not answer plain HTTP either");
    }
}
