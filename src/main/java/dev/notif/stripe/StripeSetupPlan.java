package dev.notif.stripe;

import dev.notif.core.NotifException;
import dev.notif.output.PlanAction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What {@code setup stripe} must do to the account: a pure function of the account's endpoints and the wish
 * (URL, allowed events, --prune, --recreate, --keep), unit-tested on its own.
 * <ul>
 *   <li>no endpoint for the URL (compared in normalised form): create one;</li>
 *   <li>one: update its events to exactly the allowed set and re-enable it, or nothing when it already is so;
 *       with --recreate, create a new one (a new secret) and then delete it;</li>
 *   <li>several (duplicates, or one endpoint per event): blocked unless --prune, which keeps one (--keep ID, or the
 *       one whose secret the backend holds: {@link PruneEvidence}), fixes it and deletes the others; when which one
 *       cannot be told ({@code undecided}), blocked and nothing deleted. A blocked plan without --prune shows what
 *       keeping the one needing the fewest changes (enabled, oldest) would do.</li>
 * </ul>
 * Endpoints for other URLs never appear in a plan. Creations come before deletions so the URL never goes without
 * an endpoint.
 */
public record StripeSetupPlan(List<StripeEndpoint> matches, List<Action> actions, StripeEndpoint kept, String blocked,
                              boolean onePerEvent) {

    public static final String CREATE = PlanAction.CREATE;
    public static final String UPDATE = PlanAction.UPDATE;
    public static final String DELETE = PlanAction.DELETE;
    public static final String NONE = PlanAction.NONE;

    /** One step: for {@code create} the endpoint id is null until it exists. {@code enable}: re-enable a disabled one. */
    public record Action(String action, String endpointId, String url, List<String> addEvents, List<String> removeEvents,
                         boolean enable, String reason) {
        public Action {
            addEvents = List.copyOf(addEvents);
            removeEvents = List.copyOf(removeEvents);
        }

        public boolean writes() {
            return !NONE.equals(action);
        }

        Action withEndpointId(String id) {
            return new Action(action, id, url, addEvents, removeEvents, enable, reason);
        }

        /**
         * This step in the plan shape every setup shares: resource {@code endpoint}, named by its id (null until a
         * new one exists), the changes in words, then the contract's own fields.
         */
        public PlanAction toPlanAction(boolean applied) {
            List<String> changes = new ArrayList<>();
            if (CREATE.equals(action)) {
                changes.add(addEvents.size() + " events");
            } else {
                if (!addEvents.isEmpty()) {
                    changes.add("add " + String.join(", ", addEvents));
                }
                if (!removeEvents.isEmpty()) {
                    changes.add("remove " + String.join(", ", removeEvents));
                }
                if (enable) {
                    changes.add("re-enable");
                }
            }
            return PlanAction.of(action, "endpoint", endpointId, changes, reason).applied(applied || !writes())
                .field("endpoint_id", endpointId).field("url", url).field("add_events", addEvents)
                .field("remove_events", removeEvents).field("enable", enable);
        }
    }

    /**
     * What the user asked for; {@code undecided}: with --prune and no --keep, what could not be told about which
     * endpoint the backend holds the secret of (null: it was told, or not asked). Undecided, nothing is deleted.
     */
    public record Wish(String url, List<String> events, boolean prune, boolean recreate, String keep, String undecided) {
        public Wish(String url, List<String> events, boolean prune, boolean recreate, String keep) {
            this(url, events, prune, recreate, keep, null);
        }
    }

    public StripeSetupPlan {
        matches = List.copyOf(matches);
        actions = List.copyOf(actions);
    }

    public static StripeSetupPlan of(List<StripeEndpoint> all, Wish wish) {
        List<StripeEndpoint> matches = matching(all, wish.url());
        if (wish.keep() != null && matches.stream().noneMatch(e -> e.id().equals(wish.keep()))) {
            throw NotifException.usage("--keep " + wish.keep() + " is not an endpoint for " + wish.url(),
                matches.isEmpty() ? "the account has no endpoint for this URL; drop --keep"
                    : "pass one of: " + String.join(", ", matches.stream().map(StripeEndpoint::id).toList()));
        }
        boolean onePerEvent = matches.size() > 1 && matches.stream().allMatch(e -> e.enabledEvents().size() == 1);
        List<Action> actions = new ArrayList<>();
        if (matches.isEmpty()) {
            actions.add(create(wish, "no endpoint for this URL yet"));
            return new StripeSetupPlan(matches, actions, null, null, false);
        }
        String blocked = null;
        if (matches.size() > 1 && !wish.prune()) {
            blocked = matches.size() + " endpoints for " + wish.url() + severalWhy(onePerEvent)
                + "; rerun with --prune to keep one, fix it and delete the others";
        }
        if (matches.size() > 1 && wish.prune() && !wish.recreate() && wish.keep() == null && wish.undecided() != null) {
            for (StripeEndpoint e : matches) {
                actions.add(new Action(NONE, e.id(), e.url(), List.of(), List.of(), false,
                    "kept: which endpoint the backend holds the secret of cannot be told"));
            }
            return new StripeSetupPlan(matches, actions, null, matches.size() + " endpoints for " + wish.url()
                + ": --prune deletes none of them, as which one the backend holds the signing secret of cannot be"
                + " told: " + wish.undecided() + "; to go on, name the one to keep with --keep ENDPOINT_ID (Stripe"
                + " Dashboard > Developers > Webhooks reveals each endpoint's signing secret to compare with the"
                + " backend's), or pass --secret with the one the backend holds", onePerEvent);
        }
        if (wish.recreate()) {
            actions.add(create(wish, "--recreate: a new endpoint with a new signing secret replaces "
                + String.join(", ", matches.stream().map(StripeEndpoint::id).toList())));
            for (StripeEndpoint e : matches) {
                actions.add(delete(e, "replaced by the new endpoint (--recreate)"));
            }
            return new StripeSetupPlan(matches, actions, null, blocked, onePerEvent);
        }
        StripeEndpoint kept = choose(matches, wish);
        actions.add(fix(kept, wish.events()));
        for (StripeEndpoint e : matches) {
            if (e != kept) {
                actions.add(delete(e, onePerEvent ? "one endpoint per event: " + kept.id() + " carries them all"
                    : "duplicate of " + kept.id()));
            }
        }
        return new StripeSetupPlan(matches, actions, kept, blocked, onePerEvent);
    }

    /** The endpoints whose URL is {@code url} once both are normalised (scheme and host case, default port, slash). */
    public static List<StripeEndpoint> matching(List<StripeEndpoint> all, String url) {
        return new Listed<>(all, StripeEndpoint::url).forUrl(url);
    }

    /** Why several endpoints for one URL are a problem, as a continuation of "N endpoints for URL". */
    public static String severalWhy(boolean onePerEvent) {
        return onePerEvent ? ", one per event: a known cause of 400s, as each endpoint signs with its own secret and the"
            + " backend holds one"
            : ": Stripe delivers every event to each of them, each signed with its own secret, and the backend holds one";
    }

    /** Nothing to write. */
    public boolean noop() {
        return actions.stream().noneMatch(Action::writes);
    }

    public boolean deletes() {
        return actions.stream().anyMatch(a -> DELETE.equals(a.action()));
    }

    public boolean creates() {
        return actions.stream().anyMatch(a -> CREATE.equals(a.action()));
    }

    /** The endpoint kept: the one needing no change, else enabled, else the fewest changes, else the oldest. */
    static StripeEndpoint choose(List<StripeEndpoint> matches, Wish wish) {
        if (wish.keep() != null) {
            return matches.stream().filter(e -> e.id().equals(wish.keep())).findFirst().orElseThrow();
        }
        return matches.stream().min(Comparator
                .comparing((StripeEndpoint e) -> fix(e, wish.events()).writes())
                .thenComparing(e -> !e.enabled())
                .thenComparingInt(e -> changes(e, wish.events()))
                .thenComparingLong(e -> e.created() == null ? Long.MAX_VALUE : e.created())
                .thenComparing(StripeEndpoint::id))
            .orElseThrow();
    }

    static Action create(Wish wish, String reason) {
        return new Action(CREATE, null, wish.url(), wish.events(), List.of(), false, reason);
    }

    static Action delete(StripeEndpoint e, String reason) {
        return new Action(DELETE, e.id(), e.url(), List.of(), List.of(), false, reason);
    }

    /** Exactly {@code events}, enabled: an update of what differs, or {@code none}. */
    static Action fix(StripeEndpoint e, List<String> events) {
        List<String> add = events.stream().filter(x -> !e.enabledEvents().contains(x)).toList();
        List<String> remove = e.enabledEvents().stream().filter(x -> !events.contains(x)).toList();
        boolean enable = !e.enabled();
        if (add.isEmpty() && remove.isEmpty() && !enable) {
            return new Action(NONE, e.id(), e.url(), List.of(), List.of(), false, "already exactly right");
        }
        List<String> why = new ArrayList<>();
        if (StripeEvents.isOlderSet(e.enabledEvents())) {
            why.add("it carries " + StripeEvents.OLDER_WORDS);
        } else if (!add.isEmpty() || !remove.isEmpty()) {
            why.add("events differ from the allowed set");
        }
        if (enable) {
            why.add("it is " + e.status());
        }
        return new Action(UPDATE, e.id(), e.url(), add, remove, enable, String.join("; ", why));
    }

    private static int changes(StripeEndpoint e, List<String> events) {
        Set<String> all = new LinkedHashSet<>(events);
        all.addAll(e.enabledEvents());
        int same = (int) events.stream().filter(e.enabledEvents()::contains).count();
        return all.size() - same;
    }
}
