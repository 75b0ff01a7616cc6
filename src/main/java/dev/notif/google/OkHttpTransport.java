package dev.notif.google;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.LowLevelHttpRequest;
import com.google.api.client.http.LowLevelHttpResponse;
import dev.notif.core.Http;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * google-auth-library's transport, replaced by notif's okhttp client ({@code core.Http}): the same timeouts and retries
 * as every other call (every request it makes is a token fetch or exchange, safe to retry). As Google's own tools do,
 * {@code GCE_METADATA_HOST} (from notif's environment) sends the metadata server's requests to that host:port.
 */
final class OkHttpTransport extends HttpTransport {
    static final Set<String> METADATA_HOSTS = Set.of("metadata.google.internal", "169.254.169.254", "metadata");
    /** The hosts behind Application Default Credentials: OAuth tokens, the Security Token Service, IAM Credentials. */
    static final Set<String> AUTH_HOSTS = Set.of("oauth2.googleapis.com", "sts.googleapis.com",
        "iamcredentials.googleapis.com");

    private final OkHttpClient client;
    private final String metadataHost;
    private final HttpUrl authBase;

    /** {@code authBase}: where requests for Google's auth hosts go instead (tests, stand-ins); null: Google's. */
    OkHttpTransport(OkHttpClient client, String metadataHost, HttpUrl authBase) {
        this.client = client;
        this.metadataHost = metadataHost;
        this.authBase = authBase;
    }

    @Override
    protected LowLevelHttpRequest buildRequest(String method, String url) {
        return new Call(method, route(HttpUrl.get(url)));
    }

    /** Where a URL of Google's goes through this transport (the URL as it is when it is not one). */
    String route(String url) {
        HttpUrl parsed = HttpUrl.parse(url);
        return parsed == null ? url : route(parsed).toString();
    }

    /** Which hosts this transport sends elsewhere: what, besides a URL, tells where a token comes from. */
    String routes() {
        return "metadata=" + metadataHost + " auth=" + authBase;
    }

    HttpUrl route(HttpUrl url) {
        HttpUrl to = metadataHost != null && METADATA_HOSTS.contains(url.host()) ? HttpUrl.get("http://" + metadataHost)
            : authBase != null && AUTH_HOSTS.contains(url.host()) ? authBase : null;
        return to == null ? url : url.newBuilder().scheme(to.scheme()).host(to.host()).port(to.port()).build();
    }

    private final class Call extends LowLevelHttpRequest {
        private final String method;
        private final HttpUrl url;
        private final List<String[]> headers = new ArrayList<>();

        Call(String method, HttpUrl url) {
            this.method = method;
            this.url = url;
        }

        @Override
        public void addHeader(String name, String value) {
            if (!name.equalsIgnoreCase("Accept-Encoding")) { // okhttp asks for gzip itself and then decodes it
                headers.add(new String[] {name, value});
            }
        }

        @Override
        public LowLevelHttpResponse execute() throws IOException {
            RequestBody body = null;
            if (getStreamingContent() != null) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                getStreamingContent().writeTo(bytes);
                body = RequestBody.create(bytes.toByteArray(), getContentType() == null ? null
                    : MediaType.parse(getContentType()));
            } else if (method.equals("POST") || method.equals("PUT")) {
                body = RequestBody.create(new byte[0], null);
            }
            Request.Builder b = new Request.Builder().url(url).method(method, body)
                .tag(Http.SafeToRetry.class, Http.SafeToRetry.TAG);
            for (String[] h : headers) {
                b.addHeader(h[0], h[1]);
            }
            if (headers.stream().noneMatch(h -> h[0].equalsIgnoreCase("User-Agent"))) {
                b.header("User-Agent", Http.userAgent());
            }
            return new Answer(client.newCall(b.build()).execute());
        }
    }

    private static final class Answer extends LowLevelHttpResponse {
        private final Response response;
        private final byte[] body;

        Answer(Response response) throws IOException {
            this.response = response;
            try (response) {
                this.body = response.body() == null ? new byte[0] : response.body().bytes();
            }
        }

        @Override
        public InputStream getContent() {
            return new java.io.ByteArrayInputStream(body);
        }

        @Override
        public String getContentEncoding() {
            return null; // okhttp already decoded it
        }

        @Override
        public long getContentLength() {
            return body.length;
        }

        @Override
        public String getContentType() {
            return response.header("Content-Type");
        }

        @Override
        public String getStatusLine() {
            return "HTTP/1.1 " + response.code() + " " + response.message();
        }

        @Override
        public int getStatusCode() {
            return response.code();
        }

        @Override
        public String getReasonPhrase() {
            return response.message();
        }

        @Override
        public int getHeaderCount() {
            return response.headers().size();
        }

        @Override
        public String getHeaderName(int index) {
            return response.headers().name(index);
        }

        @Override
        public String getHeaderValue(int index) {
            return response.headers().value(index);
        }
    }
}
