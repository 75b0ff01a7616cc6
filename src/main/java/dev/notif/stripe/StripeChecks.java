package dev.notif.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.core.ExitCode;
import dev.notif.core.NotifException;
import dev.notif.core.Secrets;
import dev.notif.output.Check;
import dev.notif.output.CheckReport;
import dev.notif.probe.HttpProbe;
import dev.notif.probe.Outcome;
import dev.notif.probe.Reachability;
import dev.notif.probe.Sender;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * {@code notif check stripe}: every check of the contract, each run whatever happened to the others (a check that
 * cannot run says why, as skip). The report exits 1 on any failed check; 3 when the key is missing, rejected or
 * lacks a permission; 4 when Stripe could not be reached.
 */
public final class StripeChecks {
    static final String SETUP = "notif setup stripe --url ";
    static final int MAX_UNDELIVERED = 500;
    static final String REACHABLE = "stripe.endpoint.reachable";

    /** {@code appUserId}: the backend's App User ID method to test purchases against (null: not checked). */
    public record Request(String url, boolean trackNewPurchases, String secret, String subscription, String customer,
                          int days, StripeAppUserIds.Method appUserId, int sample, RotationState rotation) {
        public Request {
            if (days < 1 || days > 30) {
                throw NotifException.usage("--days must be between 1 and 30, got " + days,
                    "Stripe keeps 30 days of events; for example --days 7");
            }
            if (sample != 0 && (sample < 1 || sample > 1000)) {
                throw NotifException.usage("--sample must be between 1 and 1000, got " + sample,
                    "for example --sample 100");
            }
        }

        /** The same request, knowing the rotation in progress for the URL (null: none). */
        public Request during(RotationState inProgress) {
            return new Request(url, trackNewPurchases, secret, subscription, customer, days, appUserId, sample,
                inProgress);
        }

        public Request(String url, boolean trackNewPurchases, String secret, String subscription, String customer,
                       int days) {
            this(url, trackNewPurchases, secret, subscription, customer, days, null, 0, null);
        }
    }

    private final StripeAccount account;
    private final NotifException keyProblem;
    private final HttpProbe probe;
    private final Clock clock;

    /** {@code account} is null when there is no usable key, and {@code keyProblem} says why. */
    public StripeChecks(StripeAccount account, NotifException keyProblem, HttpProbe probe, Clock clock) {
        this.account = account;
        this.keyProblem = keyProblem;
        this.probe = probe;
        this.clock = clock;
    }

    public CheckReport run(Request r) {
        List<String> allowed = StripeEvents.allowed(r.trackNewPurchases());
        List<Check> checks = new ArrayList<>();
        List<StripeEndpoint> all = null;
        Listed<StripeEndpoint> listed = null;
        StripeKey key = account == null ? null : account.key();
        String setup = setup(r.url(), key, r.trackNewPurchases());
        try {
            if (account == null) {
                throw keyProblem;
            }
            listed = account.listedEndpoints();
            all = listed.all();
            StripeAccount.Identity who = account.identity();
            checks.add(Check.pass("stripe.credentials", "the key " + key.redacted() + " is accepted ("
                    + key.mode() + " mode" + (who == null ? "" : ", account " + who.id()) + ")")
                .detail("mode", key.mode()).detail("account", who == null ? null : who.id())
                .detail("restricted", key.restricted()));
        } catch (NotifException e) {
            checks.add(Check.fail("stripe.credentials", Secrets.scrub(e.getMessage()), Secrets.scrub(e.hint()))
                .detail("mode", key == null ? null : key.mode()).because(e.exitCode()));
        }
        List<StripeEndpoint> matches = listed == null ? null : listed.forUrl(r.url());
        checks.add(exists(all, matches, r.url(), setup));
        Check single = single(matches, setup);
        if (r.rotation() != null && single.failed()) {
            single = new Check(single.id(), single.status(), single.summary() + "; " + r.rotation().inProgress(),
                "finish the rotation: notif rotate stripe --url " + r.url() + " (do not --prune: it could delete the new"
                    + " endpoint)", single.details(), single.cause())
                .detail("rotation_in_progress", r.rotation().newEndpointId());
        }
        checks.add(single);
        checks.add(events(matches, allowed, r.trackNewPurchases(), setup));
        checks.add(enabled(matches, setup));
        checks.add(apiVersion(matches));
        checks.add(destinations(all, matches, r.url(), allowed, setup));
        checks.add(https(r.url(), key));
        Outcome reached = probe.post(r.url(), Map.of(), "{}".getBytes(StandardCharsets.UTF_8),
            StripeDelivery.CONTENT_TYPE);
        checks.add(reachable(reached));
        List<StripeSecret.Problem> problems = r.secret() == null ? null : StripeSecret.problems(r.secret());
        checks.add(format(r.secret(), problems));
        checks.add(accepted(r, problems, reached, key));
        checks.add(deliveries(listed, matches, allowed, key, r.days()));
        if (r.appUserId() != null) {
            checks.add(appUserIds(all, r));
        }
        return CheckReport.of("stripe", r.url(), checks);
    }

