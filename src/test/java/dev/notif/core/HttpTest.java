package dev.notif.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notif.testing.HttpPeer;
import dev.notif.testing.HttpPeer.Answer;
import dev.notif.testing.HttpPeer.Mode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.Connection;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * Every client of {@link Http} behaves the same against servers that close after each answer (HTTP/1.0 as Python's
 * http.server, HTTP/1.1 without saying so), keep connections alive (HTTP/1.1) or multiplex (HTTP/2): no request fails
 * because a kept connection was closed, and none is sent twice.
 */
class HttpTest {
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    static final RetryPolicy NO_BACKOFF = new RetryPolicy(4, Duration.ofMillis(1), Duration.ofMillis(2));

    enum Client {
        PROBE, API;

        OkHttpClient make() {
            return this == PROBE ? Http.client(TIMEOUT) : Http.apiClient(TIMEOUT, NO_BACKOFF);
        }
    }

    /** A POST without an idempotency key: nothing may resend it once a byte of it went out. */
    static Response post(OkHttpClient client, String url, int n) throws IOException {
        return client.newCall(new Request.Builder().url(url)
            .post(RequestBody.create("{\"n\":" + n + "}", MediaType.get("application/json"))).build()).execute();
    }

    static List<Integer> postThree(OkHttpClient client, String url) throws IOException {
        List<Integer> statuses = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            try (Response r = post(client, url, n)) {
                statuses.add(r.code());
                assertThat(r.body().string()).isEqualTo("{\"ok\":" + n + "}");
            }
        }
        return statuses;
    }

    static HttpPeer peer(Mode mode) throws IOException {
        return HttpPeer.start(mode, r -> Answer.json(200, r.bodyText().replace("\"n\"", "\"ok\"")));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void probes_get_every_answer_each_on_its_own_connection(Mode mode) throws Exception {
        try (HttpPeer server = peer(mode)) {
            assertThat(postThree(Client.PROBE.make(), server.url("/hook"))).containsExactly(200, 200, 200);
            assertThat(server.requests()).hasSize(3);
            assertThat(server.connections()).isEqualTo(3);
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void api_clients_get_every_answer_and_reuse_only_what_the_server_keeps(Mode mode) throws Exception {
        try (HttpPeer server = peer(mode)) {
            OkHttpClient client = Client.API.make();
            for (int n = 1; n <= 3; n++) {
                try (Response r = post(client, server.url("/v1/things"), n)) {
                    assertThat(r.code()).isEqualTo(200);
                    r.body().string();
                }
                if (mode != Mode.HTTP11_KEEP_ALIVE) {
                    server.awaitClosed(n); // the server has closed the connection it answered on: a kept one is stale
                }
            }
            assertThat(server.requests()).extracting(HttpPeer.Request::bodyText)
                .containsExactly("{\"n\":1}", "{\"n\":2}", "{\"n\":3}");
            assertThat(server.connections()).isEqualTo(mode == Mode.HTTP11_KEEP_ALIVE ? 1 : 3);
        }
    }

    @Test
    void api_clients_keep_a_connection_for_each_of_a_fleet_runs_concurrent_calls() throws Exception {
        // a run over notif.toml may check 16 stores of a provider at a time: keeping fewer connections than that would
        // open new ones (against a provider, a TLS handshake each) round after round
        int concurrent = 16;
        CyclicBarrier together = new CyclicBarrier(concurrent); // the server answers a round once all of it is in
        try (HttpPeer server = HttpPeer.start(Mode.HTTP11_KEEP_ALIVE, r -> {
            try {
                together.await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                return Answer.json(500, "{}");
            }
            return Answer.json(200, "{}");
        })) {
            OkHttpClient client = Client.API.make();
            ExecutorService callers = Executors.newFixedThreadPool(concurrent);
            try {
                for (int round = 1; round <= 3; round++) {
                    List<Future<Integer>> calls = new ArrayList<>();
                    for (int n = 1; n <= concurrent; n++) {
                        int body = n;
                        calls.add(callers.submit(() -> {
                            try (Response r = post(client, server.url("/v1/things"), body)) {
                                r.body().string();
                                return r.code();
                            }
                        }));
                    }
                    for (Future<Integer> call : calls) {
                        assertThat(call.get(20, TimeUnit.SECONDS)).isEqualTo(200);
                    }
                }
            } finally {
                callers.shutdownNow();
            }
            assertThat(server.requests()).hasSize(3 * concurrent);
            assertThat(server.connections()).isEqualTo(concurrent);
        }
    }

    @Test
    void an_http10_answer_retires_its_connection_even_before_the_server_closes_it() throws Exception {
        // The server answers HTTP/1.0 (no keep-alive) and keeps the socket open until the client writes again: a
        // client that reuses it sends a request nobody reads (Python closes right after answering; this is the race
        // in which the close comes after the client's next write)
        List<Integer> lateBytes = new ArrayList<>();
        try (var server = new java.net.ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                for (int i = 0; i < 2; i++) {
                    try (var s = server.accept()) {
                        var in = s.getInputStream();
                        HttpPeerReader.readRequest(in);
                        s.getOutputStream().write(("HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n"
                            + "Content-Length: 2\r\n\r\n{}").getBytes(StandardCharsets.ISO_8859_1));
                        s.getOutputStream().flush();
                        int next = in.read(); // -1 when the client closed it; a byte when it wrote another request
                        synchronized (lateBytes) {
                            lateBytes.add(next);
                        }
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            t.setDaemon(true);
            t.start();
            OkHttpClient client = Client.API.make();
            String url = "http://127.0.0.1:" + server.getLocalPort() + "/v1/x";
            for (int n = 1; n <= 2; n++) {
                try (Response r = post(client, url, n)) {
                    assertThat(r.code()).isEqualTo(200);
                    r.body().string();
                }
            }
            client.connectionPool().evictAll();
            t.join(10_000);
            assertThat(lateBytes).containsExactly(-1, -1);
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void the_same_over_tls(Mode mode) throws Exception {
        HeldCertificate cert = new HeldCertificate.Builder().addSubjectAlternativeName("localhost").build();
        HandshakeCertificates serverCerts = new HandshakeCertificates.Builder().heldCertificate(cert).build();
        HandshakeCertificates clientCerts = new HandshakeCertificates.Builder().addTrustedCertificate(cert.certificate())
            .build();
        try (HttpPeer server = HttpPeer.startTls(mode, serverCerts.sslContext().getServerSocketFactory(),
            r -> Answer.json(200, r.bodyText().replace("\"n\"", "\"ok\"")))) {
            OkHttpClient client = Client.API.make().newBuilder()
                .sslSocketFactory(clientCerts.sslSocketFactory(), clientCerts.trustManager()).build();
            for (int n = 1; n <= 3; n++) {
                try (Response r = post(client, "https://localhost:" + server.port() + "/x", n)) {
                    assertThat(r.body().string()).isEqualTo("{\"ok\":" + n + "}");
                }
                if (mode != Mode.HTTP11_KEEP_ALIVE) {
                    server.awaitClosed(n);
                }
            }
            assertThat(server.requests()).hasSize(3);
            assertThat(server.connections()).isEqualTo(mode == Mode.HTTP11_KEEP_ALIVE ? 1 : 3);
            assertThat(postThree(Client.PROBE.make().newBuilder()
                .sslSocketFactory(clientCerts.sslSocketFactory(), clientCerts.trustManager()).build(),
                "https://localhost:" + server.port() + "/x")).containsExactly(200, 200, 200);
        }
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void http2_servers_get_every_request_once(Client kind) throws Exception {
        HeldCertificate cert = new HeldCertificate.Builder().addSubjectAlternativeName("localhost").build();
        HandshakeCertificates serverCerts = new HandshakeCertificates.Builder().heldCertificate(cert).build();
        HandshakeCertificates clientCerts = new HandshakeCertificates.Builder().addTrustedCertificate(cert.certificate())
            .build();
        try (MockWebServer server = new MockWebServer()) {
            server.useHttps(serverCerts.sslSocketFactory(), false);
            server.setProtocols(List.of(Protocol.HTTP_2, Protocol.HTTP_1_1));
            for (int n = 1; n <= 4; n++) {
                server.enqueue(new MockResponse().setBody("{\"ok\":" + n + "}"));
            }
            server.start();
            OkHttpClient client = kind.make().newBuilder()
                .sslSocketFactory(clientCerts.sslSocketFactory(), clientCerts.trustManager()).build();
            String url = "https://localhost:" + server.getPort() + "/hook";
            assertThat(postThree(client, url)).containsExactly(200, 200, 200);
            assertThat(server.getRequestCount()).isEqualTo(3);
            try (Response r = post(client, url, 4)) {
                assertThat(r.protocol()).isEqualTo(Protocol.HTTP_2);
            }
        }
    }

    @Test
    void a_server_that_drops_a_request_it_read_is_not_sent_it_again() throws Exception {
        // nothing may be resent once it was written: the server read it, then closed without an answer
        try (HttpPeer server = HttpPeer.start(Mode.HTTP11_KEEP_ALIVE, r -> r.bodyText().contains("2") ? null
            : Answer.json(200, r.bodyText().replace("\"n\"", "\"ok\"")))) {
            OkHttpClient client = Client.API.make();
            try (Response r = post(client, server.url("/x"), 1)) {
                r.body().string();
            }
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> post(client, server.url("/x"), 2))
                .isInstanceOf(IOException.class);
            assertThat(server.requests()).extracting(HttpPeer.Request::bodyText).containsExactly("{\"n\":1}",
                "{\"n\":2}");
        }
    }

    @Test
    void verbose_traces_every_exchange_with_secrets_masked() throws Exception {
        StringWriter err = new StringWriter();
        try (HttpPeer server = HttpPeer.start(Mode.HTTP10_CLOSE, r -> Answer.json(200,
            "{\"id\":\"we_1\",\"secret\":\"whsec_ReturnedSecret0123456789\",\"access_token\":\"ya29.a0AfB_byC\","
                + "\"url\":\"https://x\"}"))) {
            OkHttpClient client;
            try (Http.Scope s = Http.trace(new PrintWriter(err))) {
                client = Http.apiClient(TIMEOUT, NO_BACKOFF);
            }
            Request request = new Request.Builder().url(server.url("/v1/webhook_endpoints?token=Tok3nValue&limit=3"))
                .header("Authorization", "Bearer sk_test_51AbCdEfGhIjKlMnOp")
                .header("Stripe-Signature", "t=1700000000,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd,v0=abcdef")
                .post(RequestBody.create("url=https%3A%2F%2Fx&assertion=eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJ4In0.c2ln"
                    + "&enabled_events[]=charge.refunded", MediaType.get("application/x-www-form-urlencoded")))
                .build();
            try (Response r = client.newCall(request).execute()) {
                assertThat(r.body().string()).contains("whsec_ReturnedSecret0123456789"); // the caller gets it whole
            }
        }
        String trace = err.toString();
        assertThat(trace).contains("http: > POST http://127.0.0.1:", "/v1/webhook_endpoints?token=****&limit=3",
            "Authorization: Bearer ****", "Stripe-Signature: t=1700000000,v1=****,v0=****",
            "assertion=****", "enabled_events[]=charge.refunded", "http: < 200 OK in ", " ms (http/1.0)",
            "Content-Type: application/json", "\"id\":\"we_1\"", "\"access_token\":\"****\"", "\"url\":\"https://x\"");
        assertThat(trace).doesNotContain("sk_test_51AbCdEfGhIjKlMnOp", "ReturnedSecret0123456789", "ya29", "Tok3nValue",
            "5257a869", "eyJpc3MiOiJ4In0");
    }

    @Test
    void verbose_says_a_request_kept_from_a_closed_connection_went_out_on_a_fresh_one() throws Exception {
        // HTTP/1.1 without a word about closing, then closed: kept, and refused once the server has closed it
        StringWriter err = new StringWriter();
        try (HttpPeer server = peer(Mode.HTTP11_CLOSE)) {
            OkHttpClient client;
            try (Http.Scope s = Http.trace(new PrintWriter(err))) {
                client = Http.apiClient(TIMEOUT, NO_BACKOFF);
            }
            for (int n = 1; n <= 2; n++) {
                try (Response r = post(client, server.url("/x"), n)) {
                    r.body().string();
                }
                server.awaitClosed(n);
            }
        }
        assertThat(err.toString()).contains("http: < not sent: the server closed the kept connection; sending it on a"
            + " fresh connection").doesNotContain("no answer");
    }

    @Test
    void verbose_says_when_no_answer_came() throws Exception {
        StringWriter err = new StringWriter();
        int port;
        try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        OkHttpClient client;
        try (Http.Scope s = Http.trace(new PrintWriter(err))) {
            client = Http.client(TIMEOUT);
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> post(client, "http://127.0.0.1:" + port + "/x", 1))
            .isInstanceOf(IOException.class);
        assertThat(err.toString()).contains("http: > POST http://127.0.0.1:" + port + "/x", "http: < no answer after ",
            "ConnectException");
    }

    @Test
    void without_verbose_nothing_is_traced() throws Exception {
        try (HttpPeer server = peer(Mode.HTTP11_KEEP_ALIVE)) {
            assertThat(Http.client(TIMEOUT).interceptors()).noneMatch(i -> i instanceof HttpTrace);
            assertThat(postThree(Http.client(TIMEOUT), server.url("/x"))).hasSize(3);
        }
    }

    @Test
    void api_clients_count_the_attempts_made_not_the_policys_maximum() throws Exception {
        try (HttpPeer server = HttpPeer.start(Mode.HTTP11_KEEP_ALIVE, r -> Answer.json(503, "{}"))) {
            OkHttpClient client = Client.API.make();
            Request.Builder things = new Request.Builder().url(server.url("/v1/things"));
            Http.Attempts post = new Http.Attempts();
            try (Response r = client.newCall(things.tag(Http.Attempts.class, post)
                .post(RequestBody.create("{}", MediaType.get("application/json"))).build()).execute()) {
                assertThat(r.code()).isEqualTo(503);
            }
            assertThat(post.made()).isEqualTo(1); // a POST without an idempotency key is never resent
            Http.Attempts get = new Http.Attempts();
            try (Response r = client.newCall(things.tag(Http.Attempts.class, get).get().build()).execute()) {
                assertThat(r.code()).isEqualTo(503);
            }
            assertThat(get.made()).isEqualTo(NO_BACKOFF.maxAttempts());
            assertThat(server.requests()).hasSize(1 + NO_BACKOFF.maxAttempts());
        }
    }

    /**
     * A provider that rate-limits with 429s and closes the connection after each answer: as Python's http.server does
     * (HTTP/1.0, right after answering), or after saying it would keep it (HTTP/1.1), at the worst moment: once the
     * client has read the 429, before its retry. The retries of a 429 run out on 429s or end in the answer that
     * follows, never in a refused connection (a fleet run once ended in "could not be reached after 4 attempts: the
     * server said it would close the connection after its answer": the retry took the connection the 429 came on,
     * and that refusal ended the retries).
     */
    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"HTTP10_CLOSE", "HTTP11_KEEP_ALIVE"})
    void a_rate_limited_call_ends_in_an_answer_whatever_the_server_closes(Mode mode) throws Exception {
        try (ClosingServer server = new ClosingServer(mode, 8)) {
            try (Response r = server.get(4)) {
                assertThat(r.code()).isEqualTo(429); // the policy's 4 attempts, each answered 429
            }
            assertThat(server.requests()).isEqualTo(4);
        }
        try (ClosingServer server = new ClosingServer(mode, 3)) {
            try (Response r = server.get(4)) {
                assertThat(r.code()).isEqualTo(200);
                assertThat(r.body().string()).isEqualTo("{}");
            }
            assertThat(server.requests()).isEqualTo(4);
            assertThat(server.connections()).isEqualTo(4);
            // an HTTP/1.0 answer retires its connection: it is never taken again, so never refused; a connection the
            // server closed after saying it would keep it is refused before a byte is written, and a fresh one made
            assertThat(server.trace().split("not sent: ", -1)).hasSize(mode == Mode.HTTP10_CLOSE ? 1 : 4);
        }
    }

    /**
     * Answers 429 to its first {@code limited} requests, then 200, one per connection, and closes the connection after
     * answering: HTTP/1.0 right away; HTTP/1.1 (which says nothing of closing) once the client has read the 429
     * (the test's event listener asks for the close and waits for it).
     */
    static final class ClosingServer implements AutoCloseable {
        private final java.net.ServerSocket server = new java.net.ServerSocket(0, 50,
            java.net.InetAddress.getLoopbackAddress());
        private final Mode mode;
        private final int limited;
        private final java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
        private final java.util.concurrent.atomic.AtomicInteger connections = new java.util.concurrent.atomic.AtomicInteger();
        /** Per client port: released to have the server close that connection; then counted down once closed. */
        private final java.util.Map<Integer, java.util.concurrent.CountDownLatch[]> closing =
            new java.util.concurrent.ConcurrentHashMap<>();
        private final StringWriter trace = new StringWriter();

        ClosingServer(Mode mode, int limited) throws IOException {
            this.mode = mode;
            this.limited = limited;
            Thread t = new Thread(this::accept, "closing-server");
            t.setDaemon(true);
            t.start();
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    java.net.Socket s = server.accept();
                    connections.incrementAndGet();
                    var latches = latches(s.getPort());
                    Thread t = new Thread(() -> serve(s, latches), "closing-server-conn");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        }

        private java.util.concurrent.CountDownLatch[] latches(int clientPort) {
            return closing.computeIfAbsent(clientPort, p -> new java.util.concurrent.CountDownLatch[] {
                new java.util.concurrent.CountDownLatch(1), new java.util.concurrent.CountDownLatch(1)});
        }

        private void serve(java.net.Socket s, java.util.concurrent.CountDownLatch[] latches) {
            try (s) {
                HttpPeerReader.readRequest(s.getInputStream());
                int n = requests.incrementAndGet();
                String status = n <= limited ? "429 Too Many Requests" : "200 OK";
                String body = n <= limited ? "{\"error\":{\"message\":\"Too many requests\"}}" : "{}";
                s.getOutputStream().write(((mode == Mode.HTTP10_CLOSE ? "HTTP/1.0 " : "HTTP/1.1 ") + status
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                    .getBytes(StandardCharsets.ISO_8859_1));
                s.getOutputStream().flush();
                if (mode == Mode.HTTP11_KEEP_ALIVE) {
                    latches[0].await();
                }
            } catch (IOException | InterruptedException e) {
                // the client went away
            } finally {
                latches[1].countDown();
            }
        }

        /** A GET through an API client (traced) retrying up to {@code attempts} times, without backoff. */
        Response get(int attempts) throws IOException {
            OkHttpClient client;
            try (Http.Scope s = Http.trace(new PrintWriter(trace, true))) {
                client = Http.apiClient(TIMEOUT, new RetryPolicy(attempts, Duration.ofMillis(1), Duration.ofMillis(2)));
            }
            client = client.newBuilder().eventListener(new okhttp3.EventListener() {
                private int port;
                private int status;

                @Override
                public void connectionAcquired(okhttp3.Call call, Connection connection) {
                    port = connection.socket().getLocalPort();
                }

                @Override
                public void responseHeadersEnd(okhttp3.Call call, Response response) {
                    status = response.code();
                }

                @Override
                public void responseBodyEnd(okhttp3.Call call, long bytes) {
                    if (mode == Mode.HTTP11_KEEP_ALIVE && status == 429) {
                        var latches = latches(port);
                        latches[0].countDown(); // close it now, after its answer was read, before the retry
                        try {
                            latches[1].await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }
            }).build();
            return client.newCall(new Request.Builder().url("http://127.0.0.1:" + server.getLocalPort() + "/v1/account")
                .build()).execute();
        }

        int requests() {
            return requests.get();
        }

        int connections() {
            return connections.get();
        }

        String trace() {
            return trace.toString();
        }

        @Override
        public void close() throws IOException {
            closing.values().forEach(l -> l[0].countDown());
            server.close();
        }
    }

    /** A bare request reader for the hand-written server above. */
    static final class HttpPeerReader {
        static void readRequest(java.io.InputStream in) throws IOException {
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int c = in.read();
                if (c < 0) {
                    throw new IOException("closed");
                }
                head.append((char) c);
            }
            String h = head.toString().toLowerCase();
            int i = h.indexOf("content-length:");
            int length = i < 0 ? 0 : Integer.parseInt(h.substring(i + 15, h.indexOf('\r', i)).strip());
            in.readNBytes(length);
        }
    }
}
