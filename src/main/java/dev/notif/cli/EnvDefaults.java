package dev.notif.cli;

import dev.notif.core.Context;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Flag, then environment: the one table of options that an environment variable fills when the flag is left out.
 * The value is read at parse time, never shown: help names the variable ({@code default: $STRIPE_API_KEY}) and
 * does not use {@code ${DEFAULT-VALUE}} for these options (EnvDefaultsTest holds both), so a secret in the
 * environment stays out of help, completions and the pre-rendered pages. Options whose fallback depends on other
 * options keep their own rule: verify stripe's and listen's secrets (after --secret-file), Google's credential chain
 * (Application Default Credentials), notif.toml's path ($NOTIF_CONFIG, then ./notif.toml, in FleetOptions).
 */
final class EnvDefaults implements IDefaultValueProvider {
    /** {@code commands}: where the row applies (qualified names); empty: every command with the option. */
    record Row(String option, String variable, boolean secret, Set<String> commands) {
        boolean appliesTo(String command) {
            return commands.isEmpty() || commands.contains(command);
        }
    }

    static final List<Row> ROWS = List.of(
        new Row("--api-key", "STRIPE_API_KEY", true, Set.of()),
        new Row("--secret", "STRIPE_WEBHOOK_SECRET", true,
            Set.of("notif send stripe", "notif check stripe", "notif setup stripe")),
        new Row("--bundle-id", "APPLE_BUNDLE_ID", false,
            Set.of("notif send apple", "notif check apple", "notif setup apple")),
        new Row("--password", "APPLE_SHARED_SECRET", true, Set.of("notif send apple")),
        new Row("--apple-shared-secret", "APPLE_SHARED_SECRET", true, Set.of()),
        new Row("--key-file", "APPLE_IAP_KEY_FILE", false, Set.of()),
        new Row("--key-id", "APPLE_IAP_KEY_ID", false, Set.of()),
        new Row("--issuer-id", "APPLE_ISSUER_ID", false, Set.of()),
        new Row("--asc-key-file", "ASC_KEY_FILE", false, Set.of()),
        new Row("--asc-key-id", "ASC_KEY_ID", false, Set.of()),
        new Row("--asc-issuer-id", "ASC_ISSUER_ID", false, Set.of()));

    private final Context ctx;

    EnvDefaults(Context ctx) {
        this.ctx = ctx;
    }

    /** The row for this option of this command, or null. */
    static Row row(OptionSpec option) {
        String command = option.command() == null ? null : option.command().qualifiedName(" ");
        for (Row r : ROWS) {
            if (r.option().equals(option.longestName()) && r.appliesTo(command)) {
                return r;
            }
        }
        return null;
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option)) {
            return null;
        }
        Row r = row(option);
        return r == null ? null : ctx.env(r.variable());
    }
}
