package dev.notif.stripe;

import dev.notif.core.NotifException;
import dev.notif.core.Secrets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code notif resend stripe}: the allowed-type events of the last {@code --since} (at most Stripe's 30 days) that
 * Stripe lists as not delivered ({@code delivery_success=false}), resent to the endpoint for URL one at a time the
 * way the Stripe CLI's {@code stripe events resend --webhook-endpoint} does ({@code POST /v1/events/{id}/retry}).
 * A plan first (all of it with --dry-run), then a summary. Events older than the endpoint, or of types it does not
 * receive, are left out: Stripe never meant them for it.
 */
public final class StripeResend {
    public static final Duration WINDOW = Duration.ofDays(30);
    private static final Pattern SINCE = Pattern.compile("(\\d+)([dhm])");

    public record Request(String url, Duration since, boolean dryRun, int max, String endpointId,
                          boolean trackNewPurchases) {
    }

    private final StripeAccount account;
    private final StripeSetup.Ui ui;
    private final Clock clock;

    public StripeResend(StripeAccount account, StripeSetup.Ui ui, Clock clock) {
        this.account = account;
        this.ui = ui;
        this.clock = clock;
    }

    /** {@code 7d}, {@code 12h}, {@code 90m}: within Stripe's 30 days of events. */
    public static Duration since(String value) {
        Matcher m = value == null ? null : SINCE.matcher(value.strip());
        if (m == null || !m.matches()) {
            throw NotifException.usage("--since " + value + " is not a duration", "use Nd, Nh or Nm, for example 7d");
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "d" -> Duration.ofDays(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofMinutes(n);
        };
        if (d.isZero() || d.compareTo(WINDOW) > 0) {
            throw NotifException.usage("--since " + value + " is outside Stripe's 30 days of events",
                "use at most 30d: Stripe keeps events, and resends them, for 30 days");
        }
        return d;
    }

    public ResendStripeResult run(Request r) {
        StripeKey key = account.key();
        List<StripeEndpoint> all = account.endpoints();
        List<StripeEndpoint> matches = StripeSetupPlan.matching(all, r.url());
        StripeEndpoint endpoint = choose(matches, r);
        Instant now = clock.instant();
        long from = now.minus(r.since()).getEpochSecond();
        List<String> types = StripeEvents.allowed(r.trackNewPurchases()).stream()
            .filter(t -> endpoint.wildcard() || endpoint.enabledEvents().contains(t)).toList();
        List<String> notes = new ArrayList<>();
        if (endpoint.created() != null && endpoint.created() > from) {
            notes.add(endpoint.id() + " was created " + Instant.ofEpochSecond(endpoint.created()) + ": older events were"
                + " never meant for it and are left out");
            from = endpoint.created();
        }
        if (!endpoint.enabled()) {
            notes.add(endpoint.id() + " is " + endpoint.status() + ": Stripe delivers nothing to it until it is"
                + " re-enabled (notif setup stripe --url " + r.url() + ")");
        }
        List<String> others = all.stream().filter(e -> !e.id().equals(endpoint.id()) && e.enabled()
            && (e.wildcard() || e.enabledEvents().stream().anyMatch(types::contains))).map(StripeEndpoint::id).toList();
        if (!others.isEmpty()) {
            notes.add(String.join(", ", others) + " also receive" + (others.size() == 1 ? "s" : "") + " these types:"
                + " Stripe's delivery_success=false does not say which endpoint failed, so some of these events may"
                + " have reached " + endpoint.id() + " already and arrive twice (a backend ignores an event id it has)");
        }
        List<StripeAccount.EventSummary> events = types.isEmpty() ? List.of()
            : account.events(types, from, false, r.max() + 1);
        boolean truncated = events.size() > r.max();
        if (truncated) {
            events = events.subList(0, r.max());
            notes.add("more than " + r.max() + " undelivered events: only the newest " + r.max() + " are in the plan;"
                + " rerun (or raise --max) for the others");
        }
        ResendStripeResult.Builder result = new ResendStripeResult.Builder(key, r, endpoint,
            Instant.ofEpochSecond(from), notes);
        events.forEach(result::planned);
        if (r.dryRun() || events.isEmpty()) {
            return result.planOnly();
        }
        String run = now.toString();
        ui.progress("asking Stripe to resend " + events.size() + " event" + (events.size() == 1 ? "" : "s") + " to "
            + endpoint.id());
        for (StripeAccount.EventSummary e : events) {
            try {
                account.retry(e.id(), endpoint.id(), StripeAccount.idempotencyKey("events.retry", e.id(), endpoint.id(),
                    run));
                result.resent(e.id());
            } catch (NotifException x) {
                result.failed(e.id(), Secrets.scrub(x.getMessage()));
                if (x.exitCode() > 2) { // the key or Stripe itself: the next ones would fail the same way
                    return result.stopped(x);
                }
            }
        }
        return result.done();
    }

    private static StripeEndpoint choose(List<StripeEndpoint> matches, Request r) {
        if (r.endpointId() != null) {
            return matches.stream().filter(e -> e.id().equals(r.endpointId())).findFirst().orElseThrow(() ->
                NotifException.usage("--endpoint " + r.endpointId() + " is not an endpoint for " + r.url(),
                    matches.isEmpty() ? "the account has no endpoint for this URL"
                        : "pass one of: " + String.join(", ", matches.stream().map(StripeEndpoint::id).toList())));
        }
        if (matches.isEmpty()) {
            throw NotifException.usage("no webhook endpoint of the account delivers to " + r.url(),
                "check --url; create the endpoint with notif setup stripe --url " + r.url());
        }
        if (matches.size() > 1) {
            throw NotifException.usage(matches.size() + " endpoints deliver to " + r.url() + ": say which one to resend"
                + " to", "pass --endpoint with one of: " + String.join(", ", matches.stream().map(StripeEndpoint::id)
                .toList()) + " (or keep one: notif setup stripe --url " + r.url() + " --prune)");
        }
        return matches.get(0);
    }
}
