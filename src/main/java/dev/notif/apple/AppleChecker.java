package dev.notif.apple;

import com.apple.itunes.storekit.model.CheckTestNotificationResponse;
import com.apple.itunes.storekit.model.NotificationHistoryResponse;
import dev.notif.core.NotifException;
import dev.notif.core.Progress;
import dev.notif.core.RetryPolicy;
import dev.notif.probe.HttpProbe;
import dev.notif.probe.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.HttpUrl;

/**
 * Observes what {@code notif check apple} judges ({@link AppleChecks}): in each environment, asks Apple for a test
 * notification and polls its status with backoff until Apple records an attempt or the wait is over; reads every
 * page of the notification history (unless Apple already refused the key); probes each URL once, as Apple would.
 */
public final class AppleChecker {
    /** A bound on history pages (20 notifications each), far beyond what a check needs, against endless paging. */
    static final int MAX_PAGES = 5000;

    private final Function<AppleEnvironment, AppStoreServerApi> apis;
    private final HttpProbe probe;
    private final Clock clock;
    private final RetryPolicy pacing;

    public AppleChecker(Function<AppleEnvironment, AppStoreServerApi> apis, HttpProbe probe, Clock clock,
                        RetryPolicy pacing) {
        this.apis = apis;
        this.probe = probe;
        this.clock = clock;
        this.pacing = pacing;
    }

    /** App Store Connect's view of the app (both URLs), or why there is none. */
    public record TeamView(AppStoreConnect.App app, String noApp) {
    }

    /** Reads the app through the team key; {@code connect} is null when no team key was given. */
    public static TeamView teamView(Supplier<AppStoreConnect> connect, String bundleId) {
        if (connect == null) {
            return new TeamView(null, "set ASC_KEY_FILE, ASC_KEY_ID and ASC_ISSUER_ID (the team key) to see the URL"
                + " itself");
        }
        try {
            AppStoreConnect.App app = connect.get().findApp(bundleId);
            return new TeamView(app, app == null ? "App Store Connect has no app " + bundleId + " for the team key"
                : null);
        } catch (NotifException e) {
            return new TeamView(null, "the team key could not read the app: " + e.getMessage());
        }
    }

    /** One environment's state through the run. */
    private static final class Env {
        final AppleEnvironment env;
        AppStoreServerApi api;
        String token;
        AppStoreServerApi.Failure requestFailure;
        CheckTestNotificationResponse status;
        AppStoreServerApi.Failure statusFailure;
        int polls;

        Env(AppleEnvironment env) {
            this.env = env;
        }
    }

    /** {@code key} null: no usable In-App Purchase key ({@code keyProblem} says why), so nothing is asked of Apple. */
    public AppleChecks.Observations observe(AppleChecks.Request r, AppleKey key, NotifException keyProblem,
                                            TeamView team) {
        List<Env> envs = r.environments().stream().map(Env::new).toList();
        if (key != null) {
            for (Env e : envs) {
                e.api = apis.apply(e.env);
                requestTest(e);
            }
            poll(envs, r.patience());
        }
        boolean sandboxAccepts = envs.stream().anyMatch(e -> AppleChecks.sandboxAccepts(e.env, e.token,
            e.requestFailure));
        List<Env> judged = envs.stream().filter(e -> !AppleChecks.unreleased(e.env, e.requestFailure, sandboxAccepts))
            .toList(); // an app with no production release: production's 401 is not a refused key
        boolean rejected = judged.stream().anyMatch(e -> credentials(e.requestFailure) || credentials(e.statusFailure));
        Map<String, Outcome> probed = new HashMap<>();
        List<AppleChecks.EnvObservation> observed = new ArrayList<>();
        for (Env e : envs) {
            AppleChecks.HistoryObservation history = null;
            if (e.api != null && !rejected && judged.contains(e)) {
                history = history(e, r.days());
                rejected = credentials(history.failure());
            }
            String url = url(e.env, r, team.app());
            observed.add(new AppleChecks.EnvObservation(e.env, e.token, e.requestFailure, e.status, e.statusFailure,
                e.polls, history, url, probe(url, probed)));
        }
        return new AppleChecks.Observations(r, key == null ? null : key.keyId(), key == null ? null : key.issuerId(),
            keyProblem, team.app(), team.noApp(), observed);
    }

