package dev.notif.core;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * The one HTTP client factory: every call has connect, read, write and whole-call timeouts, redirects are
 * never followed (stores do not follow them either), and provider API clients retry with backoff. TLS is set up
 * by the first https request, not before ({@link LazyTls}).
 */
public final class Http {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");
    private static final Set<Integer> RETRYABLE_STATUS = Set.of(429, 500, 502, 503, 504);
    private static OkHttpClient base;

    private Http() {
    }

    public static String userAgent() {
        return "notif/" + Version.get();
    }

    private static synchronized OkHttpClient base() {
        if (base == null) {
            base = new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(4, 30, java.util.concurrent.TimeUnit.SECONDS))
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .connectionSpecs(List.of(ConnectionSpec.CLEARTEXT))
                .build();
        }
        return base;
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

    /** A client for deliveries and probes: timeouts, no redirects, no retries (a probe reports what happened). */
    public static OkHttpClient client(Duration timeout) {
        return new LazyTls(base().newBuilder()
            .connectTimeout(timeout)
            .readTimeout(timeout)
            .writeTimeout(timeout)
            .callTimeout(timeout.multipliedBy(2)));
    }

    /** A client for provider APIs: as {@link #client} plus retries with backoff on 429, 5xx and connection failures. */
    public static OkHttpClient apiClient(Duration timeout, RetryPolicy policy) {
        return new LazyTls(client(timeout).newBuilder()
            .callTimeout(Duration.ZERO) // each attempt is bounded by the per-call timeouts; attempts are bounded too
            .addInterceptor(new RetryInterceptor(policy)));
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
            for (int attempt = 1; ; attempt++) {
                boolean last = !retryable || attempt >= policy.maxAttempts();
                Response response;
                try {
                    response = chain.proceed(request);
                } catch (IOException e) {
                    if (last || !isTransient(e)) {
                        throw e;
                    }
                    pause(attempt, null);
                    continue;
                }
                if (last || !shouldRetry(response)) {
                    return response;
                }
                Duration retryAfter = retryAfter(response.header("Retry-After"));
                response.close();
                pause(attempt, retryAfter);
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
                || e instanceof InterruptedIOException || String.valueOf(e.getMessage()).contains("unexpected end of stream");
        }

        private void pause(int attempt, Duration retryAfter) throws IOException {
            try {
                Thread.sleep(policy.delay(attempt, retryAfter).toMillis());
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
