package dev.notif.cli;

import dev.notif.config.NotifConfig.StoreEntry;
import dev.notif.fleet.PlanReport;
import dev.notif.fleet.PlanRun;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "plan", sortOptions = false,
    header = "Show what setting up every app and store of notif.toml would change, as one plan; change nothing.",
    description = {
        "Runs each store's own setup with --dry-run (setup stripe, setup apple, setup google; Amazon has no set-up"
            + " API) for every app of the file at once, and prints one plan: + create, ~ update, - delete, = up to"
            + " date. --exit-code: exit 0 when nothing would change and 1 when something would, so CI can detect"
            + " drift without writing. notif apply carries the plan out.",
        "",
        PlanCommand.JSON,
    },
    footerHeading = "%nExamples:%n",
    footer = {
        "  notif plan                                    # every app and store of ./notif.toml",
        "  notif plan --config ci/notif.toml --exit-code # exit 1 when the accounts drifted from the file",
        "  notif plan --app game-ios --store stripe --json",
    })
public final class PlanCommand extends BaseCommand {
    /** The JSON of plan and apply: one {@code fleet.PlanReport}. */
    static final String JSON = "JSON (--json): {ok, applied, config, started_at, duration_ms, changes, exit_code,"
        + " exit_set_by: {app, store, reason}, secrets_file, secrets, apps: [{name, stores: [{store, target, exit_code,"
        + " error, actions: [{action, resource, name, changes, reason, applied, cause, fix, ...}], setup: {...}}]}]};"
        + " setup is the store's own setup record (secrets redacted), secrets only with --show-secrets.";

    @Mixin
    FleetOptions fleet;

    @Option(names = "--exit-code", description = "Exit 1 when something would change (0 when nothing would).")
    boolean exitCode;

    @Option(names = "--concurrency", paramLabel = "N", description = "At most N set-ups of one provider at a time.")
    int concurrency;

    PlanCommand(dev.notif.core.Context ctx) {
        super(ctx);
    }

    @Override
    protected PlanReport execute() {
        PlanRun run = planRun(ctx, fleet, this::warn);
        return run.run(run.entries(fleet::settable), true, concurrency, new ArrayList<>(), null, exitCode);
    }

    /** The plan/apply run over the file (its warnings to {@code warn}): each store's own setup command, in-process. */
    static PlanRun planRun(dev.notif.core.Context ctx, FleetOptions fleet, Consumer<String> warn) {
        FleetOptions.Loaded loaded = fleet.load(ctx, "setup");
        loaded.config().warnings().forEach(warn);
        return new PlanRun(loaded.config(), (StoreEntry e, boolean dryRun) -> {
            FleetStores.Prepared table = loaded.prepared().get(e);
            List<String> args = new ArrayList<>(table.args());
            if (dryRun) {
                args.add("--dry-run");
            } else if (e.store().equals("stripe")) {
                args.addAll(List.of("--yes", "--show-secret")); // the secret goes to one 0600 file, never printed
            } else if (e.store().equals("apple")) {
                args.add("--yes"); // apply was confirmed: its plan showed the production URL it replaces
            }
            return loaded.stores().run("setup", table.from(), args, java.io.Writer.nullWriter());
        }, ctx.clock());
    }
}