    private static boolean credentials(AppStoreServerApi.Failure f) {
        return f != null && f.credentials();
    }

    private void requestTest(Env e) {
        try {
            e.token = e.api.requestTestNotification();
        } catch (AppStoreServerApi.Failure f) {
            e.requestFailure = f;
        }
    }

    /** Polls each environment's test notification, with backoff, until Apple records an attempt or the wait is over. */
    private void poll(List<Env> envs, Duration wait) {
        Instant deadline = clock.instant().plus(wait);
        List<Env> pending = new ArrayList<>(envs.stream().filter(e -> e.token != null).toList());
        if (pending.isEmpty()) {
            return;
        }
        String where = String.join(" and ", pending.stream().map(e -> e.env.word()).toList());
        try (Progress.Wait shown = pacing.progress().waiting("Apple to try its test notification (" + where + ")",
            wait)) {
            poll(pending, deadline);
        }
    }

    private void poll(List<Env> pending, Instant deadline) {
        for (int round = 1; !pending.isEmpty(); round++) {
            for (Env e : List.copyOf(pending)) {
                e.polls++;
                try {
                    CheckTestNotificationResponse s = e.api.testNotificationStatus(e.token);
                    e.status = s;
                    if (s.getSendAttempts() != null && !s.getSendAttempts().isEmpty()) {
                        pending.remove(e);
                    }
                } catch (AppStoreServerApi.Failure f) {
                    if (!f.is(AppStoreServerApi.TEST_NOTIFICATION_NOT_FOUND)) { // not yet known to Apple: ask again
                        e.statusFailure = f;
                        pending.remove(e);
                    }
                }
            }
            Duration pause = pacing.delay(round, null);
            if (pending.isEmpty() || clock.instant().plus(pause).isAfter(deadline)) {
                return;
            }
            sleep(pause);
        }
    }

    /** Every page of the last {@code days} days, folded as it is read. */
    private AppleChecks.HistoryObservation history(Env e, int days) {
        Instant end = clock.instant();
        Instant start = end.minus(Duration.ofDays(days));
        AppleChecks.History h = new AppleChecks.History();
        String token = null;
        int pages = 0;
        try {
            do {
                NotificationHistoryResponse page = e.api.history(start.toEpochMilli(), end.toEpochMilli(), token);
                pages++;
                if (page.getNotificationHistory() != null) {
                    page.getNotificationHistory().forEach(h::add);
                }
                token = Boolean.TRUE.equals(page.getHasMore()) ? page.getPaginationToken() : null;
            } while (token != null && pages < MAX_PAGES);
        } catch (AppStoreServerApi.Failure f) {
            return new AppleChecks.HistoryObservation(null, pages, false, f);
        }
        return new AppleChecks.HistoryObservation(h, pages, token != null, null);
    }

    /** The URL to probe: --url, or the one App Store Connect has for the environment; null when neither. */
    private static String url(AppleEnvironment env, AppleChecks.Request r, AppStoreConnect.App app) {
        if (r.url() != null) {
            return r.url();
        }
        AppStoreConnect.Endpoint endpoint = app == null ? null : app.endpoint(env);
        return endpoint == null || !endpoint.configured() ? null : endpoint.url();
    }

    /** Probes an https URL on an allowed port, once per URL; null when its form already rules it out. */
    private Outcome probe(String url, Map<String, Outcome> probed) {
        HttpUrl u = url == null ? null : HttpUrl.parse(url);
        if (u == null || !u.isHttps() || AppleInputs.portProblem(u) != null) {
            return null;
        }
        return probed.computeIfAbsent(url, x -> probe.post(x, Map.of(), "{}".getBytes(StandardCharsets.UTF_8),
            AppleNotificationBuilder.Notification.CONTENT_TYPE));
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
