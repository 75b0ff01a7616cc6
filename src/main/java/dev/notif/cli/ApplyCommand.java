package dev.notif.cli;

import dev.notif.core.ExitCode;
import dev.notif.core.NotifException;
import dev.notif.fleet.Apply;
import dev.notif.fleet.PlanReport;
import dev.notif.fleet.PlanRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "apply", sortOptions = false,
    header = "Carry out the plan: set up every app and store of notif.toml as the file says, idempotently.",
    description = {
        "Plans first (as notif plan), then runs each store's own setup for the stores whose plan changes something,"
            + " after a confirmation: --yes, or a yes on a terminal (never a prompt in CI or without a terminal)."
            + " A second run changes nothing. Signing secrets Stripe shows only once, when it creates an endpoint, go"
            + " whole to one file of mode 0600 (--secrets-file, default notif-secrets.env; existing lines of other apps"
            + " are kept) named in the output, or to the terminal with --show-secrets; everywhere else they are"
            + " redacted.",
        "",
        PlanCommand.JSON,
    },
    footerHeading = "%nExamples:%n",
    footer = {
        "  notif apply --yes",
        "  notif apply --config ci/notif.toml --app game-ios --yes --secrets-file ~/secrets/notif.env",
    })
public final class ApplyCommand extends BaseCommand {
    static final String DEFAULT_SECRETS = "notif-secrets.env";

    @Mixin
    FleetOptions fleet;

    @Option(names = {"-y", "--yes"}, description = "Apply without asking; required when stdin is not a terminal or"
        + " CI is set.")
    boolean yes;

    @Option(names = "--secrets-file", paramLabel = "FILE", defaultValue = DEFAULT_SECRETS,
        description = "Where the signing secrets of created Stripe endpoints go, mode 0600 (default: ${DEFAULT-VALUE}).")
    String secretsFile;

    @Option(names = "--show-secrets", description = "Also print the new signing secrets whole.")
    boolean showSecrets;

    @Option(names = "--concurrency", paramLabel = "N", description = "At most N set-ups of one provider at a time.")
    int concurrency;

    ApplyCommand(dev.notif.core.Context ctx) {
        super(ctx);
    }

    @Override
    protected PlanReport execute() {
        Apply apply = new Apply(secretsFile);
        PlanRun run = PlanCommand.planRun(ctx, fleet, this::warn);
        return apply.run(run, run.entries(fleet::settable), concurrency, this::confirm, showSecrets);
    }

    private void confirm(PlanReport plan) {
        if (yes) {
            return;
        }
        if (!ctx.interactive()) {
            throw NotifException.usage("notif apply would make " + plan.changes() + " change" + (plan.changes() == 1
                ? "" : "s") + ": confirm with --yes (notif never prompts when stdin is not a terminal or CI is set)",
                "review them with notif plan, then rerun with --yes");
        }
        plan.printText(stderr());
        if (!new TerminalUi(this::stderr, ctx).confirm("Apply these " + plan.changes() + " changes?")) {
            throw new NotifException(ExitCode.FINDINGS, "cancelled: nothing was changed", "review the plan with notif plan");
        }
    }
}
