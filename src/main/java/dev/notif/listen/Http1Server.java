package dev.notif.listen;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The receiver's HTTP/1.1 server: one selector thread reads, parses and writes every connection without blocking,
 * so a client that sends slowly, or not at all, costs a connection slot and a few kilobytes, never a thread. The
 * handler is called on that thread and must not block: it decides at once or hands the request to its own workers,
 * and the request is answered when its future completes (after the log's group commit), so no thread waits for the
 * disk either. A request whose answer is not ready within {@link Limits#answerMillis()} gets the handler's
 * {@code timedOut} answer.
 *
 * <p>Bounds: a request's headers must arrive within {@link Limits#headerMillis()} of its first byte and the whole
 * request within {@link Limits#requestMillis()} (408 and close otherwise); an idle keep-alive connection is closed
 * after {@link Limits#idleMillis()}; an answer the client does not read within {@link Limits#writeMillis()} is
 * dropped with the connection. At most {@link Limits#maxConnections()} connections are held: a new one past that
 * closes the longest-idle connection, else the one whose unfinished request started first, never one being answered.
 * Headers past {@link Limits#maxHeaderBytes()} get 431; bodies past {@link Limits#maxBodyBytes()} get the handler's
 * {@code tooLarge} answer. Content-Length and chunked bodies, {@code Expect: 100-continue}, keep-alive (HTTP/1.1
 * and 1.0), pipelining and HEAD are supported; a request with both Content-Length and Transfer-Encoding, or a
 * malformed one, gets 400 and the connection is closed.
 */
final class Http1Server implements AutoCloseable {

    /** The bounds on each connection and request. */
    record Limits(int maxConnections, long headerMillis, long requestMillis, long idleMillis, long writeMillis,
                  int maxHeaderBytes, int maxBodyBytes, long answerMillis) {
        static Limits defaults(int maxBodyBytes) {
            // answerMillis: the receiver's bound on a disk's flush (docs/receiver.md)
            return new Limits(1024, 10_000, 30_000, 60_000, 30_000, 16 * 1024, maxBodyBytes, 30_000);
        }
    }

    /** An answer: status, content type, body, and the Allow header for a 405. */
    record Response(int status, String contentType, byte[] body, String allow) {
        static Response json(int status, String body) {
            return new Response(status, "application/json", body.getBytes(StandardCharsets.UTF_8), null);
        }
    }

    /**
     * Decides on requests. Called on the server's I/O thread, so it must not block: it answers at once or returns a
     * future that another thread (a worker pool, the event log's writer) completes.
     */
    interface Handler {
        CompletableFuture<Response> handle(Inbound request);

        /** A request whose body is larger than allowed (its body left unread, {@code body} empty). */
        CompletableFuture<Response> tooLarge(Inbound request);

        /** The answer to a request whose future did not complete within {@link Limits#answerMillis()}. */
        Response timedOut(Inbound request);
    }

    private enum Phase { IDLE, HEADERS, BODY, CHUNKED, HANDLING, WRITING, DRAINING }

    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final long TICK_MILLIS = 250;
    private static final long DRAIN_MILLIS = 2000;

    private final Selector selector;
    private final ServerSocketChannel server;
    private final Limits limits;
    private final Handler handler;
    private final Clock clock;
    private final Thread loop;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final Set<Conn> conns = new LinkedHashSet<>(); // the loop thread's only
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean accepting = true;
    private volatile boolean running = true;

    private Http1Server(String host, int port, Limits limits, Handler handler, Clock clock) throws IOException {
        this.limits = limits;
        this.handler = handler;
        this.clock = clock;
        this.selector = Selector.open();
        this.server = ServerSocketChannel.open();
        try {
            server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            server.bind(new InetSocketAddress(host, port), 1024);
            server.configureBlocking(false);
            server.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException | RuntimeException e) {
            server.close();
            selector.close();
            throw e;
        }
        this.loop = new Thread(this::run, "notif-receiver-io");
        this.loop.setDaemon(true);
    }

    static Http1Server start(String host, int port, Limits limits, Handler handler, Clock clock) throws IOException {
        Http1Server s = new Http1Server(host, port, limits, handler, clock);
        s.loop.start();
        return s;
    }

    int port() {
        return server.socket().getLocalPort();
    }

    /** Stops accepting, lets requests being answered finish (up to {@code graceMillis}), then closes everything. */
    void stop(long graceMillis) {
        accepting = false;
        post(() -> {
            try {
                server.close();
            } catch (IOException e) {
                // closing anyway
            }
        });
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(graceMillis);
        while (System.nanoTime() < until && busy()) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        running = false;
        selector.wakeup();
        try {
            stopped.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop(1000);
    }

    private volatile int answering; // connections in HANDLING or WRITING

    private boolean busy() {
        return answering > 0;
    }

    /** Runs {@code task} on the I/O thread (an executor for work that must happen there, such as answering). */
    void post(Runnable task) {
        tasks.add(task);
        selector.wakeup();
    }

    // ------------------------------------------------------------------------------------------------ the loop

    private void run() {
        long nextTick = System.nanoTime();
        try {
            while (running) {
                selector.select(TICK_MILLIS);
                for (Runnable t = tasks.poll(); t != null; t = tasks.poll()) {
                    t.run();
                }
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    if (!key.isValid()) {
                        continue;
                    }
                    if (key.isAcceptable()) {
                        accept();
                    } else {
                        Conn c = (Conn) key.attachment();
                        try {
                            if (key.isValid() && key.isWritable()) {
                                c.flush();
                            }
                            if (key.isValid() && key.isReadable()) {
                                c.read();
                            }
                        } catch (RuntimeException e) {
                            c.close(); // a defect on one connection never stops the server
                        }
                    }
                }
                long now = System.nanoTime();
                if (now - nextTick >= 0) {
                    sweep(now);
                    nextTick = now + TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS);
                }
            }
        } catch (IOException | ClosedSelectorException e) {
            // the selector failed or was closed: stop serving
        } finally {
            for (Conn c : new ArrayList<>(conns)) {
                c.close();
            }
            try {
                server.close();
                selector.close();
            } catch (IOException e) {
                // closing anyway
            }
            stopped.countDown();
        }
    }

    private void accept() {
        while (accepting) {
            SocketChannel ch;
            try {
                ch = server.accept();
            } catch (IOException e) {
                return; // out of file descriptors or similar: retried at the next select
            }
            if (ch == null) {
                return;
            }
            if (conns.size() >= limits.maxConnections() && !evict()) {
                closeQuietly(ch);
                continue;
            }
            try {
                ch.configureBlocking(false);
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                Conn c = new Conn(ch);
                c.key = ch.register(selector, SelectionKey.OP_READ, c);
                conns.add(c);
            } catch (IOException e) {
                closeQuietly(ch);
            }
        }
    }

    /** Frees a slot for a new connection: the longest-idle one, else the oldest unfinished request. */
    private boolean evict() {
        Conn idle = null;
        Conn partial = null;
        for (Conn c : conns) {
            if ((c.phase == Phase.IDLE || c.phase == Phase.DRAINING) && (idle == null || c.since < idle.since)) {
                idle = c;
            } else if ((c.phase == Phase.HEADERS || c.phase == Phase.BODY || c.phase == Phase.CHUNKED)
                && (partial == null || c.since < partial.since)) {
                partial = c;
            }
        }
        Conn victim = idle != null ? idle : partial;
        if (victim == null) {
            return false;
        }
        victim.close();
        return true;
    }

    private void sweep(long now) {
        for (Conn c : new ArrayList<>(conns)) {
            long age = TimeUnit.NANOSECONDS.toMillis(now - c.since);
            switch (c.phase) {
                case IDLE -> {
                    if (age > limits.idleMillis() || !accepting) {
                        c.close();
                    }
                }
                case HEADERS -> {
                    if (age > limits.headerMillis()) {
                        c.fail(408, "request_timeout", "the request's headers did not arrive within "
                            + limits.headerMillis() / 1000 + " s");
                    }
                }
                case BODY, CHUNKED -> {
                    if (age > limits.requestMillis()) {
                        c.fail(408, "request_timeout", "the request's body did not arrive within "
                            + limits.requestMillis() / 1000 + " s");
                    }
                }
                case WRITING -> {
                    if (age > limits.writeMillis()) {
                        c.close();
                    }
                }
                case DRAINING -> {
                    if (age > DRAIN_MILLIS) {
                        c.close();
                    }
                }
                case HANDLING -> {
                    if (age > limits.answerMillis() && c.request != null) {
                        c.respond(c.request, handler.timedOut(c.request)); // its late answer is then dropped
                    }
                }
            }
        }
    }

    private static void closeQuietly(SocketChannel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            // gone already
        }
    }

    // ------------------------------------------------------------------------------------------------ connections

    /** One client connection and the request being read from it. */
    private final class Conn {
        final SocketChannel ch;
        SelectionKey key;
        ByteBuffer in = ByteBuffer.allocate(4096); // write mode: bytes read and not yet parsed are [0, position)
        Phase phase = Phase.IDLE;
        long since = System.nanoTime(); // start of the current phase's clock: idle since / request started / writing since
        int scanned; // how far the header terminator search got
        boolean closed;
        // the request being read
        String method;
        String target;
        boolean http10;
        boolean keepAlive;
        Map<String, String> headers;
        byte[] body;
        int bodyLength;
        long chunkLeft = -1; // bytes of the current chunk still to read; -1: a size line is next
        boolean chunkTrailers;
        Inbound request; // the request being answered (HANDLING)
        // the answer being written
        ByteBuffer out;
        boolean closeAfterWrite;

        Conn(SocketChannel ch) {
            this.ch = ch;
        }

        void read() {
            if (phase == Phase.DRAINING) {
                drain();
                return;
            }
            int n;
            try {
                if (!in.hasRemaining()) {
                    grow();
                }
                n = ch.read(in);
            } catch (IOException e) {
                close();
                return;
            }
            if (n < 0) {
                close(); // the client closed; a request not yet answered was never acknowledged
                return;
            }
            if (n > 0 && phase == Phase.IDLE) {
                phase = Phase.HEADERS;
                since = System.nanoTime();
            }
            process();
        }

        private void grow() {
            int cap = in.capacity() * 2;
            ByteBuffer bigger = ByteBuffer.allocate(cap);
            in.flip();
            bigger.put(in);
            in = bigger;
        }

        /** Parses what has arrived as far as it goes; dispatches a complete request. */
        void process() {
            while (!closed && (phase == Phase.IDLE || phase == Phase.HEADERS || phase == Phase.BODY
                || phase == Phase.CHUNKED) && in.position() > 0) {
                if (phase == Phase.IDLE) {
                    phase = Phase.HEADERS; // pipelined bytes of the next request
                    since = System.nanoTime();
                }
                boolean progress = switch (phase) {
                    case HEADERS -> headers();
                    case BODY -> body();
                    case CHUNKED -> chunked();
                    default -> false;
                };
                if (!progress) {
                    break;
                }
            }
            if (!closed && phase == Phase.HEADERS && in.position() > limits.maxHeaderBytes()) {
                fail(431, "headers_too_large", "the request's headers are larger than " + limits.maxHeaderBytes()
                    + " bytes");
            }
        }

        private boolean headers() {
            byte[] a = in.array();
            if (scanned == 0 && (a[0] == '\r' || a[0] == '\n')) { // empty lines before a request line are ignored
                int n = 0;
                while (n < in.position() && (a[n] == '\r' || a[n] == '\n')) {
                    n++;
                }
                consume(n);
                return in.position() > 0;
            }
            int end = -1;
            int skip = 0;
            for (int i = Math.max(0, scanned - 3); i < in.position(); i++) {
                if (a[i] == '\n') {
                    if (i >= 1 && a[i - 1] == '\n') {
                        end = i - 1;
                        skip = 1;
                        break;
                    }
                    if (i >= 3 && a[i - 1] == '\r' && a[i - 2] == '\n' && a[i - 3] == '\r') {
                        end = i - 3;
                        skip = 4;
                        break;
                    }
                }
            }
            if (end < 0) {
                scanned = in.position();
                return false;
            }
            if (end > limits.maxHeaderBytes()) {
                fail(431, "headers_too_large", "the request's headers are larger than " + limits.maxHeaderBytes()
                    + " bytes");
                return false;
            }
            String head = new String(a, 0, end, StandardCharsets.ISO_8859_1);
            consume(end + skip);
            scanned = 0;
            return parseHead(head);
        }

        /** Drops the first {@code n} bytes of the input buffer. */
        private void consume(int n) {
            in.flip();
            in.position(n);
            in.compact();
        }

        private boolean parseHead(String head) {
            List<String> lines = lines(head);
            String[] start = lines.get(0).split(" ", -1);
            if (start.length != 3 || !token(start[0]) || start[1].isEmpty()) {
                fail(400, "malformed", "not an HTTP request line");
                return false;
            }
            if (!start[2].equals("HTTP/1.1") && !start[2].equals("HTTP/1.0")) {
                fail(505, "malformed", "HTTP/1.1 or HTTP/1.0 only");
                return false;
            }
            method = start[0];
            target = start[1];
            http10 = start[2].equals("HTTP/1.0");
            headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.size(); i++) {
                String line = lines.get(i);
                int colon = line.indexOf(':');
                if (colon <= 0 || line.charAt(0) == ' ' || line.charAt(0) == '\t'
                    || Character.isWhitespace(line.charAt(colon - 1))) {
                    fail(400, "malformed", "a malformed header line");
                    return false;
                }
                String name = line.substring(0, colon).toLowerCase(Locale.ROOT);
                String value = line.substring(colon + 1).strip();
                headers.merge(name, value, (x, y) -> x + "," + y);
            }
            String connection = headers.getOrDefault("connection", "").toLowerCase(Locale.ROOT);
            keepAlive = http10 ? connection.contains("keep-alive") : !connection.contains("close");
            String te = headers.get("transfer-encoding");
            String cl = headers.get("content-length");
            if (te != null && cl != null) {
                fail(400, "malformed", "both Content-Length and Transfer-Encoding");
                return false;
            }
            long length = 0;
            if (te != null) {
                if (!te.strip().equalsIgnoreCase("chunked")) {
                    fail(501, "malformed", "Transfer-Encoding " + te + " is not supported (chunked is)");
                    return false;
                }
                length = -1;
            } else if (cl != null) {
                String[] values = cl.split(",");
                for (String v : values) {
                    if (!digits(v.strip(), 18, 10) || !v.strip().equals(values[0].strip())) {
                        fail(400, "malformed", "a malformed Content-Length");
                        return false;
                    }
                }
                length = Long.parseLong(values[0].strip());
            }
            if (length > limits.maxBodyBytes()) {
                tooLarge();
                return false;
            }
            if (length != 0 && !http10 && "100-continue".equalsIgnoreCase(headers.get("expect"))) {
                try {
                    ch.write(ByteBuffer.wrap(CONTINUE)); // 25 bytes on a fresh connection: the socket takes them
                } catch (IOException e) {
                    close();
                    return false;
                }
            }
            bodyLength = 0;
            if (length < 0) {
                body = new byte[1024];
                chunkLeft = -1;
                chunkTrailers = false;
                phase = Phase.CHUNKED;
            } else {
                body = new byte[(int) length];
                phase = Phase.BODY;
                if (length == 0) {
                    dispatch();
                }
            }
            return true;
        }

        private boolean body() {
            int take = Math.min(body.length - bodyLength, in.position());
            in.flip();
            in.get(body, bodyLength, take);
            in.compact();
            bodyLength += take;
            if (bodyLength == body.length) {
                dispatch();
            }
            return take > 0;
        }

        private boolean chunked() {
            byte[] a = in.array();
            if (chunkLeft > 0) {
                int take = (int) Math.min(chunkLeft, in.position());
                if (bodyLength + take > limits.maxBodyBytes()) {
                    tooLarge();
                    return false;
                }
                ensure(bodyLength + take);
                System.arraycopy(a, 0, body, bodyLength, take);
                bodyLength += take;
                chunkLeft -= take;
                consume(take);
                if (chunkLeft == 0) {
                    chunkLeft = -2; // the CRLF after the data is next
                }
                return take > 0;
            }
            int nl = -1;
            for (int i = 0; i < in.position(); i++) {
                if (a[i] == '\n') {
                    nl = i;
                    break;
                }
            }
            if (nl < 0) {
                if (in.position() > 4096) {
                    fail(400, "malformed", "a malformed chunked body");
                }
                return false;
            }
            String line = new String(a, 0, nl, StandardCharsets.ISO_8859_1).strip();
            consume(nl + 1);
            if (chunkTrailers) {
                if (line.isEmpty()) {
                    byte[] exact = new byte[bodyLength];
                    System.arraycopy(body, 0, exact, 0, bodyLength);
                    body = exact;
                    dispatch();
                }
                return true; // trailer fields are read and ignored
            }
            if (chunkLeft == -2) {
                if (!line.isEmpty()) {
                    fail(400, "malformed", "a malformed chunked body");
                    return false;
                }
                chunkLeft = -1;
                return true;
            }
            int semi = line.indexOf(';');
            String size = semi < 0 ? line : line.substring(0, semi).strip();
            if (!digits(size, 8, 16)) {
                fail(400, "malformed", "a malformed chunk size");
                return false;
            }
            long n = Long.parseLong(size, 16);
            if (n == 0) {
                chunkTrailers = true;
            } else if (bodyLength + n > limits.maxBodyBytes()) {
                tooLarge();
                return false;
            } else {
                chunkLeft = n;
            }
            return true;
        }

        private void ensure(int size) {
            if (size > body.length) {
                byte[] bigger = new byte[Math.max(size, Math.min(limits.maxBodyBytes(), body.length * 2))];
                System.arraycopy(body, 0, bigger, 0, bodyLength);
                body = bigger;
            }
        }

        private Inbound inbound(byte[] bytes) {
            String path = target;
            int scheme = path.indexOf("://");
            if (scheme > 0 && !path.startsWith("/")) { // absolute-form, as a proxy sends it
                int slash = path.indexOf('/', scheme + 3);
                path = slash < 0 ? "/" : path.substring(slash);
            }
            int q = path.indexOf('?');
            String query = q < 0 ? null : path.substring(q + 1);
            path = q < 0 ? path : path.substring(0, q);
            return new Inbound(method, path, query, headers, bytes, clock.instant());
        }

        private void dispatch() {
            Inbound request = handling(inbound(body));
            body = null;
            answerWith(request, () -> handler.handle(request));
        }

        private void tooLarge() {
            keepAlive = false; // the body is left unread
            Inbound request = handling(inbound(new byte[0]));
            answerWith(request, () -> handler.tooLarge(request));
        }

        private Inbound handling(Inbound request) {
            phase = Phase.HANDLING;
            since = System.nanoTime();
            answering++;
            key.interestOps(0);
            this.request = request;
            return request;
        }

        private void answerWith(Inbound request, java.util.function.Supplier<CompletableFuture<Response>> call) {
            CompletableFuture<Response> answer;
            try {
                answer = call.get();
            } catch (RuntimeException | StackOverflowError e) { // never the I/O thread's end
                answer = CompletableFuture.completedFuture(Response.json(503, Answer.errorBody("unavailable",
                    "the request could not be handled; retry later")));
            }
            if (answer.isDone()) {
                answered(request, answer.isCompletedExceptionally() ? null : answer.join()); // decided at once
            } else {
                answer.whenComplete((r, e) -> {
                    if (Thread.currentThread() == loop) {
                        answered(request, r);
                    } else {
                        post(() -> answered(request, r));
                    }
                });
            }
        }

        private void answered(Inbound request, Response r) {
            if (this.request == request) { // not answered already (timed out)
                respond(request, r != null ? r : Response.json(503,
                    Answer.errorBody("unavailable", "the request could not be handled; retry later")));
            }
        }

        /** Writes an answer the server itself makes (bad or slow requests) and closes the connection after it. */
        void fail(int status, String error, String message) {
            if (phase == Phase.HANDLING || phase == Phase.WRITING) {
                return;
            }
            keepAlive = false;
            answering++;
            phase = Phase.HANDLING;
            respond(null, Response.json(status, Answer.errorBody(error, message)));
        }

        void respond(Inbound request, Response r) {
            this.request = null;
            if (closed) {
                answering--;
                return;
            }
            boolean head = request != null && request.method().equals("HEAD");
            boolean close = !keepAlive || !accepting;
            StringBuilder h = new StringBuilder(160);
            h.append("HTTP/1.1 ").append(r.status()).append(' ').append(reason(r.status())).append("\r\n");
            if (r.contentType() != null) {
                h.append("Content-Type: ").append(r.contentType()).append("\r\n");
            }
            if (r.allow() != null) {
                h.append("Allow: ").append(r.allow()).append("\r\n");
            }
            h.append("Content-Length: ").append(r.body().length).append("\r\n");
            if (close) {
                h.append("Connection: close\r\n");
            } else if (http10) {
                h.append("Connection: keep-alive\r\n");
            }
            h.append("\r\n");
            byte[] headBytes = h.toString().getBytes(StandardCharsets.ISO_8859_1);
            out = ByteBuffer.allocate(headBytes.length + (head ? 0 : r.body().length));
            out.put(headBytes);
            if (!head) {
                out.put(r.body());
            }
            out.flip();
            closeAfterWrite = close;
            phase = Phase.WRITING;
            since = System.nanoTime();
            flush();
        }

        void flush() {
            try {
                while (out.hasRemaining()) {
                    if (ch.write(out) == 0) {
                        key.interestOps(SelectionKey.OP_WRITE);
                        return;
                    }
                }
            } catch (IOException e) {
                close();
                return;
            }
            out = null;
            answering--;
            if (closeAfterWrite) {
                linger();
                return;
            }
            phase = Phase.IDLE;
            since = System.nanoTime();
            headers = null;
            key.interestOps(SelectionKey.OP_READ);
            process(); // a pipelined request may be waiting
        }

        /**
         * Closes our side and reads what the client still sends for a moment before closing: closing with unread
         * bytes would reset the connection and could destroy the answer before the client reads it.
         */
        private void linger() {
            try {
                ch.shutdownOutput();
            } catch (IOException e) {
                close();
                return;
            }
            phase = Phase.DRAINING;
            since = System.nanoTime();
            in.clear();
            key.interestOps(SelectionKey.OP_READ);
        }

        private void drain() {
            try {
                int n;
                do {
                    in.clear();
                    n = ch.read(in);
                } while (n > 0);
                if (n < 0) {
                    close();
                }
            } catch (IOException e) {
                close();
            }
        }

        void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (phase == Phase.WRITING) {
                answering--;
            }
            conns.remove(this);
            key.cancel();
            closeQuietly(ch);
        }
    }

    static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 413 -> "Content Too Large";
            case 431 -> "Request Header Fields Too Large";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 505 -> "HTTP Version Not Supported";
            default -> "Status";
        };
    }

    /** Connections currently held (for tests). */
    int connections() throws InterruptedException {
        CompletableFuture<Integer> n = new CompletableFuture<>();
        post(() -> n.complete(conns.size()));
        try {
            return n.get(5, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return -1;
        }
    }

    private static List<String> lines(String head) {
        List<String> lines = new ArrayList<>();
        int from = 0;
        while (true) {
            int nl = head.indexOf('\n', from);
            String line = nl < 0 ? head.substring(from) : head.substring(from, nl);
            lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
            if (nl < 0) {
                return lines;
            }
            from = nl + 1;
        }
    }

    private static boolean token(String method) {
        if (method.isEmpty() || method.length() > 16) {
            return false;
        }
        for (int i = 0; i < method.length(); i++) {
            if (method.charAt(i) < 'A' || method.charAt(i) > 'Z') {
                return false;
            }
        }
        return true;
    }

    private static boolean digits(String s, int max, int radix) {
        if (s.isEmpty() || s.length() > max) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), radix) < 0) {
                return false;
            }
        }
        return true;
    }
}
