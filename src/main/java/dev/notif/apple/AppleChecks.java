package dev.notif.apple;

import com.apple.itunes.storekit.model.CheckTestNotificationResponse;
import com.apple.itunes.storekit.model.NotificationHistoryResponseItem;
import com.apple.itunes.storekit.model.SendAttemptItem;
import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.core.Inputs;
import dev.notif.core.Json;
import dev.notif.core.NotifException;
import dev.notif.core.Secrets;
import dev.notif.core.Urls;
import dev.notif.output.Check;
import dev.notif.output.Times;
import dev.notif.probe.Outcome;
import dev.notif.probe.Reachability;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import okhttp3.HttpUrl;

/**
 * The judgement of {@code check apple}: a pure function of what {@link AppleChecker} observed ({@link
 * Observations}) to the contract's checks, for each environment asked for (production and sandbox are separate:
 * own URL, own test notification, own history), each finding naming its environment. A check that Apple's refusal
 * of the key or its unavailability kept from telling carries that cause, so the report exits 3 or 4.
 */
public final class AppleChecks {
    static final String CREDENTIALS = "apple.credentials";
    static final String URL_CONFIGURED = "apple.url.configured";
    static final String TEST_DELIVERED = "apple.test.delivered";
    static final String HISTORY = "apple.history";
    static final String REACHABLE = "apple.endpoint.reachable";
    /** Never-delivered notifications listed in details; the count covers them all. */
    static final int LISTED = 10;

    /** What to check. {@code url} (may be null) is the receiver's URL; {@code patience} bounds the polling. */
    public record Request(String bundleId, List<AppleEnvironment> environments, int days, Duration patience, String url) {
    }

    /**
     * What happened: the In-App Purchase key's id and issuer (null when there is no usable key, and
     * {@code keyProblem} says why), App Store Connect's view of the app (null when there is no team key; {@code
     * noApp} says why), and each environment's observations.
     */
    public record Observations(Request request, String keyId, String issuerId, NotifException keyProblem,
                               AppStoreConnect.App app, String noApp, List<EnvObservation> environments) {
        boolean keyUsable() {
            return keyId != null;
        }

        /** The first refusal of the key, as "status code", in the order Apple was asked; null when none. */
        String rejected() {
            List<AppStoreServerApi.Failure> failures = new ArrayList<>();
            List<EnvObservation> judged = environments.stream().filter(e -> !unreleased(e)).toList();
            judged.forEach(e -> failures.add(e.requestFailure()));
            judged.forEach(e -> failures.add(e.statusFailure()));
            judged.forEach(e -> failures.add(e.history() == null ? null : e.history().failure()));
            return failures.stream().filter(f -> f != null && f.credentials()).findFirst()
                .map(f -> f.status() + (f.code() == null ? "" : " " + f.code())).orElse(null);
        }

        /** Production answered 401 to a key sandbox accepted in the same run: see {@link #UNRELEASED}. */
        boolean unreleased(EnvObservation e) {
            return AppleChecks.unreleased(e.env(), e.requestFailure(), environments.stream()
                .anyMatch(x -> sandboxAccepts(x.env(), x.token(), x.requestFailure())));
        }
    }

    static final String UNRELEASED = "Apple answers 401 on production to the key it accepts on sandbox: the app has no"
        + " production release yet, and production test notifications and history exist only once a version is on"
        + " the App Store (sandbox is checked with the same key)";

    /**
     * Apple's production endpoints answer 401 until the app has a production release, even with a key sandbox
     * accepts: that is not a refused key. Without a sandbox answer to compare, a production 401 stays a refusal.
     */
    static boolean unreleased(AppleEnvironment env, AppStoreServerApi.Failure requestFailure, boolean sandboxAccepts) {
        return env == AppleEnvironment.PRODUCTION && requestFailure != null && requestFailure.status() == 401
            && sandboxAccepts;
    }

    /** Sandbox took the key: it issued a test token, or refused the request for a reason other than the key. */
    static boolean sandboxAccepts(AppleEnvironment env, String token, AppStoreServerApi.Failure requestFailure) {
        return env == AppleEnvironment.SANDBOX && (token != null || requestFailure != null
            && requestFailure.status() >= 200 && requestFailure.status() < 500 && !requestFailure.credentials());
    }

