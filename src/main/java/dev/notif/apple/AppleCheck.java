package dev.notif.apple;

import dev.notif.core.Http;
import dev.notif.core.NotifException;
import dev.notif.core.Seconds;
import dev.notif.core.RetryPolicy;
import dev.notif.core.Shared;
import dev.notif.core.Urls;
import dev.notif.output.CheckReport;
import dev.notif.probe.HttpProbe;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * {@code notif check apple}: the inputs checked, the In-App Purchase key loaded (a problem with it is reported as
 * {@code apple.credentials}, not thrown), App Store Connect's view of the app read when a team key is given, then
 * {@link AppleChecker} observes and {@link AppleChecks} judges.
 */
public final class AppleCheck {
    /** A key as given (file, key id, issuer id), each value from its flag or its environment variable. */
    public record Key(String file, String id, String issuer) {
        public boolean given() {
            return file != null || id != null || issuer != null;
        }
    }

    /**
     * What to check. {@code production} and {@code sandbox} are the App Store Server API bases (null: Apple's
     * hosts), {@code ascBase} App Store Connect's; {@code team} may be all null (no team key).
     */
    public record Request(String bundleId, String environment, int days, double waitSeconds, String url, Key iap,
                          Key team, HttpUrl production, HttpUrl sandbox, HttpUrl ascBase) {
    }

    private final Duration timeout;
    private final RetryPolicy retry;
    private final Clock clock;
    private final Shared shared;
    private final Consumer<String> warn;

    /** {@code shared}: the process's, whose Apple tokens and clients serve every app a key signs for. */
    public AppleCheck(Duration timeout, RetryPolicy retry, Clock clock, Shared shared, Consumer<String> warn) {
        this.timeout = timeout;
        this.retry = retry;
        this.clock = clock;
        this.shared = shared;
        this.warn = warn;
    }

    public CheckReport run(Request r) {
        String bundle = AppleInputs.bundleId(r.bundleId(), true);
        if (r.url() != null) {
            Urls.http("--url", r.url());
        }
        if (r.days() < 1 || r.days() > 180) {
            throw NotifException.usage("--days must be between 1 and 180, got " + r.days(),
                "Apple keeps 180 days of notification history; for example --days 7");
        }
        Duration wait = Seconds.bounded("--wait", r.waitSeconds(), true, 600, "60");
        AppleKey key = null;
        NotifException keyProblem = null;
        try {
            key = AppleKey.load(AppleKey.Kind.IAP, "check apple", r.iap().file(), r.iap().id(), r.iap().issuer(),
                shared);
        } catch (NotifException e) {
            keyProblem = e;
        }
        AppleTokens tokens = shared.get(AppleTokens.class, AppleTokens::new);
        AppleChecker.TeamView team = AppleChecker.teamView(!r.team().given() ? null : () -> new AppStoreConnect(
            Http.apiClient(timeout, retry), r.ascBase(), AppleKey.load(AppleKey.Kind.ASC, "check apple",
                r.team().file(), r.team().id(), r.team().issuer(), shared), clock, tokens), bundle);
        if (team.noApp() != null && r.team().given()) {
            warn.accept(team.noApp());
        }
        OkHttpClient api = Http.apiClient(timeout, retry);
        AppleKey iapKey = key;
        var request = new AppleChecks.Request(bundle, AppleEnvironment.parseAll(r.environment()), r.days(),
            wait, r.url());
        var observed = new AppleChecker(env -> new AppStoreServerApi(iapKey, bundle, env,
                env == AppleEnvironment.PRODUCTION ? r.production() : r.sandbox(), api, shared, clock),
            new HttpProbe(Http.client(timeout)), clock, retry)
            .observe(request, key, keyProblem, team);
        return CheckReport.of("apple", bundle, AppleChecks.evaluate(observed));
    }
}
