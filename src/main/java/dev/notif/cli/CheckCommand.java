package dev.notif.cli;

import dev.notif.config.NotifConfig.StoreEntry;
import dev.notif.core.Http;
import dev.notif.fleet.CheckFilter;
import dev.notif.fleet.CheckOutputs;
import dev.notif.fleet.FleetReport;
import dev.notif.fleet.FleetRun;
import dev.notif.output.CheckReport;
import dev.notif.probe.HttpProbe;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "check", sortOptions = false,
    header = "Check a store's notification set-up end to end, or every app and store of notif.toml at once.",
    description = {
        "With a store (notif check stripe ...): runs every check of that store, never stopping at the first failure,"
            + " and names the fix of each finding; exit 1 when any check failed.",
        "",
        "Without one: reads notif.toml (--config, $NOTIF_CONFIG, or ./notif.toml) and runs the check command of every"
            + " app's every store in parallel, with the values of the file (see docs/config.md), at most a few checks"
            + " of a provider at a time ([concurrency]). Adds per store <store>.liveness when max_silence is set (the"
            + " newest evidence of a delivery against it) and how long until the store gives up"
            + " (stripe.endpoint.disabling, google.backlog.retention). One report: text grouped by app and store,"
            + " failing stores first; --json one document (docs/ci.md); --junit FILE JUnit XML. Under GitHub Actions"
            + " also ::error/::warning annotations on stderr and a job summary. The exit code is the worst of the run"
            + " (1 findings, 3 credentials, 4 a provider down), and the report says which app and store set it.",
        "",
        "Without a store, JSON (--json): {ok, schema_version, version, config, started_at, duration_ms, exit_code,"
            + " exit_set_by: {app, store, reason}, counts: {pass, warn, fail, skip}, apps: [{name, ok, stores: [{store,"
            + " target, ok, exit_code, duration_ms, notes, checks: [{key, id, status, summary, fix, details, cause}]}]}]}.",
    },
    footerHeading = "%nExamples:%n",
    footer = {
        "  notif check stripe --url https://api.example.com/stripe --secret whsec_... --json",
        "  notif check amazon --url https://api.example.com/amazon",
        "  notif check                                   # every app and store of ./notif.toml",
        "  notif check --config ci/notif.toml --junit notif-junit.xml --json > notif-report.json",
        "  notif check --app game-ios --store stripe --only 'stripe.endpoint.*' --fail-on warn",
    }, subcommands = {
    CheckStripeCommand.class,
    CheckGoogleCommand.class,
    CheckAmazonCommand.class,
    CheckAppleCommand.class,
})
public final class CheckCommand extends BaseCommand {
    @Mixin
    FleetOptions fleet;

    @Option(names = "--only", paramLabel = "ID", split = ",",
        description = "Only checks with these ids, or patterns ending in * (stripe.endpoint.*); repeatable.")
    List<String> only = new ArrayList<>();

    @Option(names = "--skip", paramLabel = "ID", split = ",",
        description = "Leave out checks with these ids or patterns (*.liveness); repeatable.")
    List<String> skip = new ArrayList<>();

    @Option(names = "--fail-on", paramLabel = "fail|warn", defaultValue = "fail",
        description = "What makes the run exit 1: a failed check (default), or also a warning.")
    String failOn;

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write the report as JUnit XML to FILE.")
    String junit;

    @Option(names = "--concurrency", paramLabel = "N",
        description = "At most N checks of one provider at a time (default: the file's [concurrency], else "
            + FleetRun.DEFAULT_CONCURRENCY + ").")
    int concurrency;

    @Mixin
    NetworkOptions network;

    CheckCommand(dev.notif.core.Context ctx) {
        super(ctx);
    }

    @Override
    protected FleetReport execute() {
        CheckOutputs outputs = new CheckOutputs(failOn, concurrency, junit);
        FleetOptions.Loaded loaded = fleet.load(ctx, "check");
        loaded.config().warnings().forEach(this::warn);
        FleetRun.Stores runner = (StoreEntry entry, java.io.PrintWriter err) -> (CheckReport) loaded.prepared()
            .get(entry).run(err);
        FleetReport report = new FleetRun(loaded.config(), runner, ctx.clock(),
            new HttpProbe(Http.client(network.timeout())), this::stderrLine)
            .run(new FleetRun.Options(fleet.apps, fleet.stores, new CheckFilter(only, skip), outputs.warnFails(),
                concurrency, common.verbose));
        outputs.publish(report, ctx::env, this::stderrLine);
        return report;
    }

    private synchronized void stderrLine(String line) {
        ctx.err().println(line);
        ctx.err().flush();
    }
}