    /**
     * One environment: the test notification's token (null when not requested or refused: {@code requestFailure}),
     * its last status read ({@code statusFailure} when reading it failed) after {@code polls} reads; the history
     * (null when not read: no key, or the key was refused); the URL probed (null: none known) and what the probe
     * got (null when the URL's form already rules it out).
     */
    public record EnvObservation(AppleEnvironment env, String token, AppStoreServerApi.Failure requestFailure,
                                 CheckTestNotificationResponse status, AppStoreServerApi.Failure statusFailure,
                                 int polls, HistoryObservation history, String url, Outcome probe) {
    }

    /** The history as read: its tally (null when reading failed: {@code failure}), pages read, whether cut short. */
    public record HistoryObservation(History tally, int pages, boolean truncated, AppStoreServerApi.Failure failure) {
    }

    private AppleChecks() {
    }

    public static List<Check> evaluate(Observations o) {
        List<Check> checks = new ArrayList<>();
        checks.add(credentials(o));
        for (EnvObservation e : o.environments()) {
            checks.add(configured(e, o));
            checks.add(delivered(e, o));
            checks.add(history(e, o));
            checks.add(reachable(e, o.app()));
        }
        return checks;
    }

    /** The cause a failure of Apple's API stands for: the key refused (3), Apple unreachable or failing (4). */
    static Check.Cause cause(AppStoreServerApi.Failure f) {
        if (f == null) {
            return null;
        }
        if (f.credentials()) {
            return Check.Cause.CREDENTIALS;
        }
        // a 2xx failure is an answer with nothing usable in it: as good as none
        return f.status() < 300 || f.status() == 429 || f.status() >= 500 ? Check.Cause.UNAVAILABLE : null;
    }

    private static Check credentials(Observations o) {
        String bundleId = o.request().bundleId();
        NotifException keyProblem = o.keyProblem();
        if (keyProblem != null) {
            return Check.fail(CREDENTIALS, Secrets.scrub(keyProblem.getMessage()), Secrets.scrub(keyProblem.hint()))
                .detail("key", AppleKey.Kind.IAP.label()).because(keyProblem.exitCode());
        }
        String rejected = o.rejected();
        if (rejected != null) {
            boolean sandboxAsked = o.environments().stream().anyMatch(e -> e.env() == AppleEnvironment.SANDBOX);
            return Check.fail(CREDENTIALS, "Apple rejected the In-App Purchase key " + o.keyId() + " for " + bundleId
                    + " (" + rejected + ")", "check that " + Inputs.missing("--key-id", AppleKey.Kind.IAP.idEnv(),
                    "--issuer-id", AppleKey.Kind.IAP.issuerEnv()) + " and the bundle id belong to the .p8 file's team"
                    + " and that the key is active; "
                    + AppleKey.Kind.IAP.where() + (sandboxAsked ? "" : ". If the app has no production release yet,"
                    + " Apple answers 401 on production to any key: check --environment sandbox"))
                .detail("key_id", o.keyId()).detail("issuer_id", o.issuerId()).because(Check.Cause.CREDENTIALS);
        }
        boolean answered = o.environments().stream().anyMatch(e -> e.token() != null || e.requestFailure() != null
            && e.requestFailure().status() >= 200 && e.requestFailure().status() < 500);
        if (!answered) {
            return Check.skip(CREDENTIALS, "the In-App Purchase key " + o.keyId() + " is well-formed, but Apple could"
                + " not be asked whether it accepts it (see below)");
        }
        boolean unreleased = o.environments().stream().anyMatch(o::unreleased);
        return Check.pass(CREDENTIALS, "Apple accepts the In-App Purchase key " + o.keyId() + " for " + bundleId
                + (unreleased ? " on sandbox; production answers 401 because the app has no production release yet"
                : ""))
            .detail("key_id", o.keyId()).detail("issuer_id", o.issuerId()).detail("no_production_release", unreleased);
    }

