package dev.notif.core;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;

/**
 * The {@code --verbose} trace of HTTP exchanges, on stderr: for each request sent, its method, URL, headers and the
 * start of its body; then the status, the time it took, the protocol, the answer's headers and the start of its body
 * (or why no answer came). Every secret, key, token and signature is masked: credential headers, the signature
 * values of {@code Stripe-Signature}, JSON fields and form fields and query parameters named like secrets, JWTs,
 * and whatever {@link Secrets#scrub} recognises.
 */
final class HttpTrace implements Interceptor {
    static final int BODY_SHOWN = 400;
    /** Bodies are masked whole, then cut: a secret cut in half would escape the patterns. */
    private static final long BODY_READ = 64 * 1024;
    private static final String MASK = "****";
    private static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "proxy-authorization", "cookie",
        "set-cookie", "x-api-key", "x-goog-api-key", "x-amz-security-token");
    private static final String SECRET_NAMES = "(?:[a-z_]*(?:secret|password|passwd|token|assertion|private_key"
        + "|api_key|apikey|signature(?!_?version)|credential)[a-z_]*|key|sig)";
    private static final Pattern JSON_FIELD = Pattern.compile(
        "(\"(?i:" + SECRET_NAMES + "|signed[a-z]*)\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern FORM_FIELD = Pattern.compile("((?:^|[&?])(?i:" + SECRET_NAMES + ")=)[^&\\s]*");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{2,}\\.[A-Za-z0-9_-]{2,}\\.[A-Za-z0-9_-]*");
    private static final Pattern SIGNATURE_VALUE = Pattern.compile("(\\bv\\d+=)[^,\\s]+");

    private final PrintWriter err;

    HttpTrace(PrintWriter err) {
        this.err = err;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        StringBuilder out = new StringBuilder();
        out.append("http: > ").append(request.method()).append(' ').append(url(request.url())).append('\n');
        headers(out, "http: >   ", request.headers());
        RequestBody body = request.body();
        if (body != null) {
            out.append("http: >   ").append(requestBody(body)).append('\n');
        }
        long start = System.nanoTime();
        Response response;
        try {
            response = chain.proceed(request);
        } catch (Http.StaleConnection e) {
            out.append("http: < not sent: ").append(e.getMessage()).append("; sending it on a fresh connection\n");
            print(out);
            throw e;
        } catch (IOException | RuntimeException e) {
            out.append("http: < no answer after ").append(ms(start)).append(" ms: ")
                .append(mask(e.getClass().getSimpleName() + ": " + e.getMessage())).append('\n');
            print(out);
            throw e;
        }
        out.append("http: < ").append(response.code()).append(response.message().isEmpty() ? "" : " " + response.message())
            .append(" in ").append(ms(start)).append(" ms (").append(response.protocol()).append(")\n");
        headers(out, "http: <   ", response.headers());
        MediaType type = response.body() == null ? null : response.body().contentType();
        String text = response.body() == null ? "" : response.peekBody(BODY_READ).string();
        out.append("http: <   ").append(bodyLine(type, text.getBytes(StandardCharsets.UTF_8), response.body() == null
            ? 0 : response.body().contentLength())).append('\n');
        print(out);
        return response;
    }

    private static void headers(StringBuilder out, String prefix, Headers headers) {
        for (int i = 0; i < headers.size(); i++) {
            out.append(prefix).append(headers.name(i)).append(": ").append(header(headers.name(i), headers.value(i)))
                .append('\n');
        }
    }

    private void print(StringBuilder out) {
        synchronized (err) {
            err.print(out);
            err.flush();
        }
    }

    private static long ms(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static String requestBody(RequestBody body) throws IOException {
        long length = body.contentLength();
        if (body.isOneShot() || body.isDuplex() || length > BODY_READ || length < 0) {
            return "body: " + (length < 0 ? "streamed" : length + " bytes") + ", not shown";
        }
        Buffer buffer = new Buffer();
        body.writeTo(buffer);
        return bodyLine(body.contentType(), buffer.readByteArray(), length);
    }

    private static String bodyLine(MediaType type, byte[] bytes, long length) {
        long size = length >= 0 ? length : bytes.length;
        if (bytes.length == 0) {
            return "body: empty";
        }
        if (!textual(type, bytes)) {
            return "body: " + size + " bytes (" + type + "), not shown";
        }
        return "body (" + size + " bytes): " + cut(mask(new String(bytes, StandardCharsets.UTF_8)));
    }

    private static boolean textual(MediaType type, byte[] bytes) {
        if (type != null) {
            String t = (type.type() + "/" + type.subtype()).toLowerCase(Locale.ROOT);
            if (t.startsWith("text/") || t.contains("json") || t.contains("xml") || t.contains("form-urlencoded")) {
                return true;
            }
        }
        for (int i = 0; i < Math.min(bytes.length, 512); i++) {
            if (bytes[i] == 0) {
                return false;
            }
        }
        return type == null;
    }

    private static String cut(String text) {
        String flat = text.replace("\r", "\\r").replace("\n", "\\n");
        return flat.length() <= BODY_SHOWN ? flat : flat.substring(0, BODY_SHOWN) + "... (cut)";
    }

    static String url(HttpUrl url) {
        HttpUrl.Builder b = url.newBuilder();
        if (!url.password().isEmpty()) {
            b.password(MASK);
        }
        String query = url.encodedQuery();
        if (query != null) {
            b.encodedQuery(FORM_FIELD.matcher("?" + query).replaceAll("$1" + MASK).substring(1));
        }
        return Secrets.scrub(b.build().toString());
    }

    static String header(String name, String value) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (CREDENTIAL_HEADERS.contains(lower)) {
            int space = value.indexOf(' ');
            return space > 0 && space < 12 ? value.substring(0, space + 1) + MASK : MASK;
        }
        if (lower.contains("signature")) {
            return SIGNATURE_VALUE.matcher(value).find() ? SIGNATURE_VALUE.matcher(value).replaceAll("$1" + MASK) : MASK;
        }
        return mask(value);
    }

    /** Masks secrets in free text: JSON and form fields named like secrets, JWTs, keys and signing secrets. */
    static String mask(String text) {
        if (text == null) {
            return null;
        }
        String s = Secrets.scrub(text);
        s = JWT.matcher(s).replaceAll("eyJ" + MASK);
        s = replaceAll(JSON_FIELD, s, "$1\"" + MASK + "\"");
        return replaceAll(FORM_FIELD, s, "$1" + MASK);
    }

    private static String replaceAll(Pattern p, String s, String replacement) {
        Matcher m = p.matcher(s);
        return m.find() ? m.replaceAll(replacement) : s;
    }
}
