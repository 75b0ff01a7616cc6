package dev.notif.apple;

import com.apple.itunes.storekit.model.CheckTestNotificationResponse;
import com.apple.itunes.storekit.model.NotificationHistoryResponse;
import com.apple.itunes.storekit.model.NotificationHistoryResponseItem;
import com.apple.itunes.storekit.model.SendAttemptItem;
import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.core.ExitCode;
import dev.notif.core.Json;
import dev.notif.core.NotifException;
import dev.notif.core.RetryPolicy;
import dev.notif.core.Secrets;
import dev.notif.core.Urls;
import dev.notif.output.Check;
import dev.notif.output.CheckReport;
import dev.notif.probe.HttpProbe;
import dev.notif.probe.NetworkVerdicts;
import dev.notif.probe.Outcome;
import dev.notif.probe.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import okhttp3.HttpUrl;

/**
 * {@code check apple}: every check of the contract, for each environment asked for (production and sandbox are
 * separate: own URL, own test notification, own history), each finding naming its environment. One failing check
 * never stops the others; when the key is missing or rejected, or Apple cannot be reached, the report is still
 * whole and the exit code says why (3, 4).
 */
public final class AppleChecks {
    static final String CREDENTIALS = "apple.credentials";
    static final String URL_CONFIGURED = "apple.url.configured";
    static final String TEST_DELIVERED = "apple.test.delivered";
    static final String HISTORY = "apple.history";
    static final String REACHABLE = "apple.endpoint.reachable";
    /** Never-delivered notifications listed in details; the count covers them all. */
    static final int LISTED = 10;
    /** A bound on history pages (20 notifications each), far beyond what a check needs, against endless paging. */
    static final int MAX_PAGES = 5000;

    private final Function<AppleEnvironment, AppStoreServerApi> apis;
    private final AppleKey key;
    private final NotifException keyProblem;
    private final AppStoreConnect.App app;
    private final String noApp;
    private final HttpProbe probe;
    private final Clock clock;
    private final RetryPolicy pacing;
    private int exitCode = -1;
    private String rejected;

    /**
     * {@code key} is null when there is no usable In-App Purchase key, and {@code keyProblem} says why. {@code app}
     * (App Store Connect's view of the app, with both URLs) is null when there is no team key; {@code noApp} says why.
     */
    public AppleChecks(Function<AppleEnvironment, AppStoreServerApi> apis, AppleKey key, NotifException keyProblem,
                       AppStoreConnect.App app, String noApp, HttpProbe probe, Clock clock, RetryPolicy pacing) {
        this.apis = apis;
        this.key = key;
        this.keyProblem = keyProblem;
        this.app = app;
        this.noApp = noApp;
        this.probe = probe;
        this.clock = clock;
        this.pacing = pacing;
    }

    /** What to check. {@code url} (may be null) is the receiver's URL; {@code patience} bounds the polling. */
    public record Request(String bundleId, List<AppleEnvironment> environments, int days, Duration patience, String url) {
    }

    /** One environment's state through the run. */
    private static final class Env {
        final AppleEnvironment env;
        AppStoreServerApi api;
        String token;
        Check configured;
        AppStoreServerApi.Failure requestFailure;
        CheckTestNotificationResponse status;
        AppStoreServerApi.Failure statusFailure;
        int polls;

        Env(AppleEnvironment env) {
            this.env = env;
        }
    }

    public CheckReport run(Request r) {
        List<Env> envs = r.environments().stream().map(Env::new).toList();
        if (keyProblem != null) {
            exitWith(keyProblem.exitCode());
        }
        if (key != null) {
            for (Env e : envs) {
                e.api = apis.apply(e.env);
                requestTest(e);
            }
            poll(envs, r.patience());
        }
        List<Check> checks = new ArrayList<>();
        List<Check> rest = new ArrayList<>();
        Map<String, Outcome> probed = new HashMap<>();
        for (Env e : envs) {
            rest.add(configured(e, r));
            rest.add(delivered(e, r.patience()));
            rest.add(history(e, r.days()));
            rest.add(reachable(e.env, url(e.env, r), probed));
        }
        checks.add(credentials(envs, r.bundleId()));
        checks.addAll(rest);
        CheckReport report = CheckReport.of("apple", r.bundleId(), checks);
        return exitCode >= 0 ? report.exitingWith(exitCode) : report;
    }

