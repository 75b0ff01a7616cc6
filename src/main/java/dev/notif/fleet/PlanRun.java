package dev.notif.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.notif.config.NotifConfig;
import dev.notif.config.NotifConfig.StoreEntry;
import dev.notif.core.ExitCode;
import dev.notif.core.Json;
import dev.notif.core.NotifException;
import dev.notif.core.Secrets;
import dev.notif.output.PlanAction;
import dev.notif.output.Result;
import dev.notif.stripe.SetupStripeResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * {@code notif plan}/{@code apply}: each store's own {@code setup} ({@code --dry-run} to plan) for every app and store
 * of the file, at once (as the check), in one plan. A signing secret Stripe returns once, on creation, is handed to
 * {@code secrets} and shown redacted everywhere else.
 */
public final class PlanRun {
    /** Runs one store's setup command for an entry, as a plan ({@code dryRun}) or for real. */
    public interface Setups {
        Result setup(StoreEntry entry, boolean dryRun);
    }

    /** A secret to keep: the app it belongs to and its environment-variable style name. */
    public record Secret(String app, String store, String name, String value) {
    }

    private final NotifConfig config;
    private final Setups setups;
    private final Clock clock;

    public PlanRun(NotifConfig config, Setups setups, Clock clock) {
        this.config = config;
        this.setups = setups;
        this.clock = clock;
    }

    public List<StoreEntry> entries(Predicate<StoreEntry> selected) {
        List<StoreEntry> out = new ArrayList<>();
        for (NotifConfig.App app : config.apps()) {
            for (StoreEntry e : app.stores()) {
                if (selected.test(e)) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    /** Plans (dryRun) or applies the entries; whole secrets of created endpoints go to {@code secrets}. */
    public PlanReport run(List<StoreEntry> entries, boolean dryRun, int concurrency, List<Secret> secrets,
                          String secretsFile, boolean exitOnChanges) {
        Instant started = clock.instant();
        List<PlanReport.StorePlan> plans = Parallel.map(entries, config, concurrency, e -> one(e, dryRun, secrets));
        return report(plans, started, !dryRun, secrets.isEmpty() ? null : secretsFile, exitOnChanges);
    }

    /** The report of these stores' plans (or of what was applied), its exit code the worst of theirs. */
    PlanReport report(List<PlanReport.StorePlan> plans, Instant started, boolean applied, String secretsFile,
                      boolean exitOnChanges) {
        int exit = ExitCode.OK;
        FleetReport.ExitSetBy setBy = null;
        int changes = 0;
        for (PlanReport.StorePlan p : plans) {
            changes += p.writes();
            int worse = ExitCode.worst(exit, p.exitCode());
            if (worse != exit) {
                exit = worse;
                setBy = new FleetReport.ExitSetBy(p.app(), p.store(), p.error() != null ? p.error()
                    : FleetReport.meaning(p.exitCode()));
            }
        }
        List<PlanReport.AppPlan> apps = new ArrayList<>();
        for (NotifConfig.App app : config.apps()) {
            List<PlanReport.StorePlan> mine = plans.stream().filter(p -> p.app().equals(app.name())).toList();
            if (!mine.isEmpty()) {
                apps.add(new PlanReport.AppPlan(app.name(), mine));
            }
        }
        return new PlanReport(exit == ExitCode.OK, applied, config.shownName(), started,
            Duration.between(started, clock.instant()).toMillis(), changes, exit, setBy, secretsFile, null, apps,
            exitOnChanges);
    }

    private PlanReport.StorePlan one(StoreEntry e, boolean dryRun, List<Secret> secrets) {
        String target = target(e);
        try {
            Result r = setups.setup(e, dryRun);
            if (r instanceof SetupStripeResult s && s.secret() != null && s.secret().startsWith("whsec_")
                && !s.secret().contains("****")) {
                synchronized (secrets) {
                    secrets.add(new Secret(e.app(), e.store(), envName(e.app()) + "_STRIPE_WEBHOOK_SECRET", s.secret()));
                }
            }
            int code = r.exitCode();
            String error = code > ExitCode.OK && r instanceof SetupStripeResult s ? s.problem() != null ? s.problem()
                : s.error() != null ? s.error().message() : null : null;
            return new PlanReport.StorePlan(e.store(), target, code, error, actions(r), redacted(r), e.app());
        } catch (NotifException ex) {
            return new PlanReport.StorePlan(e.store(), target, ex.exitCode() <= ExitCode.FINDINGS ? ExitCode.FINDINGS
                : ex.exitCode(), Secrets.scrub(ex.getMessage()) + (ex.hint() == null ? "" : " (hint: "
                + Secrets.scrub(ex.hint()) + ")"), List.of(), null, e.app());
        }
    }

    /** Every store's setup result carries its steps as {@link PlanAction}s. */
    private static List<PlanAction> actions(Result r) {
        if (r instanceof SetupStripeResult s) {
            return s.actions();
        }
        if (r instanceof dev.notif.apple.SetupAppleResult a) {
            return a.actions();
        }
        if (r instanceof dev.notif.google.SetupGoogleResult g) {
            return g.actions();
        }
        throw new IllegalArgumentException("not a setup result: " + r.getClass().getSimpleName());
    }

    /** The store's setup record as JSON, with any secret redacted. */
    private static JsonNode redacted(Result r) {
        JsonNode node = Json.mapper().valueToTree(r);
        if (node instanceof ObjectNode o && o.path("secret").isTextual()) {
            o.set("secret", TextNode.valueOf(Secrets.redact(o.get("secret").asText())));
        }
        return Json.parse(Secrets.scrub(Json.compact(node)));
    }

    static String envName(String app) {
        return app.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    private static String target(StoreEntry e) {
        for (String key : List.of("url", "bundle_id", "topic")) {
            if (e.get(key) != null) {
                return String.valueOf(e.get(key));
            }
        }
        return null;
    }
}
