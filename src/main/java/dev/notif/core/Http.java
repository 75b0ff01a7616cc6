package dev.notif.core;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.EventListener;
import okhttp3.Handshake;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okhttp3.internal.connection.RealConnection;
import okhttp3.internal.http2.ConnectionShutdownException;

/**
 * The one HTTP client factory: every call has connect, read, write and whole-call timeouts, redirects are
 * never followed (stores do not follow them either), and provider API clients retry with backoff. TLS is set up
 * by the first https request, not before ({@link LazyTls}).
 *
 * <p>No request fails because a server closed a connection notif kept: probes ({@link #client}) open a fresh
 * connection for every request, as a store's delivery does; API clients reuse connections, but never one that the
 * server said it would close (an HTTP/1.0 answer without {@code Connection: keep-alive}, as Python's
 * {@code http.server} gives: retired once its answer is read) or that the server has closed since (checked before a
 * byte is written): such a request goes out on a fresh connection instead, whatever its method, since nothing of it
 * was sent, and that is not one of its retries. With {@code --verbose}
 * ({@link #trace}) every exchange is traced on stderr, secrets masked ({@link HttpTrace}).
 */
public final class Http {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");
    private static final Set<Integer> RETRYABLE_STATUS = Set.of(429, 500, 502, 503, 504);
    private static final InheritableThreadLocal<PrintWriter> TRACE = new InheritableThreadLocal<>();
    /**
     * Idle connections the API clients keep, all hosts together: one for each check a run over notif.toml has in
     * flight with four providers at 16 checks each (twice the default), so that the check's next request reuses it
     * rather than opening (and, against a provider, handshaking TLS on) a new one; probes keep none.
     */
    private static final int KEPT_CONNECTIONS = 64;
    private static OkHttpClient base;

    private Http() {
    }

    public static String userAgent() {
        return "notif/" + Version.get();
    }