    private static Check configured(EnvObservation e, Observations o) {
        Request r = o.request();
        String where = e.env().word() + ": ";
        AppStoreConnect.Endpoint endpoint = o.app() == null ? null : o.app().endpoint(e.env());
        String setup = "notif setup apple --bundle-id " + r.bundleId() + " --url " + (r.url() == null ? "URL" : r.url())
            + " (or App Store Connect > the app > App Information > App Store Server Notifications > "
            + (e.env() == AppleEnvironment.PRODUCTION ? "Production" : "Sandbox") + " Server URL)";
        boolean apiSaysNone = e.requestFailure() != null && e.requestFailure().is(AppStoreServerApi.URL_NOT_FOUND);
        if (apiSaysNone || endpoint != null && !endpoint.configured()) {
            return Check.fail(URL_CONFIGURED, where + "no App Store Server Notifications URL is set: Apple sends this"
                    + " environment's notifications nowhere"
                    + (apiSaysNone ? " (App Store Server API error 4040007)" : ""),
                    setup)
                .detail("environment", e.env().word()).detail("url", null);
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
            return c.detail("environment", e.env().word()).detail("url", endpoint.url())
                .detail("version", endpoint.version());
        }
        if (e.token() != null) {
            return Check.pass(URL_CONFIGURED, where + "a URL is set (Apple accepted a test notification request); "
                    + o.noApp())
                .detail("environment", e.env().word()).detail("url", null);
        }
        if (!o.keyUsable()) {
            return Check.skip(URL_CONFIGURED, where + "no usable In-App Purchase key (see " + CREDENTIALS + ") and "
                + o.noApp()).detail("environment", e.env().word());
        }
        if (o.unreleased(e)) {
            return Check.skip(URL_CONFIGURED, where + UNRELEASED + "; " + o.noApp())
                .detail("environment", e.env().word()).detail("no_production_release", true);
        }
        return Check.skip(URL_CONFIGURED, where + failureText(e.requestFailure()))
            .detail("environment", e.env().word()).because(cause(e.requestFailure()));
    }

    private static Check delivered(EnvObservation e, Observations o) {
        String where = e.env().word() + ": ";
        if (e.token() == null) {
            if (!o.keyUsable()) {
                return Check.skip(TEST_DELIVERED, where + "no usable In-App Purchase key (see " + CREDENTIALS + ")")
                    .detail("environment", e.env().word());
            }
            if (e.requestFailure().is(AppStoreServerApi.URL_NOT_FOUND)) {
                return Check.skip(TEST_DELIVERED, where + "no URL to send to (see " + URL_CONFIGURED + ")")
                    .detail("environment", e.env().word());
            }
            if (o.unreleased(e)) {
                return Check.skip(TEST_DELIVERED, where + UNRELEASED).detail("environment", e.env().word())
                    .detail("no_production_release", true);
            }
            return Check.skip(TEST_DELIVERED, where + failureText(e.requestFailure()))
                .detail("environment", e.env().word()).because(cause(e.requestFailure()));
        }
        List<SendAttemptItem> attempts = e.status() == null || e.status().getSendAttempts() == null ? List.of()
            : e.status().getSendAttempts();
        List<Attempt> listed = attempts.stream().map(a -> new Attempt(time(a.getAttemptDate()),
            a.getRawSendAttemptResult(), AppleSendAttempts.of(a.getRawSendAttemptResult()).meaning())).toList();
        Check c;
        if (attempts.isEmpty()) {
            if (e.statusFailure() != null) {
                c = Check.skip(TEST_DELIVERED, where + "Apple accepted the test request but its status could not be"
                    + " read: " + failureText(e.statusFailure())).because(cause(e.statusFailure()));
            } else {
                c = Check.warn(TEST_DELIVERED, where + "Apple recorded no delivery attempt within "
                    + seconds(o.request().patience()) + " (" + e.polls() + " status reads)", "run again with a longer"
                    + " --wait; Apple usually tries within"
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
        return c.detail("environment", e.env().word()).detail("attempts", listed)
            .detail("test_notification_token", e.token());
    }

    private static Check history(EnvObservation e, Observations o) {
        String where = e.env().word() + ": ";
        if (!o.keyUsable()) {
            return Check.skip(HISTORY, where + "no usable In-App Purchase key (see " + CREDENTIALS + ")")
                .detail("environment", e.env().word());
        }
        HistoryObservation h = e.history();
        if (o.unreleased(e)) {
            return Check.skip(HISTORY, where + UNRELEASED).detail("environment", e.env().word())
                .detail("no_production_release", true);
        }
        if (h == null) {
            return Check.skip(HISTORY, where + "the key was rejected (see " + CREDENTIALS + ")")
                .detail("environment", e.env().word());
        }
        if (h.failure() != null) {
            return Check.skip(HISTORY, where + failureText(h.failure())).detail("environment", e.env().word())
                .because(cause(h.failure()));
        }
        return h.tally().check(where, e.env(), o.request().days()).detail("pages", h.pages())
            .detail("truncated", h.truncated());
    }

    /** One delivery attempt of the test notification, in {@code details.attempts}. */
    record Attempt(String attemptDate, String result, String meaning) {
    }

    /** A notification Apple never delivered, in {@code details.never_delivered_notifications}. */
    record Undelivered(String notificationUuid, String notificationType, String subtype, String firstAttemptAt,
                       String lastResult) {
    }

    /** What the history pages add up to: {@link AppleChecker} adds each notification as it reads the pages. */
    static final class History {
        int notifications;
        int delivered;
        Long lastDelivered;
        /** The newest delivery of a notification other than TEST (check apple asks for a TEST on every run). */
        Long lastNonTestDelivered;
        final Map<String, Integer> failures = new TreeMap<>();
        final List<Undelivered> undelivered = new ArrayList<>();
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
                Long at = attempts.stream().filter(a -> AppleSendAttempts.success(a.getRawSendAttemptResult()))
                    .map(SendAttemptItem::getAttemptDate).filter(java.util.Objects::nonNull).max(Long::compare)
                    .orElse(null);
                if (at != null && (lastNonTestDelivered == null || at > lastNonTestDelivered)
                    && !"TEST".equals(Json.text(Jws.payloadOrNull(item.getSignedPayload()), "notificationType"))) {
                    lastNonTestDelivered = at;
                }
                return;
            }
            undeliveredCount++;
            String last = attempts.isEmpty() ? null : attempts.get(attempts.size() - 1).getRawSendAttemptResult();
            if (last != null) {
                lastResults.merge(last, 1, Integer::sum);
            }
            if (undelivered.size() < LISTED) {
                JsonNode payload = Jws.payloadOrNull(item.getSignedPayload());
                undelivered.add(new Undelivered(Json.text(payload, "notificationUUID"),
                    Json.text(payload, "notificationType"), Json.text(payload, "subtype"),
                    attempts.isEmpty() ? null : time(attempts.get(0).getAttemptDate()), last));
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
                    + " days delivered on the first attempt; the last at "
                    + (lastDelivered == null ? "-" : Times.human(Instant.ofEpochMilli(lastDelivered))));
            }
            return c.detail("environment", env.word()).detail("last_delivered_at", time(lastDelivered))
                .detail("last_non_test_delivered_at", time(lastNonTestDelivered)).detail("window_days", days)
                .detail("notifications", notifications).detail("delivered", delivered)
                .detail("failures_by_result", failures).detail("never_delivered", undeliveredCount)
                .detail("never_delivered_notifications", undelivered);
        }
    }

