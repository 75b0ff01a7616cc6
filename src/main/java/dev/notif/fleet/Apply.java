package dev.notif.fleet;

import dev.notif.config.NotifConfig.StoreEntry;
import dev.notif.core.DurableFiles;
import dev.notif.core.NotifException;
import dev.notif.core.SecretFiles;
import dev.notif.core.Version;
import dev.notif.output.PlanAction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * notif apply: the plan of every selected store, confirmed, then carried out for the stores it would change; the
 * secrets Stripe shows once go to one 0600 file (checked writable before anything is created).
 */
public final class Apply {
    private final Path secrets;

    public Apply(String secretsFile) {
        Path path = Path.of(secretsFile);
        if (!DurableFiles.canCreate(path)) {
            throw NotifException.usage("--secrets-file " + secretsFile + " cannot be written", "pass a file in an"
                + " existing directory: the secrets Stripe shows once must have somewhere to go before anything is"
                + " created");
        }
        this.secrets = path;
    }

    /** Plans, asks {@code confirm} (which throws to cancel) when something would change, applies those stores. */
    public PlanReport run(PlanRun run, List<StoreEntry> entries, int concurrency, Consumer<PlanReport> confirm,
            boolean showSecrets) {
        PlanReport plan = run.run(entries, true, concurrency, new ArrayList<>(), null, false);
        Set<String> changing = plan.stores().stream()
            .filter(s -> s.error() == null && s.actions().stream().anyMatch(PlanAction::writes))
            .map(s -> key(s.store(), s.app())).collect(Collectors.toSet());
        if (changing.isEmpty()) {
            return plan;
        }
        confirm.accept(plan);
        List<StoreEntry> todo = entries.stream().filter(e -> changing.contains(key(e.store(), e.app()))).toList();
        List<PlanRun.Secret> created = new ArrayList<>();
        PlanReport done;
        try {
            done = run.run(todo, false, concurrency, created, secrets.toString(), false);
        } finally {
            if (!created.isEmpty()) {
                keep(secrets, created);
            }
        }
        // every store of the plan stays in the report, and in its exit code: what was applied, and the plan of the
        // others, the ones with nothing to change and the ones whose plan failed (never a green apply over them)
        Map<String, PlanReport.StorePlan> applied = new LinkedHashMap<>();
        done.stores().forEach(s -> applied.put(key(s.store(), s.app()), s));
        PlanReport all = run.report(plan.stores().stream().map(s -> applied.getOrDefault(key(s.store(), s.app()), s))
            .toList(), plan.startedAt(), true, done.secretsFile(), false);
        if (showSecrets && !created.isEmpty()) {
            Map<String, String> shown = new LinkedHashMap<>();
            created.forEach(s -> shown.put(s.name(), s.value()));
            return all.withSecrets(shown);
        }
        return all;
    }

    private static String key(String store, String app) {
        return store + "\u0000" + app;
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