    /**
     * The setup command a fix names: for this URL, except with a live key and an http:// URL, which setup refuses (Stripe
     * delivers live events only to https): then the https:// form of the URL, to use once it is served over https.
     */
    static String setup(String url, StripeKey key, boolean track) {
        HttpUrl u = HttpUrl.parse(url);
        String target = key != null && key.live() && u != null && !u.isHttps()
            ? u.newBuilder().scheme("https").build().toString() : url;
        return SETUP + target + (track ? " --track-new-purchases" : "");
    }

    private static final String UNLISTED = "the account's endpoints could not be read (see stripe.credentials)";

    static Check exists(List<StripeEndpoint> all, List<StripeEndpoint> matches, String url, String setup) {
        String id = "stripe.endpoint.exists";
        if (matches == null) {
            return Check.skip(id, UNLISTED);
        }
        if (matches.isEmpty()) {
            String host = host(url);
            List<String> similar = all.stream().filter(e -> host != null && host.equals(host(e.url())))
                .map(StripeEndpoint::url).toList();
            return Check.fail(id, "no webhook endpoint of the account delivers to " + url + (similar.isEmpty() ? ""
                    : "; endpoints for the same host: " + String.join(", ", similar)),
                    "create it: " + setup + " (or correct the URL if one of the similar ones was meant)")
                .detail("endpoints_in_account", all.size()).detail("similar_urls", similar);
        }
        return Check.pass(id, matches.size() == 1 ? matches.get(0).id() + " delivers to this URL"
                : matches.size() + " endpoints deliver to this URL")
            .detail("endpoint_ids", matches.stream().map(StripeEndpoint::id).toList());
    }

    private static String host(String url) {
        HttpUrl u = url == null ? null : HttpUrl.parse(url);
        return u == null ? null : u.host();
    }

    static Check single(List<StripeEndpoint> matches, String setup) {
        String id = "stripe.endpoint.single";
        if (matches == null || matches.isEmpty()) {
            return Check.skip(id, matches == null ? UNLISTED : "no endpoint for this URL");
        }
        if (matches.size() == 1) {
            return Check.pass(id, "exactly one endpoint for this URL");
        }
        boolean perEvent = matches.stream().allMatch(e -> e.enabledEvents().size() == 1);
        return Check.fail(id, matches.size() + " endpoints for this URL" + StripeSetupPlan.severalWhy(perEvent),
                "keep the one whose secret the backend holds and delete the others: " + setup + " --prune --secret"
                    + " whsec_... (the differential probe tells which; or --keep ENDPOINT_ID; add --dry-run to see the"
                    + " plan)")
            .detail("endpoint_ids", matches.stream().map(StripeEndpoint::id).toList()).detail("one_per_event", perEvent);
    }

