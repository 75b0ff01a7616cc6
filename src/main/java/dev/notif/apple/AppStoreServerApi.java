package dev.notif.apple;

import com.apple.itunes.storekit.client.APIException;
import com.apple.itunes.storekit.client.AppStoreServerAPIClient;
import com.apple.itunes.storekit.client.BearerTokenAuthenticator;
import com.apple.itunes.storekit.model.CheckTestNotificationResponse;
import com.apple.itunes.storekit.model.Environment;
import com.apple.itunes.storekit.model.NotificationHistoryRequest;
import com.apple.itunes.storekit.model.NotificationHistoryResponse;
import dev.notif.core.Http;
import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The App Store Server API calls of {@code check apple}, made by Apple's own client (its JWT signing with the
 * In-App Purchase key, its request and response models) over notif's HTTP client: every call bounded by
 * {@code --timeout}, reads retried with backoff on 429, 5xx and network errors, and {@code --api-base} honoured.
 * Apple's client has no setting for either; it does route every request through {@code getResponse}, which this
 * class overrides. Failures come back as {@link Failure}.
 */
public final class AppStoreServerApi {
    /** Apple's error code when the environment has no notification URL. */
    public static final long URL_NOT_FOUND = 4040007L;
    /** Apple's error code for a test notification token it does not (yet) know. */
    public static final long TEST_NOTIFICATION_NOT_FOUND = 4040008L;

    private final Client client;
    private final AppleEnvironment environment;

    public AppStoreServerApi(AppleKey key, String bundleId, AppleEnvironment environment, HttpUrl base,
                             OkHttpClient http) {
        this.environment = environment;
        this.client = new Client(new BearerTokenAuthenticator(key.pkcs8Pem(), key.keyId(), key.issuerId(), bundleId),
            environment == AppleEnvironment.PRODUCTION ? Environment.PRODUCTION : Environment.SANDBOX, http, base);
    }

    /** Why a call failed: an HTTP status with Apple's error code and message, or (status 0) a network error. */
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
        return call(() -> client.requestTestNotification().getTestNotificationToken(), "request a test notification");
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
        try {
            return call.run();
        } catch (APIException e) {
            int status = e.getHttpStatusCode();
            String message = e.getApiErrorMessage() != null ? e.getApiErrorMessage()
                : status >= 200 && status < 300 ? "a body Apple's client could not read" : "no error body";
            throw new Failure(e.getHttpStatusCode(), e.getRawApiError(), "App Store Server API (" + environment.word()
                + ") could not " + what + ": " + e.getHttpStatusCode()
                + (e.getRawApiError() == null ? "" : " " + e.getRawApiError()) + " " + message, e);
        } catch (IOException e) {
            throw new Failure(0, null, "cannot reach the App Store Server API (" + environment.word() + ") to " + what
                + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // Apple's client wraps a body it cannot parse in a RuntimeException
            throw new Failure(0, null, "the App Store Server API (" + environment.word() + ") answered in an"
                + " unexpected shape when asked to " + what + ": " + e.getMessage(), e);
        }
    }

    /** Apple's client, sending its requests to {@code base} (when set) through notif's HTTP client. */
    static final class Client extends AppStoreServerAPIClient {
        private final OkHttpClient http;
        private final HttpUrl base;

        Client(BearerTokenAuthenticator auth, Environment environment, OkHttpClient http, HttpUrl base) {
            super(auth, environment);
            this.http = http;
            this.base = base;
        }

        @Override
        protected Response getResponse(Request request) throws IOException {
            Request.Builder b = request.newBuilder();
            if (base != null) {
                b.url(rebase(base, request.url()));
            }
            if (request.url().encodedPath().endsWith("/notifications/history")) {
                b.tag(Http.SafeToRetry.class, Http.SafeToRetry.TAG); // a read Apple makes a POST
            }
            b.header("User-Agent", Http.userAgent() + " " + request.header("User-Agent"));
            return http.newCall(b.build()).execute();
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