    private void requestTest(Env e) {
        try {
            e.token = e.api.requestTestNotification();
        } catch (AppStoreServerApi.Failure f) {
            e.requestFailure = f;
            noteFailure(f);
        }
    }

    /** Polls each environment's test notification, with backoff, until Apple records an attempt or the wait is over. */
    private void poll(List<Env> envs, Duration wait) {
        Instant deadline = clock.instant().plus(wait);
        List<Env> pending = new ArrayList<>(envs.stream().filter(e -> e.token != null).toList());
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
                        noteFailure(f);
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

    private Check credentials(List<Env> envs, String bundleId) {
        if (keyProblem != null) {
            return Check.fail(CREDENTIALS, Secrets.scrub(keyProblem.getMessage()), Secrets.scrub(keyProblem.hint()))
                .detail("key", AppleKey.Kind.IAP.label());
        }
        if (rejected != null) {
            return Check.fail(CREDENTIALS, "Apple rejected the In-App Purchase key " + key.keyId() + " for " + bundleId
                    + " (" + rejected + ")", "check that " + AppleKey.Kind.IAP.idEnv() + ", "
                    + AppleKey.Kind.IAP.issuerEnv()
                    + " and the bundle id belong to the .p8 file's team and that the key is active; "
                    + AppleKey.Kind.IAP.where())
                .detail("key_id", key.keyId()).detail("issuer_id", key.issuerId());
        }
        boolean answered = envs.stream().anyMatch(e -> e.token != null || e.requestFailure != null
            && e.requestFailure.status() >= 400 && e.requestFailure.status() < 500);
        if (!answered) {
            return Check.skip(CREDENTIALS, "the In-App Purchase key " + key.keyId() + " is well-formed, but Apple could"
                + " not be asked whether it accepts it (see below)");
        }
        return Check.pass(CREDENTIALS, "Apple accepts the In-App Purchase key " + key.keyId() + " for " + bundleId)
            .detail("key_id", key.keyId()).detail("issuer_id", key.issuerId());
    }

    private Check configured(Env e, Request r) {
        String where = e.env.word() + ": ";
        AppStoreConnect.Endpoint endpoint = app == null ? null : app.endpoint(e.env);
        String setup = "notif setup apple --bundle-id " + r.bundleId() + " --url " + (r.url() == null ? "URL" : r.url())
            + " (or App Store Connect > the app > App Information > App Store Server Notifications > "
            + (e.env == AppleEnvironment.PRODUCTION ? "Production" : "Sandbox") + " Server URL)";
        boolean apiSaysNone = e.requestFailure != null && e.requestFailure.is(AppStoreServerApi.URL_NOT_FOUND);
        if (apiSaysNone || endpoint != null && !endpoint.configured()) {
            return Check.fail(URL_CONFIGURED, where + "no App Store Server Notifications URL is set: Apple sends this"
                    + " environment's notifications nowhere"
                    + (apiSaysNone ? " (App Store Server API error 4040007)" : ""),
                    setup)
                .detail("environment", e.env.word()).detail("url", null);
        }
        if (endpoint != null) {
            Check c;
            if (r.url() != null && !Urls.normalize(r.url()).equals(Urls.normalize(endpoint.url()))) {
                c = Check.fail(URL_CONFIGURED, where + "the URL is " + endpoint.url() + ", not " + r.url(), setup);
            } else if ("V1".equals(endpoint.version())) {
                c = Check.warn(URL_CONFIGURED, where + endpoint.url() + " receives version 1 notifications, which Apple"
                    + " has deprecated (unsigned, fewer types)", "once the receiver handles V2: notif setup apple"
                    + " --bundle-id " + r.bundleId() + " --url " + endpoint.url() + " --version V2");
            } else {
                c = Check.pass(URL_CONFIGURED, where + endpoint.url() + " (" + (endpoint.version() == null ? "version not"
                    + " set" : endpoint.version()) + ")");
            }
            return c.detail("environment", e.env.word()).detail("url", endpoint.url())
                .detail("version", endpoint.version());
        }
        if (e.token != null) {
            return Check.pass(URL_CONFIGURED, where + "a URL is set (Apple accepted a test notification request); "
                    + noApp)
                .detail("environment", e.env.word()).detail("url", null);
        }
        return Check.skip(URL_CONFIGURED, where + (key == null ? "no usable In-App Purchase key (see "
                + CREDENTIALS + ") and " + noApp : failureText(e.requestFailure)))
            .detail("environment", e.env.word());
    }

    private Check delivered(Env e, Duration wait) {
        String where = e.env.word() + ": ";
        if (e.token == null) {
            String why = key == null ? "no usable In-App Purchase key (see " + CREDENTIALS + ")"
                : e.requestFailure.is(AppStoreServerApi.URL_NOT_FOUND) ? "no URL to send to (see " + URL_CONFIGURED + ")"
                : failureText(e.requestFailure);
            return Check.skip(TEST_DELIVERED, where + why).detail("environment", e.env.word());
        }
        List<SendAttemptItem> attempts = e.status == null || e.status.getSendAttempts() == null ? List.of()
            : e.status.getSendAttempts();
        List<Map<String, Object>> listed = new ArrayList<>();
        for (SendAttemptItem a : attempts) {
            String result = a.getRawSendAttemptResult();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("attempt_date", time(a.getAttemptDate()));
            m.put("result", result);
            m.put("meaning", AppleSendAttempts.of(result).meaning());
            listed.add(m);
        }
        Check c;
        if (attempts.isEmpty()) {
            if (e.statusFailure != null) {
                c = Check.skip(TEST_DELIVERED, where + "Apple accepted the test request but its status could not be"
                    + " read: " + failureText(e.statusFailure));
            } else {
                c = Check.warn(TEST_DELIVERED, where + "Apple recorded no delivery attempt within " + seconds(wait)
                    + " (" + e.polls + " status reads)", "run again with a longer --wait; Apple usually tries within"
                    + " seconds, so an empty status for minutes means its queue is slow or the request was lost");
            }
        } else {
            SendAttemptItem last = attempts.get(attempts.size() - 1);
            String result = last.getRawSendAttemptResult();
            AppleSendAttempts.Meaning meaning = AppleSendAttempts.of(result);
            if (AppleSendAttempts.success(result)) {
                c = Check.pass(TEST_DELIVERED, where + "Apple delivered a test notification at "
                    + time(last.getAttemptDate()) + (attempts.size() > 1 ? " after " + (attempts.size() - 1)
                    + " failed attempt(s)" : ""));
            } else {
                c = Check.fail(TEST_DELIVERED, where + "Apple could not deliver the test notification: " + result + ", "
                    + meaning.meaning(), meaning.fix());
            }
        }
        return c.detail("environment", e.env.word()).detail("attempts", listed)
            .detail("test_notification_token", e.token);
    }

    private Check history(Env e, int days) {
        String where = e.env.word() + ": ";
        if (e.api == null) {
            return Check.skip(HISTORY, where + "no usable In-App Purchase key (see " + CREDENTIALS + ")")
                .detail("environment", e.env.word());
        }
        if (rejected != null) {
            return Check.skip(HISTORY, where + "the key was rejected (see " + CREDENTIALS + ")")
                .detail("environment", e.env.word());
        }
        Instant end = clock.instant();
        Instant start = end.minus(Duration.ofDays(days));
        History h = new History();
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
            noteFailure(f);
            return Check.skip(HISTORY, where + failureText(f)).detail("environment", e.env.word());
        }
        return h.check(where, e.env, days).detail("pages", pages).detail("truncated", token != null);
    }

