package dev.notif.apple;

import com.apple.itunes.storekit.client.APIException;
import com.apple.itunes.storekit.client.AppStoreServerAPIClient;
import com.apple.itunes.storekit.client.BearerTokenAuthenticatorInterface;
import com.apple.itunes.storekit.model.CheckTestNotificationResponse;
import com.apple.itunes.storekit.model.Environment;
import com.apple.itunes.storekit.model.NotificationHistoryRequest;
import com.apple.itunes.storekit.model.NotificationHistoryResponse;
import dev.notif.core.Http;
import dev.notif.core.Secrets;
import dev.notif.core.Shared;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The App Store Server API calls of {@code check apple}, made by Apple's own client (its request and response models)
 * with notif's bearer tokens ({@link AppleTokens}: a new one for each request, as Apple asks) over notif's HTTP
 * client: every call bounded by {@code --timeout}, reads retried with backoff on 429, 5xx and network errors, and
 * {@code --api-base} honoured. Apple's client has no setting for either; it does route every request through
 * {@code getResponse}, which this class overrides. Failures come back as {@link Failure}.
 */
public final class AppStoreServerApi {
    /** Apple's error code when the environment has no notification URL. */
    public static final long URL_NOT_FOUND = 4040007L;
    /** Apple's error code for a test notification token it does not (yet) know. */
    public static final long TEST_NOTIFICATION_NOT_FOUND = 4040008L;

    private final Client client;
    private final Client.Caller caller;
    private final AppleEnvironment environment;

    public AppStoreServerApi(AppleKey key, String bundleId, AppleEnvironment environment, HttpUrl base,
                             OkHttpClient http) {
        this(key, bundleId, environment, base, http, new Shared(), Clock.systemUTC());
    }

    /**
     * {@code shared}: the process's, with its tokens ({@link AppleTokens}) and Apple's clients: one per environment
     * and base serves every store of a run, whatever its key and app (Apple's client is made to be shared: each makes
     * its own JSON mapper, whose readers and writers are built again for every new one), each call made with this
     * store's token and through this store's {@code http}.
     */
    public AppStoreServerApi(AppleKey key, String bundleId, AppleEnvironment environment, HttpUrl base,
                             OkHttpClient http, Shared shared, Clock clock) {
        this.environment = environment;
        AppleTokens tokens = shared.get(AppleTokens.class, AppleTokens::new);
        this.caller = new Client.Caller(http, tokens.authenticator(key, bundleId, clock));
        this.client = shared.get(Clients.class, Clients::new).byKey.computeIfAbsent(
            new ClientKey(environment, base == null ? null : base.toString()),
            k -> new Client(environment == AppleEnvironment.PRODUCTION ? Environment.PRODUCTION : Environment.SANDBOX,
                base));
    }

    private record ClientKey(AppleEnvironment environment, String base) {
    }

    /** The process's clients of Apple's. */
    private static final class Clients {
        final Map<ClientKey, Client> byKey = new ConcurrentHashMap<>();
    }

    /**
     * Why a call failed: an HTTP status with Apple's error code and message (a 2xx: an answer with nothing usable in
     * it), or (status 0) a network error or an answer of an unexpected shape.
     */
    public static final class Failure extends Exception {
        private final int status;
        private final Long code;

        Failure(int status, Long code, String message, Throwable cause) {
            super(message, cause);
            this.status = status;
            this.code = code;
        }

        public int status() {
            return status;
        }

        public Long code() {
            return code;
        }

        public boolean credentials() {
            return status == 401 || status == 403;
        }

        public boolean is(long apiCode) {
            return code != null && code == apiCode;
        }
    }

    public AppleEnvironment environment() {
        return environment;
    }

    /** POST /inApps/v1/notifications/test: the token of the test notification Apple is about to send. */
    public String requestTestNotification() throws Failure {
        String token = call(() -> client.requestTestNotification().getTestNotificationToken(),
            "request a test notification");
        if (token == null || token.isBlank()) { // Apple's answer always has one: nothing can be polled without it
            throw new Failure(200, null, "App Store Server API (" + environment.word() + ") answered a test"
                + " notification request with 200 but no testNotificationToken" + answered(), null);
        }
        return token;
    }

    /** The start of the last answer's body on this store's calls, as {@code : BODY} (scrubbed), or nothing. */
    private String answered() {
        String body = caller.lastBody;
        return body == null || body.isBlank() ? "" : ": " + Secrets.scrub(body.strip().replaceAll("\\s+", " "));
    }

