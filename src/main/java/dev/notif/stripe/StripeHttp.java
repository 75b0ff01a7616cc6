package dev.notif.stripe;

import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.StripeException;
import com.stripe.net.HttpClient;
import com.stripe.net.HttpContent;
import com.stripe.net.HttpHeaders;
import com.stripe.net.StripeRequest;
import com.stripe.net.StripeResponse;
import dev.notif.core.Http;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * stripe-java's transport, replaced by notif's okhttp client ({@code core.Http.apiClient}) so that Stripe calls
 * get the same timeouts and retries (429, 5xx, resets; POSTs only with their Idempotency-Key) as every other
 * provider call. stripe-java's own retries are turned off ({@code maxNetworkRetries 0}). Each answer and each failure
 * to get one carries the attempts made ({@link #attempts}), for the failure's message to say.
 */
final class StripeHttp extends HttpClient {
    private final OkHttpClient client;

    StripeHttp(OkHttpClient client) {
        this.client = client;
    }

    /**
     * stripe-java encodes list query parameters as {@code types[0]=a&types[1]=b}; Stripe reads that and the
     * {@code types[]=a&types[]=b} of its documentation alike, but simpler stand-ins read only the documented form.
     */
    static HttpUrl listsAsBrackets(HttpUrl url) {
        if (url.querySize() == 0) {
            return url;
        }
        HttpUrl.Builder b = url.newBuilder().query(null);
        for (int i = 0; i < url.querySize(); i++) {
            b.addQueryParameter(url.queryParameterName(i).replaceAll("\\[\\d+]$", "[]"), url.queryParameterValue(i));
        }
        return b.build();
    }

    private static final Pattern FORM_LIST_KEY = Pattern.compile("(^|&)([^=&\\[%]+)(\\[|%5B)[0-9]+(]|%5D)=");

    /** The same for form bodies: {@code enabled_events[0]=a} becomes {@code enabled_events[]=a}; nested keys stay. */
    static byte[] formListsAsBrackets(HttpContent content) {
        byte[] bytes = content.byteArrayContent();
        if (!content.contentType().startsWith("application/x-www-form-urlencoded")) {
            return bytes;
        }
        String form = new String(bytes, StandardCharsets.UTF_8);
        return FORM_LIST_KEY.matcher(form).replaceAll("$1$2$3$4=").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * stripe-java's {@code X-Stripe-Client-User-Agent}, made once: it is the same for every request of a process (the
     * JVM's properties, the environment, the gson version), and stripe-java makes it by reading gson's
     * {@code pom.properties} out of its jar each time, a lock all of a fleet run's requests queue on.
     */
    private static final class ClientAgent {
        static final String VALUE = buildXStripeClientUserAgentString();
    }

    @Override
    public StripeResponse request(StripeRequest request) throws ApiConnectionException {
        Request.Builder builder = new Request.Builder().url(listsAsBrackets(HttpUrl.get(request.url().toString())));
        request.headers().map().forEach((name, values) -> values.forEach(v -> builder.addHeader(name, v)));
        builder.header("User-Agent", buildUserAgentString(request));
        builder.header("X-Stripe-Client-User-Agent", ClientAgent.VALUE);
        HttpContent content = request.content();
        RequestBody body = content == null ? null
            : RequestBody.create(formListsAsBrackets(content), MediaType.parse(content.contentType()));
        builder.method(request.method().name(), body == null && request.method().name().equals("POST")
            ? RequestBody.create(new byte[0], null) : body);
        Http.Attempts attempts = new Http.Attempts();
        builder.tag(Http.Attempts.class, attempts);
        try (Response response = client.newCall(builder.build()).execute()) {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (String name : response.headers().names()) {
                headers.put(name, response.headers(name));
            }
            ResponseBody rb = response.body();
            return new Answer(response.code(), HttpHeaders.of(headers), rb == null ? "" : rb.string(), attempts.made());
        } catch (IOException e) {
            throw new Unreached(e.getClass().getSimpleName() + ": " + e.getMessage(), e, attempts.made());
        }
    }

    /**
     * The attempts made of the request that failed with {@code e}, or 0 when not known: an answer stripe-java could
     * not read as an error (not JSON) keeps none, nor does a client without retries count any.
     */
    static int attempts(StripeException e) {
        if (e instanceof Unreached u) {
            return u.attempts;
        }
        // stripe-java keeps the response it made the error of (the same object request returned)
        StripeResponse last = e.getStripeError() == null ? null : e.getStripeError().getLastResponse();
        return last instanceof Answer a ? a.attempts : 0;
    }

    /** An answer and the attempts it took. */
    private static final class Answer extends StripeResponse {
        private final int attempts;

        Answer(int code, HttpHeaders headers, String body, int attempts) {
            super(code, headers, body);
            this.attempts = attempts;
        }
    }

    /** No answer, after this many attempts; the cause is the last attempt's failure, as okhttp threw it. */
    private static final class Unreached extends ApiConnectionException {
        private final int attempts;

        Unreached(String message, IOException cause, int attempts) {
            super(message, cause);
            this.attempts = attempts;
        }
    }
}
