package dev.notif.fleet;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.core.ExitCode;
import dev.notif.output.PlanAction;
import dev.notif.output.Result;
import dev.notif.output.Text;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code notif plan} and {@code notif apply}: the set-up of every app and store of notif.toml as one plan. JSON:
 * {@code {ok, applied, config, started_at, duration_ms, changes, exit_code, exit_set_by, secrets_file, apps: [{name,
 * stores: [{store, target, exit_code, error, actions: [{action, resource, name, changes, reason, applied, cause, fix,
 * ...}], setup}]}]}}, where
 * {@code setup} is the store's own {@code setup --json} record (secrets redacted).
 */
public record PlanReport(boolean ok, boolean applied, String config, Instant startedAt, long durationMs, int changes,
                         int exitCode, FleetReport.ExitSetBy exitSetBy, String secretsFile,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> secrets, List<AppPlan> apps,
                         @JsonIgnore boolean exitOnChanges) implements Result {

    /** The same report, showing the secrets whole (apply --show-secrets). */
    public PlanReport withSecrets(Map<String, String> shown) {
        return new PlanReport(ok, applied, config, startedAt, durationMs, changes, exitCode, exitSetBy, secretsFile,
            shown, apps, exitOnChanges);
    }

    public record AppPlan(String name, List<StorePlan> stores) {
    }

    /** One store's plan (or what apply did): its steps, or the error that kept it from planning. */
    public record StorePlan(String store, String target, int exitCode, String error, List<PlanAction> actions,
                            JsonNode setup, @JsonIgnore String app) {
        public int writes() {
            return (int) actions.stream().filter(PlanAction::writes).count();
        }
    }

    public List<StorePlan> stores() {
        return apps.stream().flatMap(a -> a.stores().stream()).toList();
    }

    @Override
    public int exitCode() {
        return exitOnChanges && changes > 0 ? ExitCode.worst(exitCode, ExitCode.FINDINGS) : exitCode;
    }

    @Override
    public Notice notice() {
        return exitCode <= ExitCode.FINDINGS || exitSetBy == null ? null : new Notice((applied ? "could not apply"
            : "could not plan") + " everything: " + exitSetBy.app() + "/" + exitSetBy.store() + ": "
            + exitSetBy.reason(), "see that store above");
    }

    @Override
    public void printText(Text out) {
        String verb = applied ? "notif apply" : "notif plan";
        out.line(out.bold(verb) + "  " + config + (applied ? "" : "  " + out.dim("(a dry run: nothing was changed)")));
        int stores = 0;
        int touched = 0;
        for (StorePlan s : stores()) {
            stores++;
            touched += s.writes() > 0 ? 1 : 0;
            out.line(out.bold(s.app() + " / " + s.store()) + (s.target() == null ? "" : "  " + out.dim(s.target())));
            if (s.error() != null) {
                out.line("  " + out.red("! ") + s.error());
            }
            if (s.actions().stream().noneMatch(PlanAction::writes) && s.error() == null) {
                out.line("  " + out.green("=") + " up to date");
                continue;
            }
            for (PlanAction a : s.actions()) {
                if (!a.writes() && !a.action().equals("skip")) {
                    continue;
                }
                String sign = switch (a.action()) {
                    case "create" -> out.green("+");
                    case "update" -> out.yellow("~");
                    case "delete" -> out.red("-");
                    default -> out.dim("!");
                };
                List<String> words = new java.util.ArrayList<>(a.changes());
                if (a.reason() != null) {
                    words.add(a.reason());
                }
                if (a.hasFailed()) {
                    words.add(out.red(a.cause()) + (a.fix() == null ? "" : " (fix: " + a.fix() + ")"));
                }
                out.line("  " + sign + " " + out.status(a.action()) + " ".repeat(Math.max(1, 7 - a.action().length()))
                    + a.resource() + " " + (a.name() == null ? "(new)" : a.name()) + (words.isEmpty() ? "" : ": " + String.join("; ", words)));
            }
        }
        if (secrets != null) {
            secrets.forEach((name, value) -> out.line(out.bold(name) + "=" + value));
        }
        if (secretsFile != null) {
            out.line(out.bold("signing secrets Stripe showed once were written to " + secretsFile + " (mode 0600)")
                + ": paste each into its backend, then delete the file");
        }
        String line = changes + " change" + (changes == 1 ? "" : "s") + (applied ? " applied" : "") + " in " + touched
            + " of " + stores + " store" + (stores == 1 ? "" : "s") + (exitSetBy == null ? ""
            : "; exit " + exitCode + " set by " + exitSetBy.app() + "/" + exitSetBy.store());
        out.line(exitCode > ExitCode.FINDINGS ? out.red(line) : changes > 0 && !applied ? out.yellow(line)
            : out.green(line));
        if (!applied && changes > 0 && exitCode <= ExitCode.FINDINGS) {
            out.line("apply it: notif apply --config " + config + " --yes");
        }
    }
}