    /** What the history pages add up to. */
    private static final class History {
        int notifications;
        int delivered;
        Long lastDelivered;
        final Map<String, Integer> failures = new TreeMap<>();
        final List<Map<String, Object>> undelivered = new ArrayList<>();
        int undeliveredCount;
        final Map<String, Integer> lastResults = new HashMap<>();

        void add(NotificationHistoryResponseItem item) {
            notifications++;
            List<SendAttemptItem> attempts = item.getSendAttempts() == null ? List.of() : item.getSendAttempts();
            boolean ok = false;
            for (SendAttemptItem a : attempts) {
                String result = a.getRawSendAttemptResult();
                if (AppleSendAttempts.success(result)) {
                    ok = true;
                    if (a.getAttemptDate() != null && (lastDelivered == null || a.getAttemptDate() > lastDelivered)) {
                        lastDelivered = a.getAttemptDate();
                    }
                } else {
                    failures.merge(String.valueOf(result), 1, Integer::sum);
                }
            }
            if (ok) {
                delivered++;
                return;
            }
            undeliveredCount++;
            String last = attempts.isEmpty() ? null : attempts.get(attempts.size() - 1).getRawSendAttemptResult();
            if (last != null) {
                lastResults.merge(last, 1, Integer::sum);
            }
            if (undelivered.size() < LISTED) {
                JsonNode payload = Jws.payloadOrNull(item.getSignedPayload());
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("notification_uuid", Json.text(payload, "notificationUUID"));
                m.put("notification_type", Json.text(payload, "notificationType"));
                m.put("subtype", Json.text(payload, "subtype"));
                m.put("first_attempt_at", attempts.isEmpty() ? null : time(attempts.get(0).getAttemptDate()));
                m.put("last_result", last);
                undelivered.add(m);
            }
        }

