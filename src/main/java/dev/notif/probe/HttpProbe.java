package dev.notif.probe;

import dev.notif.core.Http;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/** Sends one request the way a store would (no redirects followed, no retries) and records what happened. */
public final class HttpProbe {
    static final int MAX_BODY = 64 * 1024;
    /** How long a port whose TLS handshake stalled gets to answer plain HTTP: a plain server answers at once. */
    static final Duration PLAIN_CHECK = Duration.ofSeconds(3);

    private final OkHttpClient client;

    public HttpProbe(OkHttpClient client) {
        this.client = client;
    }

    /** POSTs {@code body} with exactly the given headers (plus User-Agent if absent). */
    public Outcome post(String url, Map<String, String> headers, byte[] body, String contentType) {
        Request.Builder request = new Request.Builder().url(url)
            .post(RequestBody.create(body, contentType == null ? null : MediaType.get(contentType)));
        headers.forEach(request::header);
        if (!headers.containsKey("User-Agent")) {
            request.header("User-Agent", Http.userAgent());
        }
        return execute(request.build());
    }

    public Outcome get(String url, Map<String, String> headers) {
        Request.Builder request = new Request.Builder().url(url).get();
        headers.forEach(request::header);
        if (!headers.containsKey("User-Agent")) {
            request.header("User-Agent", Http.userAgent());
        }
        return execute(request.build());
    }

    private Outcome execute(Request plain) {
        Http.TlsHandshake handshake = new Http.TlsHandshake();
        Request request = plain.newBuilder().tag(Http.TlsHandshake.class, handshake).build();
        long start = System.nanoTime();
        try (Response response = client.newCall(request).execute()) {
            String text = readCapped(response.body());
            long latency = (System.nanoTime() - start) / 1_000_000;
            Map<String, String> headers = new LinkedHashMap<>();
            for (String name : response.headers().names()) {
                headers.put(name.toLowerCase(Locale.ROOT), response.header(name));
            }
            return Outcome.answered(response.code(), latency, text, headers);
        } catch (IOException e) {
            long latency = (System.nanoTime() - start) / 1_000_000;
            if (e instanceof InterruptedIOException && handshake.unfinished()) {
                return handshakeTimedOut(request.url(), latency);
            }
            return classify(e, request.url().host(), request.url().port(), latency);
        }
    }

    /**
     * The connection was made, the TLS handshake began and the call timed out before it finished. A plain-HTTP server
     * behaves so (it waits for a request line that a TLS hello never completes); asking the same port plain HTTP tells
     * it from a stalled TLS server. The answer of a TLS port to plain HTTP does not count alone (nginx answers 400 on
     * its TLS port): it is asked only once the handshake itself failed.
     */
    private Outcome handshakeTimedOut(HttpUrl url, long latency) {
        String where = url.host() + ":" + url.port();
        HttpUrl asPlain = url.newBuilder().scheme("http").port(url.port()).encodedPath("/").query(null).build();
        Call call = client.newCall(new Request.Builder().url(asPlain).get().header("User-Agent", Http.userAgent())
            .build());
        call.timeout().timeout(PLAIN_CHECK.toMillis(), TimeUnit.MILLISECONDS);
        try (Response response = call.execute()) {
            return Outcome.failed(Outcome.FailureKind.PLAIN_HTTP, where + " speaks plain HTTP, not TLS (it answered "
                + response.code() + " to http://" + where + "/ and never finished the TLS handshake of the https://"
                + " URL)", latency);
        } catch (IOException notPlain) {
            return Outcome.failed(Outcome.FailureKind.TLS, where + " accepted the connection but did not finish the TLS"
                + " handshake in time, and does not answer plain HTTP either (a stalled TLS server, or a plain-HTTP one"
                + " that answered nothing)", latency);
        }
    }

    private static String readCapped(ResponseBody body) throws IOException {
        if (body == null) {
            return "";
        }
        try (InputStream in = body.byteStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** Maps a network exception to the failure a user can act on. */
    public static Outcome classify(IOException e, String host, int port, long latency) {
        String msg = String.valueOf(e.getMessage());
        if (e instanceof UnknownHostException) {
            return Outcome.failed(Outcome.FailureKind.DNS, host + " does not resolve (DNS)", latency);
        }
        if (e instanceof SocketTimeoutException && msg.toLowerCase(Locale.ROOT).contains("connect")) {
            return Outcome.failed(Outcome.FailureKind.TIMEOUT, "connecting to " + host + ":" + port + " timed out", latency);
        }
        if (e instanceof ConnectException) {
            return Outcome.failed(Outcome.FailureKind.REFUSED, "connection to " + host + ":" + port + " refused", latency);
        }
        if (e instanceof NoRouteToHostException) {
            return Outcome.failed(Outcome.FailureKind.NO_ROUTE, "no route to " + host + ":" + port, latency);
        }
        if (e instanceof SSLPeerUnverifiedException) {
            return Outcome.failed(Outcome.FailureKind.TLS, "the certificate does not cover " + host + ": " + msg, latency);
        }
        if (e instanceof SSLHandshakeException) {
            Throwable root = rootCause(e);
            if (root instanceof CertificateException || msg.contains("PKIX") || msg.contains("certification path")) {
                return Outcome.failed(Outcome.FailureKind.TLS,
                    "the certificate of " + host + " is not trusted (self-signed, expired or missing intermediates)", latency);
            }
            return Outcome.failed(Outcome.FailureKind.TLS, "TLS handshake with " + host + " failed: " + msg, latency);
        }
        if (e instanceof SSLException) {
            if (msg.contains("Unsupported or unrecognized SSL message") || msg.contains("plaintext")) {
                return Outcome.failed(Outcome.FailureKind.PLAIN_HTTP, host + ":" + port + " does not speak TLS (plain HTTP on an https:// URL?)",
                    latency);
            }
            return Outcome.failed(Outcome.FailureKind.TLS, "TLS with " + host + " failed: " + msg, latency);
        }
        if (e instanceof InterruptedIOException) {
            return Outcome.failed(Outcome.FailureKind.TIMEOUT, host + " did not answer in time", latency);
        }
        if (e instanceof SocketException || msg.contains("unexpected end of stream") || msg.contains("closed")) {
            return Outcome.failed(Outcome.FailureKind.RESET, host + " closed the connection without an answer (" + msg + ")",
                latency);
        }
        return Outcome.failed(Outcome.FailureKind.OTHER, e.getClass().getSimpleName() + ": " + msg, latency);
    }

    private static Throwable rootCause(Throwable t) {
        Throwable cur = t;
        while (cur.getCause() != null && cur.getCause() != cur) {
            cur = cur.getCause();
        }
        return cur;
    }
}
