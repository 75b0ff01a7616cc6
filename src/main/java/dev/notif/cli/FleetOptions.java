package dev.notif.cli;

import dev.notif.config.ConfigError;
import dev.notif.config.ConfigReader;
import dev.notif.config.NotifConfig;
import dev.notif.config.NotifConfig.StoreEntry;
import dev.notif.config.Suggest;
import dev.notif.core.Context;
import dev.notif.core.NotifException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Which notif.toml, and which of its apps and stores: for check, plan and apply. Fields of plain types only. */
public class FleetOptions {
    static final String DEFAULT_FILE = dev.notif.fleet.Init.DEFAULT_FILE;
    static final String ENV = "NOTIF_CONFIG";
    private static final Pattern OPTION = Pattern.compile("'?--([a-z][a-z0-9-]*)");

    @Option(names = "--config", paramLabel = "FILE",
        description = "The file listing the apps and their stores (default: $NOTIF_CONFIG, else ./notif.toml).")
    String config;

    @Option(names = "--app", paramLabel = "NAME", split = ",",
        description = "Only these apps (repeatable, or comma-separated; default: every app of the file).")
    List<String> apps = new ArrayList<>();

    @Option(names = "--store", paramLabel = "NAME", split = ",",
        description = "Only these stores: stripe, apple, google, amazon (repeatable, or comma-separated).")
    List<String> stores = new ArrayList<>();

    /**
     * The file and its stores, read and checked; a mistake in them is exit 2 with FILE:LINE:COLUMN. The command each
     * selected table stands for, parsed and ready to run.
     */
    record Loaded(NotifConfig config, FleetStores stores, Map<StoreEntry, FleetStores.Prepared> prepared) {
    }

    Loaded load(Context ctx, String verb) {
        Path file = file(ctx);
        FleetStores fleet = new FleetStores(ctx);
        NotifConfig cfg = ConfigReader.read(file, fleet.schema(), ctx.env());
        List<String> names = cfg.apps().stream().map(NotifConfig.App::name).toList();
        for (String app : apps) {
            if (!names.contains(app)) {
                String close = Suggest.closest(app, names);
                throw NotifException.usage("--app " + app + ": " + cfg.shownName() + " has no such app",
                    (close == null ? "" : "did you mean " + close + "? ") + "its apps: " + String.join(", ", names));
            }
        }
        for (String store : stores) {
            if (!FleetStores.STORES.contains(store)) {
                String close = Suggest.closest(store, FleetStores.STORES);
                throw NotifException.usage("--store " + store + " is not a store", (close == null ? "" : "did you mean "
                    + close + "? ") + "one of " + String.join(", ", FleetStores.STORES));
            }
        }
        List<StoreEntry> chosen = cfg.apps().stream().flatMap(a -> a.stores().stream())
            .filter(e -> selected(e) && FleetStores.has(verb, e.store())).toList();
        // every selected table parsed before any runs (a mistake in the file stops the run at once), on every core
        // (a file may have hundreds); the first mistake in file order is the one reported
        List<Object> outcomes = chosen.parallelStream().map(e -> {
            try {
                List<String> args = fleet.args(e, verb);
                return new FleetStores.Prepared(fleet, verb, FleetStores.from(cfg, e), args,
                    fleet.parse(verb, e.store(), args));
            } catch (ParameterException | NotifException ex) {
                return ex;
            }
        }).toList();
        Map<StoreEntry, FleetStores.Prepared> prepared = new IdentityHashMap<>();
        for (int i = 0; i < chosen.size(); i++) {
            if (outcomes.get(i) instanceof FleetStores.Prepared p) {
                prepared.put(chosen.get(i), p);
            } else {
                throw outcomes.get(i) instanceof ParameterException ex ? configError(cfg, chosen.get(i), ex)
                    : (NotifException) outcomes.get(i);
            }
        }
        return new Loaded(cfg, fleet, prepared);
    }

    boolean selected(StoreEntry e) {
        return (apps.isEmpty() || apps.contains(e.app())) && (stores.isEmpty() || stores.contains(e.store()));
    }

    /** Selected, and a store with a setup command (plan and apply leave the others out). */
    boolean settable(StoreEntry e) {
        return selected(e) && FleetStores.has("setup", e.store());
    }

    private Path file(Context ctx) {
        if (config != null) {
            return Path.of(config);
        }
        String env = ctx.env(ENV);
        if (env != null) {
            return Path.of(env);
        }
        Path file = Path.of(DEFAULT_FILE);
        if (!Files.exists(file)) {
            throw NotifException.usage("no " + DEFAULT_FILE + " in " + Path.of("").toAbsolutePath()
                + ": notif check, plan and apply without a store read one",
                "write a starting one with notif init, pass --config FILE (or set " + ENV + "), or name a store:"
                    + " notif check stripe --url ...");
        }
        return file;
    }

    /** A table whose command does not parse: where in the file, which key, and what to write there. */
    private static ConfigError configError(NotifConfig cfg, StoreEntry e, ParameterException ex) {
        String message = Cli.firstLine(ex.getMessage());
        Matcher m = OPTION.matcher(message);
        String key = m.find() ? FleetStores.keyOf(m.group(1)) : null;
        var value = key == null ? null : e.value(key);
        boolean missing = message.startsWith("Missing required");
        String problem = !missing ? message : value != null && value.unresolved() != null
            ? "\"" + value.reference() + "\": " + value.unresolved() : "is required";
        return ConfigError.at(cfg.shownName(), value != null ? value.at() : e.at(),
            e.store() + (key == null ? "" : "." + key) + " (app \"" + e.app() + "\")", problem, null,
            missing && value == null ? "add " + key + " = ... to [app." + e.store() + "] of this app"
                : "see docs/config.md for the keys of [app." + e.store() + "]");
    }
}