        Check check(String where, AppleEnvironment env, int days) {
            Check c;
            int failed = failures.values().stream().mapToInt(Integer::intValue).sum();
            if (notifications == 0) {
                String summary = where + "no notifications in the last " + days + " days";
                c = env == AppleEnvironment.PRODUCTION
                    ? Check.warn(HISTORY, summary, "if the app sold or renewed anything in that time, Apple had no URL"
                        + " to send to (see " + URL_CONFIGURED + ")")
                    : Check.pass(HISTORY, summary + " (sandbox notifications follow sandbox purchases)");
            } else if (undeliveredCount > 0) {
                String top = lastResults.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                    .orElse(null);
                AppleSendAttempts.Meaning m = AppleSendAttempts.of(top);
                c = Check.fail(HISTORY, where + undeliveredCount + " of " + notifications + " notifications of the last "
                    + days + " days not delivered (yet)" + (top == null ? "" : "; most ended with " + top + ": "
                    + m.meaning()), top == null ? "look at the receiver's logs" : m.fix()
                    + "; Apple retries failed notifications for a few days, then they can only be fetched with the"
                    + " App Store Server API");
            } else if (failed > 0) {
                c = Check.warn(HISTORY, where + "all " + notifications + " notifications delivered, after " + failed
                    + " failed attempt(s): " + failures, AppleSendAttempts.of(failures.keySet().iterator().next()).fix());
            } else {
                c = Check.pass(HISTORY, where + "all " + notifications + " notifications of the last " + days
                    + " days delivered on the first attempt; the last at " + time(lastDelivered));
            }
            return c.detail("environment", env.word()).detail("last_delivered_at", time(lastDelivered))
                .detail("notifications", notifications).detail("delivered", delivered)
                .detail("failures_by_result", failures).detail("never_delivered", undeliveredCount)
                .detail("never_delivered_notifications", undelivered);
        }
    }

    private String url(AppleEnvironment env, Request r) {
        if (r.url() != null) {
            return r.url();
        }
        AppStoreConnect.Endpoint endpoint = app == null ? null : app.endpoint(env);
        return endpoint == null || !endpoint.configured() ? null : endpoint.url();
    }

