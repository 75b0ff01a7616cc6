package dev.notif.stripe;

import dev.notif.core.DurableFiles;
import dev.notif.core.ExitCode;
import dev.notif.core.NotifException;
import dev.notif.core.Progress;
import dev.notif.core.Prompt;
import dev.notif.core.SecretFiles;
import dev.notif.core.Seconds;
import dev.notif.core.Secrets;
import dev.notif.core.Urls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import okhttp3.HttpUrl;

/**
 * {@code notif setup stripe}: read the account's endpoints, plan ({@link StripeSetupPlan}), confirm destructive steps,
 * apply, report. Creation uses an idempotency key derived from the account, the URL, the events and the endpoints
 * it replaces, so a retry (or a second notif racing this one) never makes a second endpoint; a replay of an earlier
 * creation whose endpoint has since been deleted is detected and followed by a real creation.
 */
public final class StripeSetup {
    static final String DESCRIPTION = "Created by notif setup stripe";

    /**
     * {@code apiVersion}: the version a created endpoint is pinned to (null: the account's default); {@code secret}:
     * the signing secret the backend holds, which tells --prune the endpoint to keep (null: none given).
     */
    public record Request(String url, boolean trackNewPurchases, boolean dryRun, boolean prune, boolean recreate,
                          String keep, boolean yes, Path secretFile, boolean showSecret, String apiVersion,
                          String secret, RotationState rotation) {
        /** The same request, knowing the rotation in progress for the URL (null: none). */
        public Request during(RotationState inProgress) {
            return new Request(url, trackNewPurchases, dryRun, prune, recreate, keep, yes, secretFile, showSecret,
                apiVersion, secret, inProgress);
        }

        /** Refused before anything else: --keep without --prune, a --secret-file that cannot be written. */
        public Request {
            if (keep != null && !prune) {
                throw NotifException.usage("--keep needs --prune", "add --prune to keep " + keep
                    + " and delete the others");
            }
            if (secretFile != null) {
                writable(secretFile);
            }
        }
    }

    /** The terminal side: progress lines and warnings on stderr, and yes/no questions when prompting is allowed. */
    public interface Ui extends Prompt {
        void progress(String line);

        /** A long wait, shown as {@link Progress#waiting} shows it (by default: as one progress line). */
        default Progress.Wait waiting(String what, Duration bound) {
            progress("waiting up to " + Seconds.text(bound) + " for " + what + " ...");
            return Progress.none().waiting(what, bound);
        }

        /** A doubt worth a line of its own; by default a progress line saying so. */
        default void warn(String message) {
            progress("warning: " + message);
        }

        /**
         * Where to save the signing secret of the endpoint just created, if the user agrees to a question (on a
         * terminal only); null: not offered, or declined.
         */
        default Path offerToSave(String endpointId) {
            return null;
        }
    }

    private final StripeAccount account;
    private final Ui ui;
    private final PruneEvidence evidence;

    /** {@code evidence}: how --prune tells the endpoint to keep (null: it cannot, and deletes nothing unasked). */
    public StripeSetup(StripeAccount account, Ui ui, PruneEvidence evidence) {
        this.account = account;
        this.ui = ui;
        this.evidence = evidence;
    }