    /** GET /inApps/v1/notifications/test/{token}: the test notification and Apple's attempts to deliver it. */
    public CheckTestNotificationResponse testNotificationStatus(String token) throws Failure {
        return call(() -> client.getTestNotificationStatus(token), "read the test notification's status");
    }

    /** POST /inApps/v1/notifications/history (a read): one page, from {@code paginationToken} (null: the first). */
    public NotificationHistoryResponse history(long startMillis, long endMillis, String paginationToken)
        throws Failure {
        NotificationHistoryRequest request = new NotificationHistoryRequest().startDate(startMillis).endDate(endMillis);
        return call(() -> client.getNotificationHistory(paginationToken, request), "read the notification history");
    }

    private interface Call<T> {
        T run() throws APIException, IOException;
    }

    private <T> T call(Call<T> call, String what) throws Failure {
        Client.CALLER.set(caller);
        caller.lastBody = null;
        try {
            return call.run();
        } catch (APIException e) {
            int status = e.getHttpStatusCode();
            String message = e.getApiErrorMessage() != null ? e.getApiErrorMessage()
                : status >= 200 && status < 300 ? "a body Apple's client could not read" + answered() : "no error body";
            throw new Failure(e.getHttpStatusCode(), e.getRawApiError(), "App Store Server API (" + environment.word()
                + ") could not " + what + ": " + e.getHttpStatusCode()
                + (e.getRawApiError() == null ? "" : " " + e.getRawApiError()) + " " + message, e);
        } catch (IOException e) {
            throw new Failure(0, null, "cannot reach the App Store Server API (" + environment.word() + ") to " + what
                + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // Apple's client wraps a body it cannot parse in a RuntimeException
            throw new Failure(0, null, "the App Store Server API (" + environment.word() + ") answered in an"
                + " unexpected shape when asked to " + what + ": " + e.getMessage() + answered(), e);
        } finally {
            Client.CALLER.remove();
        }
    }

    /**
     * Apple's client, sending its requests to {@code base} (when set) with the token and through notif's HTTP client
     * of the store whose call is under way on this thread (Apple's client asks for the token and makes each request
     * on the caller's thread).
     */
    static final class Client extends AppStoreServerAPIClient {
        /**
         * What one store's calls are made with: its HTTP client and its tokens (a new one for each request); and the
         * start of the last answer's body, to say what Apple answered when Apple's client found nothing usable in it.
         */
        static final class Caller {
            final OkHttpClient http;
            final BearerTokenAuthenticatorInterface tokens;
            String lastBody;

            Caller(OkHttpClient http, BearerTokenAuthenticatorInterface tokens) {
                this.http = http;
                this.tokens = tokens;
            }
        }

        /** How much of an answer's body a message quotes. */
        static final int BODY_QUOTED = 300;

        static final ThreadLocal<Caller> CALLER = new ThreadLocal<>();
        private final HttpUrl base;

        Client(Environment environment, HttpUrl base) {
            super(() -> caller().tokens.generateToken(), environment);
            this.base = base;
        }

        private static Caller caller() {
            Caller caller = CALLER.get();
            if (caller == null) {
                throw new IllegalStateException("a request of Apple's client outside AppStoreServerApi.call");
            }
            return caller;
        }

        @Override
        protected Response getResponse(Request request) throws IOException {
            Caller caller = caller();
            Request.Builder b = request.newBuilder();
            if (base != null) {
                b.url(rebase(base, request.url()));
            }
            if (request.url().encodedPath().endsWith("/notifications/history")) {
                b.tag(Http.SafeToRetry.class, Http.SafeToRetry.TAG); // a read Apple makes a POST
            }
            b.header("User-Agent", Http.userAgent() + " " + request.header("User-Agent"));
            Response response = caller.http.newCall(b.build()).execute();
            caller.lastBody = response.peekBody(BODY_QUOTED).string();
            return response;
        }

        /** Apple's URL with its scheme, host and port replaced by the base's (and the base's path prefixed). */
        static HttpUrl rebase(HttpUrl base, HttpUrl url) {
            HttpUrl.Builder b = base.newBuilder();
            String path = base.encodedPath();
            String prefix = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
            b.encodedPath(prefix + url.encodedPath());
            b.encodedQuery(url.encodedQuery());
            return b.build();
        }
    }
}
