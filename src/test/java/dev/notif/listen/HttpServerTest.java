package dev.notif.listen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.core.Json;
import dev.notif.stripe.StripeRoute;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The receiver's HTTP server over raw loopback sockets: slow, idle and odd clients, and the protocol's corners. */
@Timeout(60)
class HttpServerTest {
    static final String SECRET = "whsec_httpServerTest0123456789abcdefgh";

    @TempDir
    Path dir;
    Receiver receiver;
    final List<Socket> sockets = new ArrayList<>();

    @AfterEach
    void stop() throws IOException {
        for (Socket s : sockets) {
            s.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    Receiver.Config config() {
        return new Receiver.Config("127.0.0.1", 0, dir, 64 * 1024, List.of(new StripeRoute(List.of(SECRET), false, 300)),
            Clock.systemUTC(), null);
    }

    Socket connect() throws IOException {
        Socket s = new Socket("127.0.0.1", receiver.port());
        s.setSoTimeout(30_000);
        sockets.add(s);
        return s;
    }

    static String signedPost(String path, String extraHeaders) throws Exception {
        String body = ReceiverTest.event("invoice.updated");
        String sig = ReceiverTest.stripeHeader(SECRET, Instant.now().getEpochSecond(), body);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return "POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nStripe-Signature: " + sig
            + "\r\nContent-Length: " + bytes.length + "\r\n" + extraHeaders + "\r\n" + body;
    }

    /** Reads one answer: status line, headers, body by Content-Length. */
    static String answer(InputStream in) throws IOException {
        return answer(in, false);
    }

    static String answer(InputStream in, boolean headOnly) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return head.length() == 0 ? null : head.toString();
            }
            head.append((char) b);
        }
        int length = 0;
        for (String line : head.toString().split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).strip());
            }
        }
        return head + (headOnly ? "" : new String(in.readNBytes(length), StandardCharsets.UTF_8));
    }

    static String exchange(Socket s, String request) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(request.getBytes(StandardCharsets.UTF_8));
        out.flush();
        return answer(s.getInputStream());
    }

    @Test
    void two_hundred_clients_stalled_in_their_headers_or_body_do_not_stop_a_well_behaved_one() throws Exception {
        receiver = Receiver.start(config()); // the default bounds
        for (int i = 0; i < 100; i++) {
            connect().getOutputStream().write("POST /stripe HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes());
            connect().getOutputStream().write("POST /stripe HTTP/1.1\r\nContent-Length: 5000\r\n\r\n{\"id\"".getBytes());
        }
        for (int i = 0; i < 3; i++) {
            try (Socket good = new Socket("127.0.0.1", receiver.port())) {
                good.setSoTimeout(10_000);
                assertThat(exchange(good, signedPost("/stripe", ""))).startsWith("HTTP/1.1 200 ");
            }
        }
        assertThat(receiver.status().get("stripe").accepted()).isEqualTo(3);
    }

    @Test
    void slow_headers_and_slow_bodies_get_408_and_the_connection_closed() throws Exception {
        receiver = Receiver.start(config(), new Http1Server.Limits(64, 200, 400, 60_000, 5_000, 16 * 1024, 64 * 1024, 30_000));
        Socket slowHeaders = connect();
        slowHeaders.getOutputStream().write("POST /stripe HTTP/1.1\r\nHost: x\r\n".getBytes());
        Socket slowBody = connect();
        slowBody.getOutputStream().write("POST /stripe HTTP/1.1\r\nContent-Length: 100\r\n\r\n{".getBytes());
        for (Socket s : List.of(slowHeaders, slowBody)) {
            String a = answer(s.getInputStream());
            assertThat(a).startsWith("HTTP/1.1 408 ").contains("Connection: close").contains("request_timeout");
            assertThat(s.getInputStream().read()).isEqualTo(-1);
        }
        assertThat(receiver.status().get("stripe").accepted()).isZero();
    }

    @Test
    void an_answer_not_ready_in_time_is_the_handlers_timeout_answer_and_its_late_answer_is_dropped() throws Exception {
        List<CompletableFuture<Http1Server.Response>> pending = new java.util.concurrent.CopyOnWriteArrayList<>();
        Http1Server.Handler stuck = new Http1Server.Handler() {
            @Override
            public CompletableFuture<Http1Server.Response> handle(Inbound request) {
                if (request.path().equals("/now")) {
                    return CompletableFuture.completedFuture(Http1Server.Response.json(200, "{\"now\":true}"));
                }
                CompletableFuture<Http1Server.Response> never = new CompletableFuture<>();
                pending.add(never);
                return never;
            }

            @Override
            public CompletableFuture<Http1Server.Response> tooLarge(Inbound request) {
                return handle(request);
            }

            @Override
            public Http1Server.Response timedOut(Inbound request) {
                return Http1Server.Response.json(503, "{\"late\":\"" + request.path() + "\"}");
            }
        };
        try (Http1Server server = Http1Server.start("127.0.0.1", 0, new Http1Server.Limits(8, 60_000, 60_000, 60_000,
            5_000, 16 * 1024, 64 * 1024, 300), stuck, Clock.systemUTC());
             Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            String first = exchange(s, "POST /slow HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}");
            assertThat(first).startsWith("HTTP/1.1 503 ").endsWith("{\"late\":\"/slow\"}");
            pending.get(0).complete(Http1Server.Response.json(200, "{\"too\":\"late\"}")); // dropped
            assertThat(exchange(s, "GET /now HTTP/1.1\r\nHost: x\r\n\r\n")).startsWith("HTTP/1.1 200 ")
                .endsWith("{\"now\":true}");
        }
    }

    /**
     * Deliveries are decided on the I/O thread and answered there once the log's writer has flushed: while the disk
     * has not confirmed, the delivery has no answer and the server still serves others; a failed flush is a 503.
     */
    @Test
    void no_answer_before_the_disk_confirms_and_a_failed_flush_is_a_503() throws Exception {
        EventLogTest.FailingChannel.Control disk = new EventLogTest.FailingChannel.Control();
        receiver = Receiver.start(config(), Http1Server.Limits.defaults(64 * 1024), disk::open);
        disk.forcing = new java.util.concurrent.CountDownLatch(1);
        Socket waiting = connect();
        waiting.getOutputStream().write(signedPost("/stripe", "").getBytes(StandardCharsets.UTF_8));
        disk.forcing.await();
        try (Socket other = connect()) {
            assertThat(exchange(other, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")).startsWith("HTTP/1.1 200 ");
        }
        assertThat(waiting.getInputStream().available()).as("an answer before the flush returned").isZero();
        assertThat(receiver.status().get("stripe").accepted()).isZero();
        disk.failForce = true;
        disk.forcing = null;
        disk.release.countDown();
        assertThat(answer(waiting.getInputStream())).startsWith("HTTP/1.1 503 ").contains("unavailable");
        disk.failForce = false;
        assertThat(exchange(waiting, signedPost("/stripe", ""))).startsWith("HTTP/1.1 200 ");
        assertThat(receiver.status().get("stripe").accepted()).isEqualTo(1);
        assertThat(Files.readString(receiver.logPath())).containsOnlyOnce("\"accepted\":true");
    }

    @Test
    void past_the_connection_bound_idle_and_stalled_connections_make_room_for_new_ones() throws Exception {
        receiver = Receiver.start(config(), new Http1Server.Limits(8, 60_000, 60_000, 60_000, 5_000, 16 * 1024,
            64 * 1024, 30_000));
        for (int i = 0; i < 30; i++) {
            Socket s = connect();
            if (i % 2 == 0) {
                s.getOutputStream().write("GET /st".getBytes());
            }
        }
        try (Socket good = new Socket("127.0.0.1", receiver.port())) {
            good.setSoTimeout(10_000);
            assertThat(exchange(good, signedPost("/stripe", ""))).startsWith("HTTP/1.1 200 ");
            assertThat(receiver.connections()).isLessThanOrEqualTo(8);
        }
    }

    @Test
    void keep_alive_pipelining_http_1_0_head_chunked_and_expect_continue() throws Exception {
        receiver = Receiver.start(config());
        Socket s = connect();
        // two requests in one write: two answers, in order, on one connection
        String both = exchange(s, signedPost("/stripe", "") + "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(both).startsWith("HTTP/1.1 200 ").doesNotContain("Connection: close");
        assertThat(answer(s.getInputStream())).startsWith("HTTP/1.1 200 ").endsWith("{\"ok\":true}");
        // HEAD: the headers of GET, no body
        s.getOutputStream().write("HEAD /status HTTP/1.1\r\nHost: x\r\n\r\n".getBytes());
        String head = answer(s.getInputStream(), true);
        assertThat(head).startsWith("HTTP/1.1 200 ").endsWith("\r\n\r\n");
        assertThat(exchange(s, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")).endsWith("{\"ok\":true}");

        // chunked, with Expect: 100-continue answered before the body is sent
        String body = ReceiverTest.event("charge.refunded");
        String sig = ReceiverTest.stripeHeader(SECRET, Instant.now().getEpochSecond(), body);
        OutputStream out = s.getOutputStream();
        out.write(("POST /stripe HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nExpect: 100-continue\r\n"
            + "Stripe-Signature: " + sig + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        assertThat(answer(s.getInputStream())).startsWith("HTTP/1.1 100 Continue");
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        int half = b.length / 2;
        out.write((Integer.toHexString(half) + ";ext=1\r\n").getBytes());
        out.write(b, 0, half);
        out.write(("\r\n" + Integer.toHexString(b.length - half) + "\r\n").getBytes());
        out.write(b, half, b.length - half);
        out.write("\r\n0\r\nX-Trailer: y\r\n\r\n".getBytes());
        assertThat(answer(s.getInputStream())).startsWith("HTTP/1.1 200 ");
        assertThat(receiver.status().get("stripe").lastType()).isEqualTo("charge.refunded");

        // HTTP/1.0 without keep-alive: answered, then closed
        Socket old = connect();
        assertThat(exchange(old, "GET /status HTTP/1.0\r\n\r\n")).startsWith("HTTP/1.1 200 ")
            .contains("Connection: close");
        assertThat(old.getInputStream().read()).isEqualTo(-1);
    }

    @Test
    void malformed_requests_get_4xx_and_a_closed_connection_never_a_hang() throws Exception {
        receiver = Receiver.start(config());
        String both = "POST /stripe HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\nabc";
        String[][] cases = {
            {both, "400"},
            {"POST /stripe HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd", "400"},
            {"POST /stripe HTTP/1.1\r\nContent-Length: -1\r\n\r\n", "400"},
            {"POST /stripe HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n", "501"},
            {"POST /stripe HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "400"},
            {"BREW /pot HTCPCP/1.0\r\n\r\n", "505"},
            {"hello\r\n\r\n", "400"},
            {"GET /status HTTP/1.1\r\n folded: header\r\n\r\n", "400"},
            {"GET /status HTTP/1.1\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n", "431"},
            {"POST /stripe HTTP/1.1\r\nContent-Length: 99999999\r\n\r\n", "413"},
        };
        for (String[] c : cases) {
            try (Socket s = new Socket("127.0.0.1", receiver.port())) {
                s.setSoTimeout(10_000);
                String a = exchange(s, c[0]);
                assertThat(a).as(c[0].substring(0, Math.min(60, c[0].length()))).startsWith("HTTP/1.1 " + c[1] + " ");
                JsonNode json = Json.parse(a.substring(a.indexOf("\r\n\r\n") + 4));
                assertThat(json.get("error").asText()).isNotBlank();
            }
        }
        // a chunked body past the limit is refused as it arrives
        try (Socket s = new Socket("127.0.0.1", receiver.port())) {
            s.setSoTimeout(10_000);
            String chunk = "x".repeat(40_000);
            String req = "POST /stripe HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(40_000)
                + "\r\n" + chunk + "\r\n" + Integer.toHexString(40_000) + "\r\n" + chunk + "\r\n0\r\n\r\n";
            assertThat(exchange(s, req)).startsWith("HTTP/1.1 413 ");
        }
        assertThat(receiver.status().get("stripe").rejected()).isEqualTo(2); // the two 413s on POST /stripe
    }
}
