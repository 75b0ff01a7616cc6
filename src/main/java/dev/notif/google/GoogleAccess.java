package dev.notif.google;

import dev.notif.core.Context;
import dev.notif.core.Http;
import dev.notif.core.NotifException;
import dev.notif.core.RetryPolicy;
import dev.notif.core.Urls;
import java.time.Duration;
import okhttp3.OkHttpClient;

/**
 * How notif reaches Google: a service-account key and its tokens, the Pub/Sub and Cloud Monitoring APIs. As Google's
 * own clients do, {@code PUBSUB_EMULATOR_HOST=host:port} sends Pub/Sub calls to the emulator over plain HTTP without
 * credentials; the emulator has no IAM and no Monitoring, so those are skipped.
 */
public final class GoogleAccess {
    public static final String EMULATOR_ENV = "PUBSUB_EMULATOR_HOST";
    public static final String CREDENTIALS_ENV = "GOOGLE_APPLICATION_CREDENTIALS";

    /**
     * What the user passed: the credentials file, the API bases (null for the defaults), and a service account to
     * impersonate (null: none) and where Google's auth hosts are reached instead (tests; null: Google's).
     */
    public record Settings(String credentials, String pubsubBase, String monitoringBase, String resourceManagerBase,
                           String impersonate, String authBase) {
        public Settings(String credentials, String pubsubBase, String monitoringBase, String resourceManagerBase) {
            this(credentials, pubsubBase, monitoringBase, resourceManagerBase, null, null);
        }
    }

    private final GoogleCredential credential;
    private final String emulatorHost;
    private final PubSub pubsub;
    private final Monitoring monitoring;
    private final ResourceManager resourceManager;

    private GoogleAccess(GoogleCredential credential, String emulatorHost, PubSub pubsub, Monitoring monitoring,
                         ResourceManager resourceManager) {
        this.credential = credential;
        this.emulatorHost = emulatorHost;
        this.pubsub = pubsub;
        this.monitoring = monitoring;
        this.resourceManager = resourceManager;
    }

    /**
     * Finds the credentials as Google's tools do ({@link GoogleCredential}; exit 3 when there are none or they are
     * unusable) unless the emulator is in use; no network call yet.
     */
    public static GoogleAccess open(Settings settings, Context ctx, Duration timeout) {
        OkHttpClient client = Http.apiClient(timeout, RetryPolicy.standard(ctx));
        String emulator = ctx.env(EMULATOR_ENV);
        if (emulator != null) {
            String base = settings.pubsubBase() != null ? settings.pubsubBase() : emulatorBase(emulator);
            return new GoogleAccess(null, emulator, new PubSub(new GoogleApi("Pub/Sub emulator", base, client, null)),
                null, null);
        }
        String impersonate = settings.impersonate() != null ? settings.impersonate()
            : ctx.env("CLOUDSDK_AUTH_IMPERSONATE_SERVICE_ACCOUNT");
        GoogleCredential tokens = GoogleCredential.locate(settings.credentials(), ctx, client, impersonate,
            settings.authBase() == null ? null : base("--google-auth-api-base", settings.authBase(), null));
        PubSub pubsub = new PubSub(new GoogleApi("Pub/Sub", base("--pubsub-api-base", settings.pubsubBase(),
            PubSub.DEFAULT_BASE), client, tokens::token));
        Monitoring monitoring = new Monitoring(new GoogleApi("Cloud Monitoring", base("--monitoring-api-base",
            settings.monitoringBase(), Monitoring.DEFAULT_BASE), client, tokens::token));
        ResourceManager resourceManager = new ResourceManager(new GoogleApi("Cloud Resource Manager",
            base("--resourcemanager-api-base", settings.resourceManagerBase(), ResourceManager.DEFAULT_BASE), client,
            tokens::token));
        return new GoogleAccess(tokens, null, pubsub, monitoring, resourceManager);
    }

    private static String base(String option, String value, String fallback) {
        return value == null ? fallback : Urls.http(option, value).toString();
    }

    static String emulatorBase(String hostPort) {
        String v = hostPort.strip();
        if (v.startsWith("http://") || v.startsWith("https://") || v.contains("/") || v.isEmpty()) {
            throw NotifException.usage(EMULATOR_ENV + " must be host:port, got '" + hostPort + "'",
                "for example " + EMULATOR_ENV + "=localhost:8085 (as gcloud beta emulators pubsub env-init prints)");
        }
        return "http://" + v;
    }

    /** Gets a token now: exit 3 when Google refuses the credentials, 4 when it cannot be reached. */
    public void signIn() {
        if (credential != null) {
            credential.token();
        }
    }

    public boolean emulator() {
        return emulatorHost != null;
    }

    /** The credentials, or null with the emulator. */
    public GoogleCredential credential() {
        return credential;
    }

    /** Who makes the calls, for messages: the service account (or user, or federated identity), or the emulator. */
    public String principal() {
        return emulator() ? "the Pub/Sub emulator at " + emulatorHost : credential.principal();
    }

    /** The project when none is given: GOOGLE_CLOUD_PROJECT, else the credentials' project. */
    public String defaultProject(Context ctx) {
        String env = ctx.env("GOOGLE_CLOUD_PROJECT");
        return env != null ? env : credential == null ? null : credential.projectId();
    }

    public PubSub pubsub() {
        return pubsub;
    }

    /** Cloud Resource Manager (project IAM policies), or null with the emulator. */
    public ResourceManager resourceManager() {
        return resourceManager;
    }

    /** Cloud Monitoring, or null with the emulator (it has none). */
    public Monitoring monitoring() {
        return monitoring;
    }
}
