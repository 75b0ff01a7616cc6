package dev.notif.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.net.ssl.SSLServerSocketFactory;

/**
 * A loopback HTTP/1.x server on a raw socket, speaking the way quick receivers and small servers do rather than the
 * way a test library does: {@link Mode#HTTP10_CLOSE} answers {@code HTTP/1.0} and closes the connection after each
 * answer without a {@code Connection: close} header (Python's {@code http.server}); {@link Mode#HTTP11_CLOSE}
 * answers {@code HTTP/1.1} and closes all the same (a hand-written Node {@code net} server, some proxies);
 * {@link Mode#HTTP11_KEEP_ALIVE} keeps the connection for the next request. Optionally over TLS. Every request is
 * recorded with the connection it came on.
 */
public final class HttpPeer implements AutoCloseable {

    public enum Mode { HTTP10_CLOSE, HTTP11_CLOSE, HTTP11_KEEP_ALIVE }

    /** A request as the server read it: header names lower case, the body's exact bytes. */
    public record Request(String method, String target, Map<String, String> headers, byte[] body, int connection) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String path() {
            int q = target.indexOf('?');
            return q < 0 ? target : target.substring(0, q);
        }
    }

    /** An answer; {@code null} from a handler closes the connection without one (a crash, a dropped request). */
    public record Answer(int status, String contentType, byte[] body, Map<String, String> headers) {
        public static Answer of(int status, String contentType, String body) {
            return new Answer(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
        }

        public static Answer json(int status, String body) {
            return of(status, "application/json", body);
        }

        public static Answer text(int status, String body) {
            return of(status, "text/plain; charset=utf-8", body);
        }

        public Answer header(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Answer(status, contentType, body, h);
        }
    }

    private final ServerSocket server;
    private final Mode mode;
    private volatile Function<Request, Answer> handler;
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger connections = new AtomicInteger();
    private int closed;
    private final List<Socket> open = Collections.synchronizedList(new ArrayList<>());
    private final Thread acceptor;

    private HttpPeer(ServerSocket server, Mode mode, Function<Request, Answer> handler) {
        this.server = server;
        this.mode = mode;
        this.handler = handler;
        this.acceptor = new Thread(this::accept, "http-peer-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static HttpPeer start(Mode mode, Function<Request, Answer> handler) throws IOException {
        return new HttpPeer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), mode, handler);
    }

    /** The same over TLS, with the server certificate of {@code tls}. */
    public static HttpPeer startTls(Mode mode, SSLServerSocketFactory tls, Function<Request, Answer> handler)
        throws IOException {
        return new HttpPeer(tls.createServerSocket(0, 50, InetAddress.getLoopbackAddress()), mode, handler);
    }

    public void handler(Function<Request, Answer> h) {
        handler = h;
    }

    public int port() {
        return server.getLocalPort();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** How many connections the server accepted. */
    public int connections() {
        return connections.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                int n = connections.incrementAndGet();
                open.add(s);
                Thread t = new Thread(() -> serve(s, n), "http-peer-conn-" + n);
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s, int connection) {
        try (s) {
            s.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            while (true) {
                Request request = read(in, connection);
                if (request == null) {
                    return;
                }
                requests.add(request);
                Answer answer;
                try {
                    answer = handler.apply(request);
                } catch (RuntimeException e) { // as a framework answers an exception the handler let escape
                    answer = Answer.text(500, "Internal Server Error");
                }
                if (answer == null) {
                    return; // closes without an answer
                }
                write(out, answer);
                if (mode != Mode.HTTP11_KEEP_ALIVE) {
                    s.shutdownOutput(); // as socketserver's shutdown_request does, then close
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away
        } finally {
            open.remove(s);
            synchronized (this) {
                closed++;
                notifyAll();
            }
        }
    }

    /** Waits until the server has closed {@code n} connections (for a test to go on once a close happened). */
    public synchronized void awaitClosed(int n) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (closed < n) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                throw new AssertionError("the server closed " + closed + " connections, not " + n);
            }
            wait(left);
        }
    }

    private void write(OutputStream out, Answer a) throws IOException {
        StringBuilder head = new StringBuilder();
        head.append(mode == Mode.HTTP10_CLOSE ? "HTTP/1.0 " : "HTTP/1.1 ").append(a.status()).append(' ')
            .append(reason(a.status())).append("\r\n");
        if (mode == Mode.HTTP10_CLOSE) {
            head.append("Server: BaseHTTP/0.6 Python/3.11.2\r\n");
        }
        if (a.headers().keySet().stream().noneMatch(k -> k.equalsIgnoreCase("Date"))) {
            head.append("Date: ").append(java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC))).append("\r\n");
        }
        if (a.contentType() != null) {
            head.append("Content-Type: ").append(a.contentType()).append("\r\n");
        }
        a.headers().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        head.append("Content-Length: ").append(a.body().length).append("\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(a.body());
        out.flush();
    }

    static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 204 -> "No Content";
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 415 -> "Unsupported Media Type";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }

    /** Reads one request (Content-Length or chunked body); null at the end of the stream. */
    static Request read(InputStream in, int connection) throws IOException {
        String line = line(in);
        while (line != null && line.isEmpty()) {
            line = line(in);
        }
        if (line == null) {
            return null;
        }
        String[] parts = line.split(" ", 3);
        if (parts.length < 2) {
            throw new IOException("bad request line: " + line);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
            int colon = h.indexOf(':');
            if (colon > 0) {
                headers.merge(h.substring(0, colon).strip().toLowerCase(Locale.ROOT), h.substring(colon + 1).strip(),
                    (x, y) -> x + ", " + y);
            }
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line(in).split(";")[0].strip(), 16); size > 0;
                 size = Integer.parseInt(line(in).split(";")[0].strip(), 16)) {
                b.write(in.readNBytes(size));
                line(in);
            }
            line(in);
            body = b.toByteArray();
        } else {
            int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            body = in.readNBytes(length);
        }
        return new Request(parts[0], parts[1], headers, body, connection);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c = in.read(); c != -1; c = in.read()) {
            if (c == '\n') {
                String s = b.toString(StandardCharsets.ISO_8859_1);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        server.close();
        synchronized (open) {
            for (Socket s : open) {
                s.close();
            }
        }
    }
}