    static Check events(List<StripeEndpoint> matches, List<String> allowed, boolean track, String setup) {
        String id = "stripe.endpoint.events";
        if (matches == null || matches.isEmpty()) {
            return Check.skip(id, matches == null ? UNLISTED : "no endpoint for this URL");
        }
        Set<String> union = new LinkedHashSet<>();
        matches.forEach(e -> union.addAll(e.enabledEvents()));
        boolean wildcard = union.contains("*");
        List<String> missing = wildcard ? List.of() : allowed.stream().filter(x -> !union.contains(x)).toList();
        List<String> extra = union.stream().filter(x -> !allowed.contains(x)).toList();
        Check check;
        if (missing.isEmpty() && extra.isEmpty()) {
            check = Check.pass(id, "exactly the " + allowed.size() + " allowed events");
        } else {
            List<String> parts = new ArrayList<>();
            if (StripeEvents.isOlderSet(union)) {
                parts.add("the endpoint still carries " + StripeEvents.OLDER_WORDS + ", where the backend now needs "
                    + allowed.size());
            }
            if (wildcard) {
                parts.add("it receives every event type (*): the backend refuses all but the " + allowed.size()
                    + " allowed ones with 400, and Stripe ends up disabling the endpoint");
            }
            if (!missing.isEmpty()) {
                parts.add("missing " + String.join(", ", missing) + " (the backend never hears of those changes)");
            }
            List<String> otherExtra = extra.stream().filter(x -> !x.equals("*")).toList();
            if (!otherExtra.isEmpty()) {
                parts.add("extra " + String.join(", ", otherExtra) + " (refused with 400 by the backend; Stripe keeps"
                    + " retrying them and ends up disabling the endpoint)");
            }
            String fix = "set exactly the allowed events: " + setup;
            if (!track && !otherExtra.isEmpty() && StripeEvents.NEW_PURCHASES.containsAll(otherExtra)) {
                fix = "if the backend tracks new purchases from server-to-server notifications, these are right: rerun"
                    + " with --track-new-purchases; otherwise " + setup;
            }
            check = Check.fail(id, String.join("; ", parts), fix);
        }
        return check.detail("missing", missing).detail("extra", extra).detail("wildcard", wildcard)
            .detail("older_event_set", StripeEvents.isOlderSet(union))
            .detail("enabled_events", List.copyOf(union)).detail("allowed", allowed);
    }

    static Check enabled(List<StripeEndpoint> matches, String setup) {
        String id = "stripe.endpoint.enabled";
        if (matches == null || matches.isEmpty()) {
            return Check.skip(id, matches == null ? UNLISTED : "no endpoint for this URL");
        }
        List<StripeEndpoint> off = matches.stream().filter(e -> !e.enabled()).toList();
        if (off.isEmpty()) {
            return Check.pass(id, matches.size() == 1 ? "the endpoint is enabled" : "every endpoint is enabled");
        }
        return Check.fail(id, String.join(", ", off.stream().map(e -> e.id() + " is " + e.status()).toList())
                + ": Stripe sends it nothing (Stripe disables an endpoint whose deliveries keep failing for days)",
                "fix why deliveries failed (notif check stripe --url URL --secret whsec_..., the Dashboard's event"
                    + " deliveries), then re-enable it: " + setup)
            .detail("disabled", off.stream().map(StripeEndpoint::id).toList());
    }

    /** {@code stripe.endpoint.api_version}: the version each endpoint renders events in, pinned or the default. */
    private Check apiVersion(List<StripeEndpoint> matches) {
        String id = "stripe.endpoint.api_version";
        if (matches == null || matches.isEmpty()) {
            return Check.skip(id, matches == null ? UNLISTED : "no endpoint for this URL");
        }
        String accountDefault = null;
        if (matches.stream().anyMatch(e -> e.apiVersion() == null)) {
            try {
                accountDefault = account.newestEventApiVersion();
            } catch (NotifException e) {
                accountDefault = null; // the version stays "the account's default"; stripe.deliveries says why
            }
        }
        List<String> parts = new ArrayList<>();
        Map<String, Object> versions = new LinkedHashMap<>();
        for (StripeEndpoint e : matches) {
            versions.put(e.id(), e.apiVersion());
            parts.add((matches.size() == 1 ? "" : e.id() + ": ") + (e.apiVersion() != null ? "pinned to API version "
                + e.apiVersion() : "not pinned: events are rendered in the account's default API version"
                + (accountDefault == null ? "" : " (" + accountDefault + ", as on the newest event)")));
        }
        StripeEndpoint first = matches.get(0);
        return Check.pass(id, String.join("; ", parts)).detail("api_version", first.apiVersion())
            .detail("pinned", first.apiVersion() != null).detail("account_default", accountDefault)
            .detail("endpoints", versions)
            .detail("note", "an endpoint's version cannot be changed in place: notif rotate stripe --url URL --api-version V moves"
                + " it to a new endpoint (and secret) without a moment without one");
    }