    public SetupStripeResult run(Request r) {
        StripeKey key = account.key();
        check(r, key);
        List<String> events = StripeEvents.allowed(r.trackNewPurchases());
        ui.progress("Stripe " + key.mode().toUpperCase(Locale.ROOT) + " mode (" + key.redacted()
            + "): reading the account's webhook endpoints");
        List<StripeEndpoint> all = account.endpoints();
        StripeAccount.Identity who = account.identity();
        String keep = r.keep();
        String undecided = null;
        List<StripeEndpoint> matches = StripeSetupPlan.matching(all, r.url());
        if (r.prune() && !r.recreate() && keep == null && matches.size() > 1 && r.rotation() == null) {
            PruneEvidence.Decision d = evidence == null ? new PruneEvidence.Decision(null, "nothing to probe with")
                : evidence.decide(r.url(), matches, r.secret(), key.live());
            keep = d.keep();
            undecided = d.keep() == null ? d.why() : null;
            if (keep != null) {
                ui.progress("--prune keeps " + keep + ": " + d.why());
            }
        }
        StripeSetupPlan plan = StripeSetupPlan.of(all, new StripeSetupPlan.Wish(r.url(), events, r.prune(), r.recreate(),
            keep, undecided));
        SetupStripeResult.Builder result = new SetupStripeResult.Builder(key, who, r, plan, events);
        String refusal = plan.blocked() == null ? refusal(plan, all, r) : null;
        if (refusal != null) {
            return result.refused(refusal);
        }
        if (plan.blocked() != null || r.dryRun() || plan.noop()) {
            return result.planned();
        }
        confirm(plan, r);
        String accountRef = who != null ? who.id() : key.fingerprint();
        List<StripeSetupPlan.Action> done = new ArrayList<>();
        try {
            for (StripeSetupPlan.Action a : plan.actions()) {
                switch (a.action()) {
                    case StripeSetupPlan.CREATE -> {
                        List<String> replaced = plan.matches().stream().map(StripeEndpoint::id).sorted().toList();
                        StripeAccount.Created created = create(account, ui, accountRef, r.url(), events, r.apiVersion(),
                            r.recreate() ? replaced : List.of(), DESCRIPTION);
                        done.add(a.withEndpointId(created.endpoint().id()));
                        result.created(created);
                        Path file = r.secretFile() != null || created.secret() == null || r.showSecret() ? r.secretFile()
                            : ui.offerToSave(created.endpoint().id());
                        if (file != null && created.secret() != null) {
                            SecretFiles.write(file, created.secret() + "\n");
                            result.secretWritten(file);
                        }
                    }
                    case StripeSetupPlan.UPDATE -> {
                        StripeEndpoint updated = account.update(a.endpointId(), events, a.enable(),
                            StripeAccount.idempotencyKey("webhook_endpoint.update", accountRef, a.endpointId(),
                                String.join(",", events), String.valueOf(a.enable())));
                        done.add(a);
                        result.endpoint(updated);
                    }
                    case StripeSetupPlan.DELETE -> {
                        if (!account.delete(a.endpointId())) {
                            ui.progress(a.endpointId() + " was already deleted");
                        }
                        done.add(a);
                    }
                    default -> done.add(a);
                }
            }
        } catch (NotifException e) {
            if (done.isEmpty()) {
                throw e;
            }
            return result.failedAfter(done, e);
        }
        return result.applied(done);
    }

    /**
     * What Stripe would refuse or what setup cannot do, said before any write: a creation beyond Stripe's limit of
     * {@value StripeAccount#MAX_ENDPOINTS} endpoints, or an --api-version the kept endpoint cannot be moved to.
     */
    static String refusal(StripeSetupPlan plan, List<StripeEndpoint> all, Request r) {
        if (r.rotation() != null && (plan.deletes() || plan.creates())) {
            return r.rotation().inProgress() + "; setup would " + (plan.deletes() ? "delete" : "create")
                + " an endpoint in its middle";
        }
        if (plan.creates() && all.size() >= StripeAccount.MAX_ENDPOINTS) {
            return limitReached(all, "creating one for " + r.url());
        }
        StripeEndpoint kept = plan.kept();
        if (r.apiVersion() != null && kept != null && !r.apiVersion().equals(kept.apiVersion())) {
            return kept.id() + " renders events in " + StripeApiVersions.describe(kept.apiVersion()) + ", not "
                + r.apiVersion() + ", and Stripe cannot change an endpoint's API version in place (a new endpoint"
                + " means a new signing secret): move it with notif rotate stripe --url " + r.url() + " --api-version "
                + r.apiVersion();
        }
        return null;
    }

    /** Stripe's endpoint limit, with the endpoints worth deleting first (disabled ones). */
    static String limitReached(List<StripeEndpoint> all, String what) {
        List<String> disabled = all.stream().filter(e -> !e.enabled()).map(e -> e.id() + " (" + e.url() + ")").toList();
        return "the account already has " + all.size() + " webhook endpoints, Stripe's limit is "
            + StripeAccount.MAX_ENDPOINTS + ": " + what + " would be refused; delete an endpoint that is no longer used"
            + " (Stripe Dashboard > Developers > Webhooks" + (disabled.isEmpty() ? ")"
                : "; disabled ones: " + String.join(", ", disabled) + ")") + ", then rerun";
    }