    private static synchronized OkHttpClient base() {
        if (base == null) {
            base = new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(KEPT_CONNECTIONS, 30, java.util.concurrent.TimeUnit.SECONDS))
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .connectionSpecs(List.of(ConnectionSpec.CLEARTEXT))
                .eventListenerFactory(TlsHandshake.RECORDER)
                .build();
        }
        return base;
    }

    /**
     * Whether the TLS handshake of a request started and finished: tag a request with one
     * ({@code new Request.Builder().tag(TlsHandshake.class, h)}) and read it after the call. A call that timed out
     * between the two met a server that does not speak TLS on that port (a plain-HTTP server waits for a request line
     * that a TLS hello never completes) or a stalled TLS server; untagged requests record nothing.
     */
    public static final class TlsHandshake {
        static final EventListener.Factory RECORDER = call -> {
            TlsHandshake h = call.request().tag(TlsHandshake.class);
            return h == null ? EventListener.NONE : new EventListener() {
                @Override
                public void secureConnectStart(Call c) {
                    h.started = true;
                }

                @Override
                public void secureConnectEnd(Call c, Handshake handshake) {
                    h.finished = true;
                }
            };
        };
        private volatile boolean started;
        private volatile boolean finished;

        /** The handshake began on a connection and never completed. */
        public boolean unfinished() {
            return started && !finished;
        }
    }

    /**
     * Traces every HTTP exchange of the clients made from now on in this thread (and threads it starts) to
     * {@code err}, until the returned scope is closed; {@code null} traces nothing. The command runner opens it
     * around every command with {@code --verbose}.
     */
    public static Scope trace(PrintWriter err) {
        PrintWriter before = TRACE.get();
        TRACE.set(err);
        return () -> TRACE.set(before);
    }

    /** The scope of {@link #trace}. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    private static OkHttpClient.Builder traced(OkHttpClient.Builder b) {
        PrintWriter err = TRACE.get();
        return err == null ? b : b.addInterceptor(new HttpTrace(err));
    }

    /**
     * A client that sets TLS up (the trust store read and parsed, an SSLContext) only when a request is https:
     * plain-http requests run on this client, built for cleartext only; the first https request builds its TLS
     * twin, same settings, same connection pool, and every https request runs there. The TLS pieces are made once
     * per process. Loading the trust store costs a short command more than its own work, and most deliveries
     * notif sends in development go to http://127.0.0.1.
     */
    static final class LazyTls extends OkHttpClient {
        private static final List<ConnectionSpec> TLS_AND_CLEARTEXT =
            List.of(ConnectionSpec.MODERN_TLS, ConnectionSpec.CLEARTEXT); // okhttp's default
        private static SSLSocketFactory sslSocketFactory;
        private static X509TrustManager trustManager;
        private OkHttpClient tls;

        LazyTls(OkHttpClient.Builder builder) {
            super(builder.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT)));
        }

        @Override
        public Call newCall(Request request) {
            return request.isHttps() ? tls().newCall(request) : super.newCall(request);
        }

        @Override
        public WebSocket newWebSocket(Request request, WebSocketListener listener) {
            return request.isHttps() ? tls().newWebSocket(request, listener) : super.newWebSocket(request, listener);
        }

        /** A builder for clients that speak TLS too (they set it up when built): the settings of this one. */
        @Override
        public OkHttpClient.Builder newBuilder() {
            OkHttpClient.Builder b = super.newBuilder().connectionSpecs(TLS_AND_CLEARTEXT);
            synchronized (LazyTls.class) {
                if (sslSocketFactory != null) {
                    b.sslSocketFactory(sslSocketFactory, trustManager);
                }
            }
            return b;
        }

        synchronized boolean tlsReady() {
            return tls != null;
        }

        private synchronized OkHttpClient tls() {
            if (tls == null) {
                tls = newBuilder().build();
                synchronized (LazyTls.class) {
                    if (sslSocketFactory == null) {
                        sslSocketFactory = tls.sslSocketFactory();
                        trustManager = tls.x509TrustManager();
                    }
                }
            }
            return tls;
        }
    }

    /**
     * Marks a request whose method is not idempotent as safe to retry all the same: a read sent as POST, a write
     * made conditional by an etag, a PATCH that sets fields to fixed values. {@code builder.tag(SafeToRetry.class,
     * SafeToRetry.TAG)}.
     */
    public static final class SafeToRetry {
        public static final SafeToRetry TAG = new SafeToRetry();

        private SafeToRetry() {
        }
    }

    /**
     * Counts the attempts an {@link #apiClient} makes of a request tagged with one
     * ({@code builder.tag(Attempts.class, a)}), to read after the call, answered or failed: a failure reports the
     * attempts made, which are fewer than the policy's maximum when the request may not be retried, the server said
     * not to retry ({@code Stripe-Should-Retry: false}) or the failure is not transient (a name that does not
     * resolve). Zero: no attempt was counted (a client without retries counts none).
     */
    public static final class Attempts {
        private volatile int made;

        public int made() {
            return made;
        }
    }

    /**
     * A client for deliveries and probes: timeouts, no redirects, no retries (a probe reports what happened), and a
     * fresh HTTP/1.x connection for every request, so that every request is judged on its own answer whether the
     * server keeps connections alive or closes them after each answer (HTTP/1.0). HTTP/2 connections are shared:
     * okhttp reads them all the time and opens no stream on one the server has closed or is closing (GOAWAY).
     */
    public static OkHttpClient client(Duration timeout) {
        return new LazyTls(traced(timeouts(base().newBuilder(), timeout).addNetworkInterceptor(ConnectionGuard.PROBES)
            .addInterceptor(FreshConnectionRetry.INSTANCE)));
    }

    /**
     * A client for provider APIs: timeouts, connections reused (but never a closed one, see the class comment), and
     * retries with backoff on 429, 5xx and connection failures.
     */
    public static OkHttpClient apiClient(Duration timeout, RetryPolicy policy) {
        return new LazyTls(traced(timeouts(base().newBuilder(), timeout).addNetworkInterceptor(ConnectionGuard.API)
            .callTimeout(Duration.ZERO) // each attempt is bounded by the per-call timeouts; attempts are bounded too
            .addInterceptor(new RetryInterceptor(policy))
            // inside the retries: a request refused a kept connection was not sent, so it is not an attempt
            .addInterceptor(FreshConnectionRetry.INSTANCE)));
    }

    private static OkHttpClient.Builder timeouts(OkHttpClient.Builder b, Duration timeout) {
        // twice the timeout as a sum: Duration.multipliedBy initialises BigDecimal (about 25 ms of a short command's CPU
        // on Java 25, whose BigDecimal computes 5^65536 as it starts: setup stripe's only use of it)
        return b.connectTimeout(timeout).readTimeout(timeout).writeTimeout(timeout).callTimeout(timeout.plus(timeout));
    }

    /** A kept connection that must not carry another request; nothing of the request was written to it. */
    static final class StaleConnection extends IOException {
        StaleConnection(String why) {
            super(why);
        }
    }

    /**
     * Before a request is written to a kept HTTP/1.x connection: if the server said it would close it (an HTTP/1.0
     * answer without keep-alive, {@code Connection: close}) or has closed it since, the connection is closed and the
     * request fails with {@link StaleConnection} before a byte of it is written, for {@link FreshConnectionRetry} to
     * send on a fresh connection. {@link #PROBES} uses an HTTP/1.x connection for one request only. HTTP/2 connections need
     * none of this: okhttp reads them all the time and drops one as soon as the server closes it.
     */
    static final class ConnectionGuard implements Interceptor {
        static final ConnectionGuard API = new ConnectionGuard(true);
        static final ConnectionGuard PROBES = new ConnectionGuard(false);
        /** Sockets that carried a request (whichever client sent it): true when they may carry another. */
        private static final Map<Socket, Boolean> USED = Collections.synchronizedMap(new WeakHashMap<>());

        private final boolean reuse;

        private ConnectionGuard(boolean reuse) {
            this.reuse = reuse;
        }

        @Override
        public Response intercept(Chain chain) throws IOException {
            Connection connection = chain.connection();
            if (connection == null || connection.protocol() == Protocol.HTTP_2
                || connection.protocol() == Protocol.H2_PRIOR_KNOWLEDGE) {
                return chain.proceed(chain.request());
            }
            Socket socket = connection.socket();
            Boolean reusable = USED.get(socket);
            if (reusable != null && (!reusable || peerClosed(socket))) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing is all that is wanted
                }
                retire(connection); // else the call itself would take it again for the request's next try
                throw new StaleConnection(reusable ? "the server closed the kept connection"
                    : "the server said it would close the connection after its answer");
            }
            // a probe's connection carries one request: "Connection: close" tells the server, and okhttp closes it
            Request request = reuse ? chain.request() : chain.request().newBuilder().header("Connection", "close").build();
            Response response = chain.proceed(request);
            boolean keep = reuse && keepsAlive(response);
            USED.put(socket, keep);
            if (!keep) {
                retire(connection);
            }
            return response;
        }

        /**
         * Has okhttp take no more requests on the connection, close it once its answer is read and not pool it. okhttp
         * retires one only when a Connection header says close, not on an HTTP/1.0 answer without keep-alive: without
         * this, the next request would get it (from the pool, or straight from the call for a retry of the same call:
         * refused above, but each refusal is one more try).
         */
        private static void retire(Connection connection) {
            if (connection instanceof RealConnection real) {
                synchronized (real) { // okhttp guards the flag with the connection's lock
                    real.setNoNewExchanges(true);
                }
            }
        }

        static boolean keepsAlive(Response response) {
            String connection = String.valueOf(response.header("Connection")).toLowerCase(Locale.ROOT);
            if (connection.contains("close")) {
                return false;
            }
            return response.protocol() != Protocol.HTTP_1_0 || connection.contains("keep-alive");
        }

        /** The server closed an idle connection (or sent bytes nobody asked for: unusable too). */
        static boolean peerClosed(Socket socket) {
            if (socket.isClosed() || socket.isInputShutdown() || socket.isOutputShutdown()) {
                return true;
            }
            try {
                int timeout = socket.getSoTimeout();
                socket.setSoTimeout(1);
                try {
                    socket.getInputStream().read();
                    return true;
                } catch (SocketTimeoutException e) {
                    return false; // nothing to read: the connection is open and idle
                } finally {
                    socket.setSoTimeout(timeout);
                }
            } catch (IOException e) {
                return true;
            }
        }
    }

    /**
     * Sends a request again when nothing of it was sent: {@link ConnectionGuard} refused a kept connection for it, or
     * the kept HTTP/2 connection had been shut down (GOAWAY) before its stream was opened. It runs inside
     * {@link RetryInterceptor}: a refusal is no attempt, and must not end the retries (a 429's retry often finds the
     * connection the 429 came on, which the server has closed since).
     */
    static final class FreshConnectionRetry implements Interceptor {
        static final FreshConnectionRetry INSTANCE = new FreshConnectionRetry();
        /** Each refusal drops one kept connection; the pool keeps at most a few, then a new one is made. */
        static final int MAX = 8;

        @Override
        public Response intercept(Chain chain) throws IOException {
            for (int attempt = 1; ; attempt++) {
                try {
                    return chain.proceed(chain.request());
                } catch (StaleConnection | ConnectionShutdownException e) {
                    if (attempt >= MAX) {
                        throw e;
                    }
                }
            }
        }
    }

    /** Retries idempotent requests (and POSTs that carry an Idempotency-Key or {@link SafeToRetry}) on 429, 5xx and network failures. */
    static final class RetryInterceptor implements Interceptor {
        private final RetryPolicy policy;

        RetryInterceptor(RetryPolicy policy) {
            this.policy = policy;
        }

        @Override
        public Response intercept(Chain chain) throws IOException {
            Request request = chain.request();
            boolean retryable = IDEMPOTENT.contains(request.method()) || request.header("Idempotency-Key") != null
                || request.tag(SafeToRetry.class) != null;
            Attempts counted = request.tag(Attempts.class);
            for (int attempt = 1; ; attempt++) {
                boolean last = !retryable || attempt >= policy.maxAttempts();
                if (counted != null) {
                    counted.made = attempt;
                }
                Response response;
                try {
                    response = chain.proceed(request);
                } catch (IOException e) {
                    if (last || !isTransient(e)) {
                        throw e;
                    }
                    pause(request, attempt, null, e.getClass().getSimpleName() + (e.getMessage() == null ? ""
                        : " (" + Secrets.scrub(e.getMessage()) + ")"));
                    continue;
                }
                if (last || !shouldRetry(response)) {
                    return response;
                }
                Duration retryAfter = retryAfter(response.header("Retry-After"));
                response.close();
                pause(request, attempt, retryAfter, "HTTP " + response.code());
            }
        }

        private static boolean shouldRetry(Response response) {
            String stripe = response.header("Stripe-Should-Retry");
            if (stripe != null) {
                return Boolean.parseBoolean(stripe);
            }
            return RETRYABLE_STATUS.contains(response.code());
        }

        private static boolean isTransient(IOException e) {
            if (e instanceof UnknownHostException) {
                return false; // DNS answers do not change in a second
            }
            return e instanceof ConnectException || e instanceof NoRouteToHostException || e instanceof SocketException
                || e instanceof StaleConnection // refused kept connections, more in a row than FreshConnectionRetry tries
                || e instanceof InterruptedIOException || String.valueOf(e.getMessage()).contains("unexpected end of stream");
        }

        /** The backoff before the next attempt, shown as {@code GET host/path: HTTP 503; attempt 2 of 4 in 1 s}. */
        private void pause(Request request, int attempt, Duration retryAfter, String why) throws IOException {
            Duration delay = policy.delay(attempt, retryAfter);
            String what = request.method() + " " + request.url().host() + request.url().encodedPath();
            try (Progress.Wait pause = policy.progress().retrying(what, why, attempt + 1, policy.maxAttempts(), delay)) {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while backing off");
            }
        }

        private static Duration retryAfter(String header) {
            if (header == null) {
                return null;
            }
            try {
                return Duration.ofSeconds(Long.parseLong(header.trim()));
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