    private Check destinations(List<StripeEndpoint> all, List<StripeEndpoint> matches, String url,
                               List<String> allowed, String setup) {
        String id = StripeDestinations.ID;
        if (all == null) {
            return Check.skip(id, UNLISTED);
        }
        try {
            Listed<StripeDestination> listed = account.listedDestinations();
            return StripeDestinations.judge(listed.all(), listed.forUrl(url), allowed, matches.size(), setup);
        } catch (NotifException e) {
            if (e.exitCode() == ExitCode.USAGE) {
                return Check.skip(id, "the API at " + account.apiBase() + " does not serve v2 event destinations: "
                    + Secrets.scrub(e.getMessage()));
            }
            if (e.exitCode() == ExitCode.CREDENTIALS) {
                return Check.warn(id, "the key " + account.key().redacted() + " may not read v2 event destinations, so"
                    + " notif cannot tell whether one sends thin events to this URL", "allow Event Destinations: Read"
                    + " on the restricted key, or look in " + StripeDestinations.WORKBENCH);
            }
            return Check.fail(id, "the event destinations could not be read: " + Secrets.scrub(e.getMessage()),
                Secrets.scrub(e.hint())).because(e.exitCode());
        }
    }

    private Check appUserIds(List<StripeEndpoint> all, Request r) {
        String id = StripeAppUserIds.ID;
        if (all == null) {
            return Check.skip(id, "the account could not be read (see stripe.credentials)");
        }
        try {
            List<JsonNode> sessions = account.list("/v1/checkout/sessions",
                "status=complete", r.sample(), "list Checkout Sessions");
            List<JsonNode> subscriptions = account.list("/v1/subscriptions",
                "status=all", r.sample(), "list subscriptions");
            return StripeAppUserIds.judge(r.appUserId(), sessions, subscriptions, r.trackNewPurchases())
                .detail("sample", r.sample());
        } catch (NotifException e) {
            return Check.fail(id, "the Checkout Sessions and Subscriptions could not be read: "
                + Secrets.scrub(e.getMessage()), Secrets.scrub(e.hint())).because(e.exitCode());
        }
    }

    static Check https(String url, StripeKey key) {
        String id = "stripe.endpoint.https";
        HttpUrl u = HttpUrl.parse(url);
        if (u != null && u.isHttps()) {
            return Check.pass(id, "the URL is https");
        }
        String fix = "serve the ingestion URL over https (a certificate from a public CA) and use the https:// URL"
            + (key != null && key.live() ? " (notif setup stripe refuses http:// with a live key)" : "");
        if (key != null && !key.canDeliverTo(u)) {
            return Check.fail(id, "the URL is plain http: Stripe delivers live-mode events only to https URLs", fix)
                .detail("mode", key.mode());
        }
        return Check.warn(id, "the URL is plain http: Stripe accepts that in test mode only; live mode needs https", fix)
            .detail("mode", key == null ? null : key.mode());
    }

    static Check reachable(Outcome outcome) {
        return Reachability.check(REACHABLE, "Stripe", outcome, StripeChecks::answered);
    }