    private Check reachable(AppleEnvironment env, String url, Map<String, Outcome> probed) {
        String where = env.word() + ": ";
        if (url == null) {
            String why = app != null ? "no URL is set for " + env.word() + " (see " + URL_CONFIGURED + ")"
                : "no URL to probe: pass --url, or the team key (ASC_*) to read it from App Store Connect";
            return Check.skip(REACHABLE, where + why).detail("environment", env.word());
        }
        HttpUrl u = HttpUrl.parse(url);
        Outcome o = null;
        if (u != null && u.isHttps() && AppleInputs.portProblem(u) == null) {
            o = probed.computeIfAbsent(url, x -> probe.post(x, Map.of(), "{}".getBytes(StandardCharsets.UTF_8),
                AppleNotificationBuilder.Notification.CONTENT_TYPE));
        }
        Check c = reachable(where, url, o);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("environment", env.word());
        details.put("url", url);
        details.putAll(c.details());
        return new Check(c.id(), c.status(), c.summary(), c.fix(), details);
    }

    /** The judgement of a probe of {@code url} ({@code o} null when the URL's form already rules it out). */
    static Check reachable(String where, String url, Outcome o) {
        HttpUrl u = HttpUrl.parse(url);
        if (u == null || !u.isHttps()) {
            return Check.fail(REACHABLE, where + url + " is not https: Apple delivers only over HTTPS with TLS 1.2 or"
                + " newer", "serve the receiver over https and set that URL (notif setup apple --url https://...)");
        }
        String port = AppleInputs.portProblem(u);
        if (port != null) {
            return Check.fail(REACHABLE, where + url + ": " + port, "serve the receiver on 443 (or a port from 1024"
                + " up) and set that URL");
        }
        Check c;
        if (!o.answered()) {
            Verdict v = NetworkVerdicts.of(o.failure(), "Apple");
            String tls = o.failure().kind() == Outcome.FailureKind.TLS ? " (Apple requires TLS 1.2 or newer and a"
                + " certificate from a public CA)" : "";
            c = Check.fail(REACHABLE, where + v.cause() + tls, v.fix())
                .detail("failure", o.failure().kind().name().toLowerCase(Locale.ROOT));
        } else if (o.status() >= 300 && o.status() < 400) {
            Verdict v = NetworkVerdicts.redirect(o.status(), o.header("location"), "Apple");
            c = Check.fail(REACHABLE, where + v.cause(), v.fix()).detail("location", o.header("location"));
        } else if (o.status() >= 500) {
            c = Check.warn(REACHABLE, where + "answered HTTP " + o.status() + " to a body without a signedPayload: the"
                + " host is up, the service failed on it", "look at the service's logs; notif send apple tells more");
        } else if (o.is2xx()) {
            c = Check.warn(REACHABLE, where + "answered HTTP " + o.status() + " to a body without a signedPayload: it"
                + " may not verify what it accepts", "verify the signedPayload's chain to Apple Root CA G3 and answer 400"
                + " when it is missing or invalid");
        } else {
            c = Check.pass(REACHABLE, where + "answers HTTP " + o.status() + " over TLS 1.2+ without a redirect (to a"
                + " body without a signedPayload, as a receiver that verifies should) in " + o.latencyMs() + " ms");
        }
        if (c.status() != Check.Status.FAIL && AppleInputs.isLocal(u.host())) {
            c = Check.warn(REACHABLE, where + "reachable from here, but " + u.host() + " is a local or private address"
                + " that Apple's servers cannot reach", "set a public https URL for Apple; a tunnel works for tests");
        }
        return c.detail("http_status", o.status()).detail("latency_ms", o.latencyMs())
            .detail("body", o.answered() ? Secrets.scrub(o.bodyStart(200)) : null);
    }

    private void noteFailure(AppStoreServerApi.Failure f) {
        if (f.credentials()) {
            rejected = f.status() + (f.code() == null ? "" : " " + f.code());
            exitWith(ExitCode.CREDENTIALS);
        } else if (f.status() == 0 || f.status() == 429 || f.status() >= 500) {
            exitWith(ExitCode.UNAVAILABLE);
        }
    }

    private void exitWith(int code) {
        if (exitCode < 0 || code == ExitCode.CREDENTIALS) {
            exitCode = code;
        }
    }

    private String failureText(AppStoreServerApi.Failure f) {
        if (f == null) {
            return "not asked";
        }
        if (f.credentials()) {
            return "the key was rejected (see " + CREDENTIALS + ")";
        }
        return Secrets.scrub(f.getMessage());
    }

    static String time(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis).toString();
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