    /** Before any request: a version notif does not know is sent with a warning; live over http is refused. */
    private void check(Request r, StripeKey key) {
        if (r.apiVersion() != null && !StripeApiVersions.known(r.apiVersion())) {
            ui.warn("--api-version " + r.apiVersion() + " is not a version notif knows (newest known: "
                + StripeApiVersions.newest() + "); Stripe refuses versions that do not exist");
        }
        if (!key.canDeliverTo(HttpUrl.parse(r.url()))) {
            throw NotifException.usage("refusing http:// with a live-mode key: Stripe delivers live events only to"
                + " https:// URLs (and would refuse this one)", "use the https:// URL of the ingestion service, or a"
                + " test-mode key (sk_test_...) for a local receiver");
        }
        if (key.live() && !r.dryRun()) {
            ui.warn("LIVE mode (" + key.redacted() + "): changes apply to the live account");
        }
    }

    /** The secret is returned once: make sure it can be written before anything is created. */
    private static void writable(Path file) {
        if (!DurableFiles.canCreate(file) || !Files.isWritable(file.toAbsolutePath().getParent())) {
            throw NotifException.usage("--secret-file " + file + " cannot be written"
                + (Files.isDirectory(file) ? ": it is a directory" : ": its directory does not exist or is read-only"),
                "pass a file in an existing, writable directory");
        }
    }

    private void confirm(StripeSetupPlan plan, Request r) {
        if (!plan.deletes() || r.yes()) {
            return;
        }
        List<String> ids = plan.actions().stream().filter(a -> StripeSetupPlan.DELETE.equals(a.action()))
            .map(StripeSetupPlan.Action::endpointId).toList();
        String what = (r.recreate() ? "--recreate" : "--prune") + " deletes " + String.join(", ", ids)
            + (plan.creates() ? " after creating a new endpoint (a new signing secret the backend must get)" : "");
        if (!ui.interactive()) {
            throw NotifException.usage(what + ": confirm with --yes (notif never prompts when stdin is not a terminal"
                + " or CI is set)", "review the plan with --dry-run, then rerun with --yes");
        }
        if (!ui.confirm(what + ". Go ahead?")) {
            throw new NotifException(ExitCode.FINDINGS, "cancelled: nothing was changed",
                "review the plan with --dry-run");
        }
    }

    /**
     * Creates the endpoint once, however many times the request is sent. Stripe answers a known idempotency key with
     * the saved answer for 24 hours, even when that endpoint has since been deleted: so the creation is confirmed by
     * reading the endpoint back, and a replayed, deleted one leads to a real creation under a key derived from it.
     */
    static StripeAccount.Created create(StripeAccount account, Ui ui, String accountRef, String url, List<String> events,
                                        String apiVersion, List<String> replaced, String description) {
        // from the URL's normal form, the one the plan compares with: two spellings of one URL are one endpoint
        String key = StripeAccount.idempotencyKey("webhook_endpoint.create", accountRef, Urls.normalize(url),
            String.join(",", events), description, String.join(",", replaced));
        if (apiVersion != null) {
            key = StripeAccount.idempotencyKey(key, "api_version", apiVersion);
        }
        for (int round = 0; ; round++) {
            StripeAccount.Created created;
            try {
                created = account.create(url, events, description, apiVersion, key);
            } catch (StripeAccount.KeyConflict e) {
                StripeEndpoint theirs = createdMeanwhile(account, url, events);
                if (theirs == null) {
                    throw e;
                }
                ui.progress("another notif run created " + theirs.id() + " for " + theirs.url()
                    + " at the same time; this run uses it (its signing secret went to that run)");
                return new StripeAccount.Created(theirs, null);
            }
            String id = created.endpoint().id();
            StripeEndpoint found;
            try {
                found = account.find(id);
            } catch (NotifException e) {
                ui.progress("could not read " + id + " back to confirm it: " + Secrets.scrub(e.getMessage()));
                return created;
            }
            if (found != null || round >= 2) {
                return created;
            }
            ui.progress("Stripe replayed an earlier creation of " + id + ", which has since been deleted; creating a new"
                + " endpoint");
            key = StripeAccount.idempotencyKey(key, "after", id);
        }
    }

    /**
     * The endpoint a concurrent run created for the same URL (in its normal form) with the same events, once Stripe
     * shows it (a creation still in flight answers 409: looked for a few times, with backoff); null if none.
     */
    private static StripeEndpoint createdMeanwhile(StripeAccount account, String url, List<String> events) {
        for (int attempt = 0; attempt < 5; attempt++) {
            for (StripeEndpoint e : StripeSetupPlan.matching(account.endpoints(), url)) {
                if (new java.util.HashSet<>(e.enabledEvents()).equals(new java.util.HashSet<>(events))) {
                    return e;
                }
            }
            try {
                Thread.sleep(200L << attempt);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }
}
