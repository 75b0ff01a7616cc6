package dev.notif.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notif.core.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * Loopback stand-ins (reached with --google-auth-api-base, as the library takes only Google's own hosts in a
 * workload identity configuration) for the Google services behind Application Default Credentials, answering as Google's references
 * describe them, and each issuing {@link FakeGoogle#TOKEN} (the token the fake Pub/Sub accepts) only for a correct
 * request:
 * <ul>
 *   <li>the OAuth token endpoint, {@code POST /token} with {@code grant_type=refresh_token} (gcloud user credentials);</li>
 *   <li>the Security Token Service, {@code POST /v1/token} with an RFC 8693 token exchange of the workload's OIDC
 *       token (workload identity federation), giving a federated token;</li>
 *   <li>the IAM Credentials API, {@code POST /v1/projects/-/serviceAccounts/SA:generateAccessToken} with a bearer
 *       token allowed to impersonate SA;</li>
 *   <li>the metadata server, {@code GET /computeMetadata/v1/instance/service-accounts/default/token} with
 *       {@code Metadata-Flavor: Google}.</li>
 * </ul>
 */
public final class FakeGoogleAuth extends Dispatcher implements AutoCloseable {
    public static final String CLIENT_ID = "764086051850-6qr4p6gpi6hn506pt8ejuq83di341hur.apps.googleusercontent.com";
    public static final String CLIENT_SECRET = "d-FL95Q19q7MQmFpd7hHD0Ty";
    public static final String REFRESH_TOKEN = "1//0gFakeRefreshTokenForNotifTests";
    public static final String SUBJECT_TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJodHRwczovL3Rva2VuLmFjdGlvbnMuZ2l0aHVidXNlcmNvbnRlbnQuY29tIn0.c2ln";
    public static final String AUDIENCE = "//iam.googleapis.com/projects/123456789/locations/global/"
        + "workloadIdentityPools/github/providers/notif";
    public static final String FEDERATED = "ya29.d.federated-token";
    public static final String TARGET = "rtdn-admin@acme-prod.iam.gserviceaccount.com";

    private final MockWebServer server = new MockWebServer();
    public final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    /** The bearer tokens allowed to impersonate {@link #TARGET}. */
    public final List<String> mayImpersonate = new CopyOnWriteArrayList<>(List.of(FEDERATED, FakeGoogle.TOKEN));
    public volatile boolean revoked;
    public volatile boolean noServiceAccount;

    public FakeGoogleAuth() {
        server.setDispatcher(this);
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url(String path) {
        return server.url(path).toString();
    }

    /** host:port, as GCE_METADATA_HOST takes it. */
    public String hostPort() {
        return server.getHostName() + ":" + server.getPort();
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }

    @Override
    public MockResponse dispatch(RecordedRequest r) {
        requests.add(r);
        String path = r.getRequestUrl().encodedPath();
        if (path.equals("/token") && r.getMethod().equals("POST")) {
            Map<String, String> form = form(r.getBody().readUtf8());
            if (!"refresh_token".equals(form.get("grant_type")) || !CLIENT_ID.equals(form.get("client_id"))
                || !CLIENT_SECRET.equals(form.get("client_secret"))) {
                return json(401, "{\"error\":\"invalid_client\",\"error_description\":\"The OAuth client was not found.\"}");
            }
            if (revoked || !REFRESH_TOKEN.equals(form.get("refresh_token"))) {
                return json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"Token has been expired or revoked.\"}");
            }
            return json(200, "{\"access_token\":\"" + FakeGoogle.TOKEN + "\",\"expires_in\":3599,\"scope\":"
                + "\"https://www.googleapis.com/auth/cloud-platform\",\"token_type\":\"Bearer\"}");
        }
        if (path.equals("/v1/token") && r.getMethod().equals("POST")) { // STS
            Map<String, String> form = form(r.getBody().readUtf8());
            if (!"urn:ietf:params:oauth:grant-type:token-exchange".equals(form.get("grant_type"))
                || !"urn:ietf:params:oauth:token-type:access_token".equals(form.get("requested_token_type"))
                || !"urn:ietf:params:oauth:token-type:jwt".equals(form.get("subject_token_type"))) {
                return json(400, "{\"error\":\"invalid_request\",\"error_description\":\"Invalid token exchange.\"}");
            }
            if (!AUDIENCE.equals(form.get("audience"))) {
                return json(400, "{\"error\":\"invalid_target\",\"error_description\":\"The target service indicated"
                    + " by the \\\"audience\\\" parameters is invalid.\"}");
            }
            if (!SUBJECT_TOKEN.equals(form.get("subject_token"))) {
                return json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"The audience in ID Token [x]"
                    + " does not match the expected audience.\"}");
            }
            return json(200, "{\"access_token\":\"" + FEDERATED + "\",\"issued_token_type\":"
                + "\"urn:ietf:params:oauth:token-type:access_token\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
        }
        if (path.endsWith(":generateAccessToken") && r.getMethod().equals("POST")) { // IAM Credentials
            String target = URLDecoder.decode(path.substring(path.indexOf("/serviceAccounts/") + 17,
                path.indexOf(":generateAccessToken")), StandardCharsets.UTF_8);
            String auth = r.getHeader("Authorization");
            JsonNode body = Json.parseOrNull(r.getBody().readUtf8());
            if (!TARGET.equals(target)) {
                return json(404, "{\"error\":{\"code\":404,\"message\":\"Not found; Gaia id not found for email "
                    + target + "\",\"status\":\"NOT_FOUND\"}}");
            }
            if (auth == null || mayImpersonate.stream().noneMatch(t -> auth.equals("Bearer " + t))
                || body == null || !body.path("scope").toString().contains("cloud-platform")) {
                return json(403, "{\"error\":{\"code\":403,\"message\":\"Permission 'iam.serviceAccounts."
                    + "getAccessToken' denied on resource (or it may not exist).\",\"status\":\"PERMISSION_DENIED\"}}");
            }
            return json(200, "{\"accessToken\":\"" + FakeGoogle.TOKEN + "\",\"expireTime\":\""
                + Instant.now().plusSeconds(3600).toString() + "\"}");
        }
        if (path.startsWith("/computeMetadata/v1/")) {
            if (!"Google".equals(r.getHeader("Metadata-Flavor"))) {
                return new MockResponse().setResponseCode(403).setBody("Missing Metadata-Flavor:Google header.");
            }
            if (noServiceAccount) {
                return new MockResponse().setResponseCode(404).setBody("Not Found");
            }
            if (path.endsWith("/service-accounts/default/token")) {
                return json(200, "{\"access_token\":\"" + FakeGoogle.TOKEN + "\",\"expires_in\":3599,"
                    + "\"token_type\":\"Bearer\"}").setHeader("Metadata-Flavor", "Google");
            }
            if (path.endsWith("/service-accounts/default/email")) {
                return new MockResponse().setBody("vm@acme-prod.iam.gserviceaccount.com").setHeader("Metadata-Flavor",
                    "Google");
            }
        }
        return new MockResponse().setResponseCode(404).setBody("not served by the stand-in: " + path);
    }

    /** gcloud's application_default_credentials.json after gcloud auth application-default login. */
    public ObjectNode userCredentials() {
        ObjectNode c = Json.object();
        c.put("account", "");
        c.put("client_id", CLIENT_ID);
        c.put("client_secret", CLIENT_SECRET);
        c.put("quota_project_id", "acme-prod");
        c.put("refresh_token", REFRESH_TOKEN);
        c.put("type", "authorized_user");
        c.put("universe_domain", "googleapis.com");
        c.put("token_uri", url("/token"));
        return c;
    }

    /** What gcloud iam workload-identity-pools create-cred-config writes for a file-sourced OIDC token. */
    public ObjectNode externalAccount(String tokenFile, boolean impersonate) {
        ObjectNode c = Json.object();
        c.put("universe_domain", "googleapis.com");
        c.put("type", "external_account");
        c.put("audience", AUDIENCE);
        c.put("subject_token_type", "urn:ietf:params:oauth:token-type:jwt");
        c.put("token_url", "https://sts.googleapis.com/v1/token"); // the library accepts Google's hosts only

        c.putObject("credential_source").put("file", tokenFile).putObject("format").put("type", "text");
        if (impersonate) {
            c.put("service_account_impersonation_url", "https://iamcredentials.googleapis.com/v1/projects/-/"
                + "serviceAccounts/" + TARGET + ":generateAccessToken");
        }
        return c;
    }

    private static Map<String, String> form(String body) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                m.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return m;
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json; charset=UTF-8")
            .setBody(body);
    }
}