    private static Check answered(Outcome o) {
        String id = REACHABLE;
        if (o.is2xx()) {
            return Check.warn(id, "answered HTTP " + o.status() + " to an unsigned request without a Stripe-Signature:"
                + " the endpoint may not verify signatures", "verify the Stripe-Signature header before accepting a"
                + " delivery and answer 400 when it is missing or wrong");
        }
        if (o.status() == 404 || o.status() == 405) {
            return Check.warn(id, "answered HTTP " + o.status() + ": the host is up but nothing seems to take POSTs at"
                + " this path", "check the path against the backend's documented Stripe ingestion URL");
        }
        if (o.status() >= 500) {
            return Check.warn(id, "answered HTTP " + o.status() + " to an unsigned request: the host is up, the service"
                + " failed on it", "look at the service's logs; a signed delivery (notif send stripe) tells more");
        }
        return Check.pass(id, "answers HTTP " + o.status() + " to an unsigned request, as a receiver that checks"
            + " signatures should (in " + o.latencyMs() + " ms)");
    }

    static Check format(String secret, List<StripeSecret.Problem> problems) {
        String id = "stripe.secret.format";
        if (secret == null) {
            return Check.skip(id, "no --secret given (nor STRIPE_WEBHOOK_SECRET)");
        }
        if (problems.isEmpty()) {
            return Check.pass(id, Secrets.redact(secret) + " looks like a Stripe signing secret");
        }
        StripeSecret.Problem first = problems.stream().filter(StripeSecret.Problem::fatal).findFirst()
            .orElse(problems.get(0));
        String summary = Secrets.redact(secret.strip()) + ": " + String.join("; ",
            problems.stream().map(StripeSecret.Problem::message).toList());
        Check check = StripeSecret.hasFatal(problems) ? Check.fail(id, summary, first.fix()) : Check.warn(id, summary,
            first.fix());
        return check.detail("problems", problems.stream().map(StripeSecret.Problem::code).toList());
    }

    private Check accepted(Request r, List<StripeSecret.Problem> problems, Outcome reached, StripeKey key) {
        String id = StripeSecretProbe.ID;
        if (r.secret() == null) {
            return Check.skip(id, "no --secret given (nor STRIPE_WEBHOOK_SECRET)");
        }
        if (StripeSecret.hasFatal(problems)) {
            return Check.skip(id, "the value is not a usable signing secret (see stripe.secret.format)");
        }
        if (!reached.answered()) {
            return Check.skip(id, "the URL gave no HTTP answer (see stripe.endpoint.reachable)");
        }
        return new StripeSecretProbe(new Sender(probe)).run(r.url(), r.secret(), r.subscription(), r.customer(),
            key != null && key.live(), clock.instant());
    }

    /** The enabled endpoints of a read that take one of {@code allowed} (or every event). */
    private record Receiving(List<String> allowed) {
    }

    private Check deliveries(Listed<StripeEndpoint> listed, List<StripeEndpoint> matches, List<String> allowed,
                             StripeKey key, int days) {
        String id = StripeDeliveries.ID;
        if (listed == null) {
            return Check.skip(id, UNLISTED);
        }
        Instant now = clock.instant();
        long since = now.minus(Duration.ofDays(days)).getEpochSecond();
        try {
            List<StripeAccount.EventSummary> undelivered = account.events(allowed, since, false, MAX_UNDELIVERED);
            StripeAccount.EventSummary last = account.events(allowed, since, true, 10).stream()
                .filter(e -> e.pendingWebhooks() == 0).findFirst().orElse(null);
            List<String> shared = listed.derived(new Receiving(allowed), all -> all.stream().filter(e -> e.enabled()
                && (e.wildcard() || e.enabledEvents().stream().anyMatch(allowed::contains))).toList()).stream()
                .filter(e -> !matches.contains(e)).map(StripeEndpoint::id).toList();
            return StripeDeliveries.judge(undelivered, last, shared, key.live(), days, now);
        } catch (NotifException e) {
            return Check.fail(id, "the events could not be read: " + Secrets.scrub(e.getMessage()),
                Secrets.scrub(e.hint())).because(e.exitCode());
        }
    }
}
