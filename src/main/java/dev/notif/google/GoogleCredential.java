package dev.notif.google;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.api.client.http.HttpResponseException;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.ComputeEngineCredentials;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ImpersonatedCredentials;
import dev.notif.core.Context;
import dev.notif.core.Inputs;
import dev.notif.core.Json;
import dev.notif.core.Leases;
import dev.notif.core.NotifException;
import dev.notif.core.Secrets;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Google credentials found the way Google's own tools find them (Application Default Credentials), through
 * google-auth-library on notif's HTTP client: {@code --credentials FILE}, else {@code GOOGLE_APPLICATION_CREDENTIALS},
 * else gcloud's {@code application_default_credentials.json}, else the metadata server (on Google Cloud, or where
 * {@code GCE_METADATA_HOST} points). A file may hold a service-account key, gcloud user credentials, a workload identity
 * federation configuration ({@code external_account}, e.g. GitHub Actions OIDC) or an impersonation configuration;
 * {@code --impersonate-service-account} impersonates a service account with any of them. Each refusal says what to do
 * for that kind of credential.
 * <p>A run over notif.toml checks many stores with the same credentials in one process: a credentials file is parsed
 * once for each content it has (it is read again by every store, so an edited or unreadable file is seen, and its
 * errors are each store's), and one access token per service account (or credentials), scope and token endpoint
 * serves them all until google-auth-library would refresh it ({@link Tokens}).
 */
public final class GoogleCredential {
    public static final String SCOPE = "https://www.googleapis.com/auth/cloud-platform";
    static final String SERVICE_ACCOUNT = "service_account";
    static final String USER = "authorized_user";
    static final String EXTERNAL = "external_account";
    static final String IMPERSONATED = "impersonated_service_account";
    static final String METADATA = "metadata_server";
    private static final String KINDS = " (a service-account key, gcloud user credentials or a workload identity"
        + " federation configuration), ";
    private static final String OR_ADC = "run gcloud auth application-default login, or run on Google Cloud (the"
        + " metadata server)";

    /** The ways to give credentials: the options and variable, or notif.toml's key in a run over the file. */
    static String adcWays() {
        Inputs.File f = Inputs.file();
        return f != null ? "give credentials = \"PATH\" in " + f.table() + KINDS + OR_ADC
            : "pass --credentials FILE" + KINDS + "set " + GoogleAccess.CREDENTIALS_ENV + ", " + OR_ADC;
    }
    private static final Pattern IMPERSONATION_URL = Pattern.compile("serviceAccounts/([^/:]+):generateAccessToken");

    private final GoogleCredentials credentials;
    private final Tokens tokens;
    private final TokenKey tokenKey;
    private final Clock clock;
    private final String type;
    private final String origin;
    private final ServiceAccountKey key;
    private final String account;
    private final String projectId;
    private final String impersonating;

    private GoogleCredential(GoogleCredentials credentials, TokenKey tokenKey, Context ctx, String type, String origin,
                             ServiceAccountKey key, String account, String projectId, String impersonating) {
        this.credentials = credentials;
        this.tokens = ctx.shared(Tokens.class, Tokens::new);
        this.tokenKey = tokenKey;
        this.clock = ctx.clock();
        this.type = type;
        this.origin = origin;
        this.key = key;
        this.account = account;
        this.projectId = projectId;
        this.impersonating = impersonating;
    }

    /**
     * Finds the credentials (exit 3 when there are none or the file is unusable); no network call yet.
     * {@code impersonate}: a service account to impersonate (null: none); {@code authBase}: where the requests for
     * Google's token, STS and IAM Credentials hosts go instead (tests and stand-ins; null: Google's).
     */
    public static GoogleCredential locate(String option, Context ctx, OkHttpClient client, String impersonate,
                                          String authBase) {
        OkHttpTransport transport = new OkHttpTransport(client, ctx.env("GCE_METADATA_HOST"),
            authBase == null ? null : HttpUrl.get(authBase));
        GoogleCredential found = find(option, ctx, transport);
        if (impersonate == null) {
            return found;
        }
        ImpersonatedCredentials impersonated = ImpersonatedCredentials.newBuilder()
            .setSourceCredentials(found.credentials).setTargetPrincipal(impersonate).setScopes(List.of(SCOPE))
            .setLifetime(3600).setHttpTransportFactory(() -> transport).build();
        TokenKey key = new TokenKey(found.tokenKey.identity() + " impersonating " + impersonate, SCOPE,
            found.tokenKey.endpoint());
        return new GoogleCredential(impersonated, key, ctx, IMPERSONATED, found.origin + ", impersonating "
            + impersonate, null, impersonate, found.projectId, found.principal());
    }

    private static GoogleCredential find(String option, Context ctx, OkHttpTransport transport) {
        if (option != null) {
            return file(Path.of(option), "--credentials " + option, transport, ctx);
        }
        String env = ctx.env(GoogleAccess.CREDENTIALS_ENV);
        if (env != null) {
            return file(Path.of(env), GoogleAccess.CREDENTIALS_ENV + "=" + env, transport, ctx);
        }
        Path gcloud = gcloudFile(ctx);
        if (gcloud != null && Files.isRegularFile(gcloud)) {
            return file(gcloud, "gcloud's application default credentials " + gcloud, transport, ctx);
        }
        if (ctx.env("GCE_METADATA_HOST") != null || onGoogleCloud()) {
            ComputeEngineCredentials metadata = ComputeEngineCredentials.newBuilder().setHttpTransportFactory(() -> transport)
                .setScopes(List.of(SCOPE)).build();
            String where = ctx.env("GCE_METADATA_HOST") != null ? ctx.env("GCE_METADATA_HOST") : "metadata.google.internal";
            return new GoogleCredential(metadata, new TokenKey(METADATA, SCOPE, transport.routes()), ctx, METADATA,
                "the metadata server at " + where, null, null, ctx.env("GOOGLE_CLOUD_PROJECT"), null);
        }
        throw NotifException.credentials("no Google credentials: no " + (Inputs.file() != null
            ? Inputs.missing("--credentials", null) : "--credentials, no " + GoogleAccess.CREDENTIALS_ENV)
            + ", no gcloud application default credentials" + (gcloud == null ? "" : " (" + gcloud + ")")
            + " and no metadata server", adcWays());
    }

    /** gcloud's ADC file: {@code $CLOUDSDK_CONFIG/application_default_credentials.json} or under ~/.config/gcloud. */
    static Path gcloudFile(Context ctx) {
        String config = ctx.env("CLOUDSDK_CONFIG");
        if (config != null) {
            return Path.of(config, "application_default_credentials.json");
        }
        String appData = ctx.env("APPDATA");
        if (appData != null && System.getProperty("os.name", "").startsWith("Windows")) {
            return Path.of(appData, "gcloud", "application_default_credentials.json");
        }
        String home = ctx.env("HOME");
        return home == null ? null : Path.of(home, ".config", "gcloud", "application_default_credentials.json");
    }

    /** What Google's libraries look at before asking a metadata server: the machine's product name. */
    private static boolean onGoogleCloud() {
        try {
            Path product = Path.of("/sys/class/dmi/id/product_name");
            return Files.isReadable(product) && Files.readString(product).contains("Google");
        } catch (IOException e) {
            return false;
        }
    }

    private static GoogleCredential file(Path file, String origin, OkHttpTransport transport, Context ctx) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw NotifException.credentials("cannot read the Google credentials file " + file + ": "
                + (Files.exists(file) ? e.getMessage() : "no such file"), "check the path and its permissions; "
                + adcWays());
        }
        Parsed p = ctx.shared(Tokens.class, Tokens::new).parsed(new FileKey(text, transport.routes()),
            () -> parse(text, file, transport));
        return new GoogleCredential(p.credentials(), p.tokenKey(), ctx, p.type(), origin, p.key(), p.account(),
            p.projectId(), null);
    }

    /** A credentials file's content as google-auth-library takes it, with what notif reads of it itself. */
    private record Parsed(GoogleCredentials credentials, TokenKey tokenKey, String type, ServiceAccountKey key,
                          String account, String projectId) {
    }

    private static Parsed parse(String text, Path file, OkHttpTransport transport) {
        JsonNode json = Json.parseOrNull(text);
        if (json == null || !json.isObject()) {
            throw NotifException.credentials(file + " is not a Google credentials file (JSON)", adcWays());
        }
        String type = Json.text(json, "type");
        ServiceAccountKey key = SERVICE_ACCOUNT.equals(type) ? ServiceAccountKey.parse(text, file) : null;
        GoogleCredentials credentials;
        try {
            credentials = GoogleCredentials.fromStream(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                () -> transport).createScoped(List.of(SCOPE));
        } catch (IOException | RuntimeException e) {
            throw NotifException.credentials(file + " is not credentials Google's libraries accept" + (type == null
                ? " (it has no \"type\")" : " (type " + type + "): " + Secrets.scrub(String.valueOf(e.getMessage()))),
                adcWays());
        }
        String account = switch (type) {
            case SERVICE_ACCOUNT -> key.clientEmail();
            case EXTERNAL, IMPERSONATED -> impersonated(Json.text(json, "service_account_impersonation_url"));
            default -> null;
        };
        String project = key != null ? key.projectId() : Json.text(json, "quota_project_id");
        // one token per service account and token endpoint; for other kinds, per content of the file
        TokenKey tokenKey = key != null
            ? new TokenKey(SERVICE_ACCOUNT + " " + key.clientEmail() + " " + key.privateKeyId() + " "
                + Secrets.fingerprint(key.privateKey().getEncoded()), SCOPE, transport.route(key.tokenUri()))
            : new TokenKey(type + " " + Secrets.fingerprint(text.getBytes(StandardCharsets.UTF_8)), SCOPE,
                transport.routes());
        return new Parsed(credentials, tokenKey, type, key, account, project);
    }

    private static String impersonated(String url) {
        Matcher m = url == null ? null : IMPERSONATION_URL.matcher(url);
        return m != null && m.find() ? m.group(1) : null;
    }

    /** service_account, authorized_user, external_account, impersonated_service_account or metadata_server. */
    public String type() {
        return type;
    }

    /** Where the credentials came from, for messages. */
    public String origin() {
        return origin;
    }

    /** The service account the calls are made as, when known (not for gcloud user credentials, nor a federated identity). */
    public String account() {
        return account;
    }

    /** The project the credentials belong to (the key's, or the gcloud quota project), or null. */
    public String projectId() {
        return projectId;
    }

    /** The service-account key, or null for other kinds of credentials. */
    public ServiceAccountKey key() {
        return key;
    }

    /** Who makes the calls, for messages. */
    public String principal() {
        if (account != null) {
            return account;
        }
        return switch (type) {
            case USER -> "the gcloud user of " + origin;
            case EXTERNAL -> "the federated identity of " + origin;
            case METADATA -> "the service account of " + origin;
            default -> origin;
        };
    }

    /**
     * An access token: the process's for these credentials, or a new one when that one is about to expire; exit 3
     * when refused, 4 when Google cannot be reached (a failure is each caller's, in its words; none is kept).
     */
    public String token() {
        try {
            return tokens.leases.get(tokenKey, clock, this::fetch);
        } catch (Refused r) {
            throw explain(r.failure);
        }
    }

    private Leases.Lease<String> fetch() {
        Instant asked = clock.instant();
        try {
            AccessToken token = credentials.refreshAccessToken();
            // the library dates the expiry by the system clock: what is left of it, counted from before the request
            // on notif's clock (null: it does not expire, as the library takes it too)
            Date expiry = token.getExpirationTime();
            return new Leases.Lease<>(Secrets.remember(token.getTokenValue()), // redacted wherever it is quoted
                expiry == null ? null : asked.plusMillis(expiry.getTime() - System.currentTimeMillis()));
        } catch (IOException | RuntimeException e) {
            throw new Refused(e);
        }
    }

    /** Where a token comes from: the credentials (service account, or the file), the scope and the token endpoint. */
    record TokenKey(String identity, String scope, String endpoint) {
    }

    private record FileKey(String text, String routes) {
    }

    /** A token request that failed, carried to every caller that waited for it (each explains it in its own words). */
    private static final class Refused extends RuntimeException {
        private final Exception failure;

        Refused(Exception failure) {
            super(null, null, false, false);
            this.failure = failure;
        }
    }

    /**
     * The process's Google tokens, reused until google-auth-library would start refreshing them (its refresh margin,
     * 3 min 45 s before the expiry), and its parsed credentials files by content.
     */
    static final class Tokens {
        static final Duration REFRESH_MARGIN = Duration.ofMinutes(3).plusSeconds(45);
        final Leases<TokenKey, String> leases = new Leases<>(REFRESH_MARGIN);
        private final Map<FileKey, Parsed> files = new ConcurrentHashMap<>();

        /** Parsed once: stores that ask meanwhile wait for it; a refusal is thrown to the store and not kept. */
        private Parsed parsed(FileKey key, java.util.function.Supplier<Parsed> parse) {
            return files.computeIfAbsent(key, k -> parse.get());
        }
    }

    /** The failure, with the fix for this kind of credential. */
    NotifException explain(Exception e) {
        HttpResponseException http = null;
        Throwable network = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpResponseException h && http == null) {
                http = h;
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof InterruptedIOException) {
                network = t;
            }
        }
        String detail = Secrets.scrub(String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        if (http == null && METADATA.equals(type) && detail.matches("(?s).*Error code \\d+ trying to get security.*")) {
            boolean none = detail.contains("Error code 404");
            return NotifException.credentials("the metadata server gave no token: " + detail, none
                ? "this instance or workload has no service account attached: attach one, or " + adcWays()
                : "check the service account attached to this instance or workload and its access scopes");
        }
        if (http == null) {
            if (network != null || e.getMessage() != null && e.getMessage().contains("Unexpected Error code")) {
                if (METADATA.equals(type)) {
                    return NotifException.credentials("no metadata server answered at " + origin.substring(
                        "the metadata server at ".length()) + ": " + Secrets.scrub(String.valueOf(network)),
                        "outside Google Cloud there is none: " + adcWays());
                }
                return NotifException.unavailable("cannot reach Google's token service for " + principal() + ": "
                    + Secrets.scrub(String.valueOf(network != null ? network.getMessage() : detail)),
                    "check the network and proxy settings, then retry", e);
            }
            String hint = EXTERNAL.equals(type) ? "the credential source of " + origin + " gave no subject token:"
                + " in GitHub Actions the google-github-actions/auth step writes it (the job needs permissions:"
                + " id-token: write); elsewhere check credential_source in the file" : adcWays();
            return NotifException.credentials("Google credentials from " + origin + " are not usable: " + detail, hint);
        }
        int status = http.getStatusCode();
        JsonNode body = Json.parseOrNull(http.getContent());
        if (status >= 500 || status == 429) {
            return NotifException.unavailable("Google's token service kept failing for " + principal() + " (HTTP "
                + status + ")", "retry in a few minutes; see https://status.cloud.google.com", e);
        }
        String said = said(status, body);
        boolean iam = String.valueOf(http.getMessage()).contains(":generateAccessToken");
        if (iam || IMPERSONATED.equals(type) && impersonating != null) {
            String source = impersonating != null ? impersonating : "the source credentials";
            return NotifException.credentials("Google refused to let " + source + " impersonate " + account + " ("
                + said + ")", status == 404 ? "the service account " + account + " does not exist: check its e-mail"
                : "grant roles/iam.serviceAccountTokenCreator on " + account + " to " + source + ": gcloud iam"
                    + " service-accounts add-iam-policy-binding " + account + " --member=... --role="
                    + "roles/iam.serviceAccountTokenCreator" + (EXTERNAL.equals(type) ? " (for a workload identity"
                    + " pool: roles/iam.workloadIdentityUser to the pool's principal)" : ""));
        }
        return switch (type) {
            case SERVICE_ACCOUNT -> refused(key, status, body);
            case USER -> NotifException.credentials("Google refused the gcloud user credentials of " + origin + " ("
                + said + ")", "they expired or were revoked: run gcloud auth application-default login");
            case EXTERNAL -> NotifException.credentials("Google's Security Token Service refused the subject token of "
                + origin + " (" + said + ")", "check the workload identity pool provider's issuer, allowed audiences"
                + " and attribute condition against the token the credential source gives (GitHub Actions: the"
                + " job's repository and the provider's attribute condition), and the audience in the file");
            case METADATA -> NotifException.credentials("the metadata server gave no token (" + said + ")",
                status == 404 ? "this instance or workload has no service account attached: attach one, or " + adcWays()
                    : "check the service account attached to this instance or workload");
            default -> NotifException.credentials("Google refused the credentials of " + origin + " (" + said + ")",
                adcWays());
        };
    }

    private static String said(int status, JsonNode body) {
        if (body == null) {
            return "HTTP " + status;
        }
        JsonNode error = body.get("error");
        if (error != null && error.isObject()) { // google.rpc.Status
            return Json.text(error, "status") + ": " + Json.text(error, "message");
        }
        String e = Json.text(body, "error");
        String d = Json.text(body, "error_description");
        return (e == null ? "HTTP " + status : e) + (d == null ? "" : ": " + d);
    }

    /** Why Google refused the assertion, in words that name the fix. */
    static NotifException refused(ServiceAccountKey key, int status, JsonNode json) {
        String error = Json.text(json, "error");
        String description = Json.text(json, "error_description");
        String said = (error == null ? "HTTP " + status : error) + (description == null ? "" : ": " + description);
        String lower = said.toLowerCase(Locale.ROOT);
        String account = key.clientEmail();
        String hint;
        if (lower.contains("invalid jwt signature")) {
            hint = "the key " + key.privateKeyId() + " was deleted or rotated; create a new key for " + account;
        } else if (lower.contains("reasonable timeframe") || lower.contains("iat and exp")) {
            hint = "this machine's clock is off; sync it (NTP) and retry";
        } else if (lower.contains("disabled")) {
            hint = "the service account " + account + " is disabled; enable it in IAM & Admin > Service accounts";
        } else if (lower.contains("not found") || lower.contains("invalid_client")) {
            hint = "the service account " + account + " was deleted; create a new account and key";
        } else {
            hint = "check that the key of " + account + " is current (IAM & Admin > Service accounts > Keys)";
        }
        return NotifException.credentials("Google refused the service-account key of " + account + " (" + said + ")", hint);
    }
}
