package dev.notif.probe;

import dev.notif.core.Secrets;
import java.util.Locale;
import java.util.Map;

/**
 * What came back from one HTTP request: a status, its latency and the start of the body, or a network failure.
 * Header names are lower case.
 */
public record Outcome(Integer status, long latencyMs, String body, Map<String, String> headers, Failure failure) {
    /** How much of a response body a result or a check's details show. */
    public static final int BODY_SHOWN = 500;

    /** Why no HTTP answer came back. */
    public enum FailureKind { DNS, REFUSED, NO_ROUTE, TIMEOUT, TLS, PLAIN_HTTP, RESET, OTHER }

    public record Failure(FailureKind kind, String detail) {
    }

    public static Outcome answered(int status, long latencyMs, String body, Map<String, String> headers) {
        return new Outcome(status, latencyMs, body, headers, null);
    }

    public static Outcome failed(FailureKind kind, String detail, long latencyMs) {
        return new Outcome(null, latencyMs, null, Map.of(), new Failure(kind, detail));
    }

    public boolean answered() {
        return failure == null;
    }

    public boolean is2xx() {
        return status != null && status >= 200 && status < 300;
    }

    public String header(String name) {
        return headers == null ? null : headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The body as results and check details show it: its start, secrets scrubbed; null without an answer. */
    public String shownBody() {
        return Secrets.scrub(bodyStart(BODY_SHOWN));
    }

    /** The body cut to {@code max} characters, with a marker when cut. */
    public String bodyStart(int max) {
        if (body == null) {
            return null;
        }
        String b = body.strip();
        return b.length() <= max ? b : b.substring(0, max) + "... (" + b.length() + " chars)";
    }
}
