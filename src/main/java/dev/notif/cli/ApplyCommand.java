package dev.notif.cli;

import dev.notif.config.NotifConfig.StoreEntry;
import dev.notif.core.ExitCode;
import dev.notif.core.NotifException;
import dev.notif.core.SecretFiles;
import dev.notif.core.Version;
import dev.notif.fleet.PlanReport;
import dev.notif.fleet.PlanRun;
import dev.notif.output.Text;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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
        "JSON (--json): {ok, applied, config, started_at, duration_ms, changes, exit_code, exit_set_by: {app, store,"
            + " reason}, secrets_file, secrets, apps: [{name, stores: [{store, target, exit_code, error, actions: [{action,"
            + " resource, name, changes, reason, applied, cause, fix, ...}], setup: {...}}]}]}; setup is the store's own"
            + " setup record (secrets redacted), secrets only with --show-secrets.",
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
        Path secrets = Path.of(secretsFile);
        Path dir = secrets.toAbsolutePath().getParent();
        if (Files.isDirectory(secrets) || dir == null || !Files.isDirectory(dir)) {
            throw NotifException.usage("--secrets-file " + secretsFile + " cannot be written", "pass a file in an"
                + " existing directory: the secrets Stripe shows once must have somewhere to go before anything is"
                + " created");
        }
        FleetOptions.Loaded loaded = fleet.load(ctx, "setup");
        loaded.config().warnings().forEach(this::warn);
        PlanRun run = PlanCommand.planRun(ctx, loaded);
        List<StoreEntry> entries = run.entries(fleet::settable);
        PlanReport plan = run.run(entries, true, concurrency, new ArrayList<>(), null, false);
        Set<String> changing = plan.stores().stream().filter(s -> s.error() == null && s.actions().stream()
            .anyMatch(dev.notif.output.PlanAction::writes)).map(s -> s.store() + "\u0000" + s.app()).collect(Collectors.toSet());
        if (changing.isEmpty()) {
            return plan;
        }
        confirm(plan);
        List<StoreEntry> todo = entries.stream().filter(e -> changing.contains(e.store() + "\u0000" + e.app()))
            .toList();
        List<PlanRun.Secret> created = new ArrayList<>();
        PlanReport applied;
        try {
            applied = run.run(todo, false, concurrency, created, secrets.toString(), false);
        } finally {
            if (!created.isEmpty()) {
                keep(secrets, created);
            }
        }
        if (showSecrets && !created.isEmpty()) {
            Map<String, String> shown = new LinkedHashMap<>();
            created.forEach(s -> shown.put(s.name(), s.value()));
            return applied.withSecrets(shown);
        }
        return applied;
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
        Text t = stderr();
        plan.printText(t);
        t.print("Apply these " + plan.changes() + " changes? [y/N] ");
        t.flush();
        String answer;
        try {
            answer = new BufferedReader(new InputStreamReader(ctx.in(), StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            answer = null;
        }
        if (answer == null || !answer.strip().toLowerCase(Locale.ROOT).matches("y|yes")) {
            throw new NotifException(ExitCode.FINDINGS, "cancelled: nothing was changed", "review the plan with notif plan");
        }
    }

    /** The new secrets and the file's other lines, in one 0600 file (written atomically). */
    private static void keep(Path file, List<PlanRun.Secret> created) {
        Map<String, String> lines = new LinkedHashMap<>();
        if (Files.exists(file)) {
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    int eq = line.indexOf('=');
                    if (!line.startsWith("#") && eq > 0) {
                        lines.put(line.substring(0, eq), line.substring(eq + 1));
                    }
                }
            } catch (IOException e) {
                throw NotifException.usage("cannot read " + file + " to add the new secrets: " + e.getMessage(),
                    "pass another --secrets-file");
            }
        }
        created.forEach(s -> lines.put(s.name(), s.value()));
        StringBuilder text = new StringBuilder("# Signing secrets Stripe showed once, when notif apply (notif "
            + Version.get() + ") created their endpoints.\n# Paste each into its backend, then delete this file.\n");
        lines.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        SecretFiles.write(file, text.toString());
    }
}