    private static Check reachable(EnvObservation e, AppStoreConnect.App app) {
        String where = e.env().word() + ": ";
        if (e.url() == null) {
            String why = app != null ? "no URL is set for " + e.env().word() + " (see " + URL_CONFIGURED + ")"
                : "no URL to probe: pass --url, or the team key (ASC_*) to read it from App Store Connect";
            return Check.skip(REACHABLE, where + why).detail("environment", e.env().word());
        }
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("environment", e.env().word());
        first.put("url", e.url());
        return reachable(where, e.url(), e.probe()).detailsFirst(first);
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
        Check c = Reachability.check(REACHABLE, "Apple", o, a -> answered(where, u, a));
        if (!o.answered() || o.status() >= 300 && o.status() < 400) {
            String tls = !o.answered() && (o.failure().kind() == Outcome.FailureKind.TLS
                || o.failure().kind() == Outcome.FailureKind.PLAIN_HTTP) ? " (Apple requires TLS 1.2"
                + " or newer and a certificate from a public CA)" : "";
            c = c.withSummary(where + c.summary() + tls);
        }
        return c;
    }

    private static Check answered(String where, HttpUrl u, Outcome o) {
        Check c;
        if (o.status() >= 500) {
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
        if (Urls.unreachableFromInternet(u.host())) {
            c = Check.warn(REACHABLE, where + "reachable from here, but " + u.host() + " is a local or private address"
                + " that Apple's servers cannot reach", "set a public https URL for Apple; a tunnel works for tests");
        }
        return c;
    }

    private static String failureText(AppStoreServerApi.Failure f) {
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
}
