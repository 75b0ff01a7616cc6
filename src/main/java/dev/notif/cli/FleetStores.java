package dev.notif.cli;

import dev.notif.config.NotifConfig;
import dev.notif.config.NotifConfig.StoreEntry;
import dev.notif.config.NotifConfig.Value;
import dev.notif.config.Schema;
import dev.notif.config.Schema.Key;
import dev.notif.config.Schema.Kind;
import dev.notif.core.Context;
import dev.notif.core.ExitCode;
import dev.notif.core.Inputs;
import dev.notif.core.NotifException;
import dev.notif.output.Result;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * notif.toml's store tables are the store commands' options: the keys are their long options in snake_case, and a
 * run over the file runs those very commands ({@code check stripe}, {@code setup apple --dry-run}, ...) in-process,
 * with the arguments a table stands for. The fleet reimplements no check and no set-up step.
 */
final class FleetStores {
    static final List<String> STORES = List.of("stripe", "apple", "google", "amazon");
    /**
     * Options that make no sense in a file (output form, confirmations, one-off actions) or are replaced by a key
     * ({@code api_key_file}, {@code secret_file}: {@code api_key = "file:PATH"}, {@code secret = "file:PATH"}).
     */
    private static final Set<String> NOT_KEYS = Set.of("json", "no_color", "verbose", "help", "dry_run", "yes",
        "show_secret", "secret_file", "api_key_file", "recreate", "keep", "force");
    private static final Set<String> SECRETS = Set.of("api_key", "secret");
    private static final Set<String> FILES = Set.of("key_file", "asc_key_file", "credentials");
    /** Environment variables the store commands fall back to: in a fleet run, only the file's values count. */
    static final List<String> STORE_ENV = List.of("STRIPE_API_KEY", "STRIPE_WEBHOOK_SECRET", "APPLE_IAP_KEY_FILE",
        "APPLE_IAP_KEY_ID", "APPLE_ISSUER_ID", "APPLE_BUNDLE_ID", "ASC_KEY_FILE", "ASC_KEY_ID", "ASC_ISSUER_ID",
        "GOOGLE_APPLICATION_CREDENTIALS", "GOOGLE_CLOUD_PROJECT");
    static final String ENVIRONMENTS = "environments";
    private static final String ENVIRONMENT = "environment";
    static final String MAX_SILENCE = "max_silence";
    static final String RECEIVER = "receiver";
    static final String TIMEOUT = "timeout";
    /** How many days of history each store's check may read, and its option. */
    private static final Map<String, Integer> MAX_DAYS = Map.of("stripe", 30, "apple", 180, "google", 42);

    private final Context ctx;
    private final Map<String, Map<String, OptionSpec>> checkOptions = new LinkedHashMap<>();
    private final Map<String, Map<String, OptionSpec>> setupOptions = new LinkedHashMap<>();
    private final Schema schema;
    /** The command lines of this run's tables by verb and store, each idle one ready for the next table. */
    private final Map<String, java.util.Queue<Reused>> lines = new java.util.concurrent.ConcurrentHashMap<>();

    FleetStores(Context ctx) {
        this.ctx = ctx;
        Map<String, Map<String, Key>> stores = new LinkedHashMap<>();
        for (String store : STORES) {
            Map<String, Key> keys = new LinkedHashMap<>();
            checkOptions.put(store, options(command("check", store), keys));
            Class<?> setup = command("setup", store);
            setupOptions.put(store, setup == null ? Map.of() : options(setup, keys));
            if (store.equals("apple")) {
                keys.put(ENVIRONMENTS, new Key(ENVIRONMENTS, Kind.STRINGS, "The environments to check and set up"
                    + " (default: both).", List.of("production", "sandbox")));
            }
            stores.put(store, keys);
        }
        Map<String, Key> inherited = new LinkedHashMap<>();
        inherited.put(MAX_SILENCE, new Key(MAX_SILENCE, Kind.DURATION, "Fail when the newest evidence of a delivery"
            + " (the store's own history, or the receiver's /status) is older than this."));
        inherited.put(RECEIVER, new Key(RECEIVER, Kind.URL, "Base URL of a notif listen receiver whose /status"
            + " counts as delivery evidence for max_silence."));
        inherited.put(TIMEOUT, stores.get("stripe").get(TIMEOUT));
        schema = new Schema(stores, inherited);
    }

    Schema schema() {
        return schema;
    }

    /** Whether {@code notif VERB STORE} exists (check or setup): Amazon has no setup. */
    static boolean has(String verb, String store) {
        return command(verb, store) != null;
    }

    private static Class<?> command(String verb, String store) {
        Class<?> group = verb.equals("check") ? CheckCommand.class : SetupCommand.class;
        for (Class<?> sub : group.getAnnotation(CommandLine.Command.class).subcommands()) {
            if (sub.getAnnotation(CommandLine.Command.class).name().equals(store)) {
                return sub;
            }
        }
        return null;
    }

    /**
     * The command's long options by key; adds each to {@code keys} (a first description wins). An option's first long
     * name is its key; a further one (a former name kept as an alias, such as Google's {@code --push-url}) is a key
     * too, for files written before the rename.
     */
    private Map<String, OptionSpec> options(Class<?> command, Map<String, Key> keys) {
        Map<String, OptionSpec> byKey = new LinkedHashMap<>();
        CommandLine cl = new CommandLine(command, new Cli.ContextFactory(ctx));
        for (OptionSpec o : cl.getCommandSpec().options()) {
            List<String> names = keys(o);
            if (!names.isEmpty() && names.get(0).equals(ENVIRONMENT)) {
                byKey.put(ENVIRONMENT, o); // not a key of the file: the "environments" list stands for it
                continue;
            }
            if (names.isEmpty() || NOT_KEYS.contains(names.get(0)) || o.usageHelp() || o.versionHelp()) {
                continue;
            }
            String key = names.get(0);
            for (String name : names) {
                byKey.put(name, o);
                keys.putIfAbsent(name, new Key(name, kind(name, o), name.equals(key) ? description(o)
                    : "The former name of " + key + "."));
            }
        }
        return byKey;
    }

    /** An option's first long name: what a run over the file passes (its current name, not a former one). */
    private static String flag(OptionSpec o) {
        return java.util.Arrays.stream(o.names()).filter(n -> n.startsWith("--")).findFirst().orElseThrow();
    }

    /** An option's keys: its long names in snake_case, the first one its own. */
    private static List<String> keys(OptionSpec o) {
        return java.util.Arrays.stream(o.names()).filter(n -> n.startsWith("--"))
            .map(n -> n.substring(2).replace('-', '_')).toList();
    }

    private static Kind kind(String key, OptionSpec o) {
        if (SECRETS.contains(key)) {
            return Kind.SECRET;
        }
        if (FILES.contains(key)) {
            return Kind.FILE;
        }
        Class<?> type = o.type();
        if (type == boolean.class || type == Boolean.class) {
            return Kind.BOOL;
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return Kind.INT;
        }
        if (type == double.class || type == Double.class) {
            return Kind.NUMBER;
        }
        if (List.class.isAssignableFrom(type)) {
            return Kind.STRINGS;
        }
        return key.endsWith("url") || key.endsWith("api_base") ? Kind.URL : Kind.STRING;
    }

    private static String description(OptionSpec o) {
        String d = String.join(" ", o.description());
        return d.replace("${DEFAULT-VALUE}", String.valueOf(o.defaultValue()));
    }

    /** The options of {@code verb store} for this entry (values unresolved or not options of the verb left out). */
    List<String> args(StoreEntry entry, String verb) {
        Map<String, OptionSpec> options = (verb.equals("check") ? checkOptions : setupOptions).get(entry.store());
        List<String> args = new ArrayList<>();
        Map<OptionSpec, String> given = new java.util.HashMap<>();
        for (Value v : entry.values().values()) {
            OptionSpec o = options.get(v.key());
            if (v.value() == null) {
                continue;
            }
            String twice = o == null ? null : given.putIfAbsent(o, v.key());
            if (twice != null) {
                String key = keys(o).get(0);
                throw NotifException.usage(entry.store() + ": " + twice + " and " + v.key() + " are one setting (" + key
                    + ", formerly " + (key.equals(twice) ? v.key() : twice) + ")", "keep " + key + " only");
            }
            if (v.key().equals(ENVIRONMENTS) && options.containsKey(ENVIRONMENT)) {
                List<?> envs = (List<?>) v.value();
                if (envs.size() == 1) {
                    args.addAll(List.of(flag(options.get(ENVIRONMENT)), String.valueOf(envs.get(0))));
                }
                continue;
            }
            if (o == null) {
                continue;
            }
            if (v.kind() == Kind.BOOL) {
                if (Boolean.TRUE.equals(v.value())) {
                    args.add(flag(o));
                }
            } else if (v.value() instanceof List<?> list) {
                list.forEach(item -> args.addAll(List.of(flag(o), String.valueOf(item))));
            } else {
                args.addAll(List.of(flag(o), text(v.value())));
            }
        }
        Integer maxDays = MAX_DAYS.get(entry.store());
        if (verb.equals("check") && maxDays != null && entry.value("days") == null
            && entry.get(MAX_SILENCE) instanceof Duration silence) {
            // enough history for max_silence to be judged (a day past it), within what the store keeps
            long days = Math.min(maxDays, Math.max(defaultDays(entry.store()), silence.toDays() + 2));
            args.addAll(List.of("--days", String.valueOf(days)));
        }
        return args;
    }

    private int defaultDays(String store) {
        OptionSpec days = checkOptions.get(store).get("days");
        return days == null ? 1 : Integer.parseInt(days.defaultValue());
    }

    private static String text(Object value) {
        if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
            return String.valueOf(d.longValue());
        }
        return String.valueOf(value);
    }

    /** Where a command-line option of a store is in the file: its key. */
    static String keyOf(String option) {
        return Inputs.key(option);
    }

    /** An entry of {@code config} as its store's command names the values it misses ({@link Inputs}). */
    static Inputs.File from(NotifConfig config, StoreEntry e) {
        return new Inputs.File(config.shownName(), e.app(), e.store(), e.leftOut());
    }

    /**
     * The command line of {@code verb store} alone, parsed by the same rules as {@code notif verb store}: building
     * only the leaf (not the whole tree of stand-ins) keeps a run over hundreds of stores cheap.
     */
    static CommandLine leaf(Context leaf, String verb, String store) {
        Class<?> cls = command(verb, store);
        if (cls == null) {
            throw new IllegalArgumentException("no command " + verb + " " + store);
        }
        CommandLine cl = new CommandLine(cls, new Cli.ContextFactory(leaf));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setAbbreviatedOptionsAllowed(false);
        return cl;
    }

    /**
     * Parses {@code args} as {@code notif verb store} would, not running it yet: a run over the file parses every
     * table before any of them runs, so that a mistake in the file stops it at once. Throws picocli's
     * {@link ParameterException} for a usage error.
     */
    Parsed parse(String verb, String store, List<String> args) {
        return with(verb, store, line -> {
            BaseCommand command = line.parse(args);
            return new Parsed(line.built.values(), command.spec.commandLine().getParseResult());
        });
    }

    /** What a parse of a table's arguments gave: the fields of its command and mixins, and picocli's parse result. */
    record Parsed(List<Object> fields, CommandLine.ParseResult result) {
    }

    /** Runs what {@link #parse} gave for {@code from} as {@link #run(String, Inputs.File, List, java.io.Writer)}. */
    Result run(String verb, Inputs.File from, Parsed parsed, java.io.Writer err) {
        return with(verb, from.store(), line -> line.run(line.resume(parsed), from, err));
    }

    /**
     * Runs {@code verb store} of the entry {@code from} with {@code args} as {@code notif} would, its stderr to
     * {@code err}, and returns its result unprinted, its messages naming the file's keys ({@link Inputs}); picocli's
     * usage errors become exit-2 {@link NotifException}s.
     */
    Result run(String verb, Inputs.File from, List<String> args, java.io.Writer err) {
        return with(verb, from.store(), line -> {
            BaseCommand command;
            try {
                command = line.parse(args);
            } catch (ParameterException e) {
                throw new NotifException(ExitCode.USAGE, Cli.firstLine(e.getMessage()), "check the keys of this table");
            }
            return line.run(command, from, err);
        });
    }

    /**
     * What {@code work} makes with an idle command line of {@code verb store} (a new one when every one is in use, by
     * another thread), which is idle again after it.
     */
    private <T> T with(String verb, String store, java.util.function.Function<Reused, T> work) {
        java.util.Queue<Reused> idle = lines.computeIfAbsent(verb + " " + store,
            k -> new java.util.concurrent.ConcurrentLinkedQueue<>());
        Reused line = idle.poll();
        if (line == null) {
            line = new Reused(ctx, verb, store);
        }
        try {
            return work.apply(line);
        } finally {
            idle.add(line);
        }
    }

    /** Runs the command, its messages naming the values {@code from} leaves out by the file's keys. */
    private static Result execute(BaseCommand command, Inputs.File from) {
        try (Inputs.Scope named = Inputs.file(from)) {
            return command.execute();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One command line of {@code verb store}, used by one thread at a time, table after table: picocli's model of a
     * command costs several parses to build. Each parse, and each resume of a parse made earlier (check's, made while
     * reading the file), starts from the command as it was built: picocli sets the options to their initial values,
     * {@link Built} every other field of the command and its mixins.
     */
    static final class Reused {
        private final CommandLine line;
        private final Relay err = new Relay();
        private final Built built;

        Reused(Context ctx, String verb, String store) {
            line = leaf(leafContext(ctx, new java.io.PrintWriter(err, true)), verb, store);
            built = new Built(line.getCommandSpec());
        }

        /** The command parsed from {@code args}, as if built for them; a usage error as picocli's exception. */
        BaseCommand parse(List<String> args) {
            built.restore();
            Object command = line.parseArgs(args.toArray(String[]::new)).commandSpec().userObject();
            if (!(command instanceof BaseCommand base)) {
                throw new IllegalStateException("not a leaf command: " + args);
            }
            return base;
        }

        /** The command as a parse (on this command line or another of the same command) left it, not parsed again. */
        BaseCommand resume(Parsed parsed) {
            built.restore();
            built.set(parsed.fields());
            BaseCommand command = (BaseCommand) line.getCommandSpec().userObject();
            command.parsed = parsed.result();
            return command;
        }

        Result run(BaseCommand command, Inputs.File from, java.io.Writer to) {
            err.to(to);
            try {
                return execute(command, from);
            } finally {
                err.to(null);
            }
        }
    }

    /**
     * The fields of a command and of its mixins as they were built, put back before each parse of a reused command
     * (a value a run kept, such as a key it resolved, would otherwise serve the next table). Every field counts, not
     * a list: a new one is reset too. A field whose value could change inside (anything but null, a string, a number,
     * a boolean, an enum or a path) is refused when the command is built, and an option's initial collection that a
     * run changed is refused before the next parse; fields of picocli's model ({@code @Spec}, {@code @Mixin}) and the
     * command's context (final, the same for every table) are left as they are.
     */
    static final class Built {
        private record Slot(Object owner, Field field, Object value, Object copy) {
        }

        private final List<Slot> slots = new ArrayList<>();

        Built(CommandLine.Model.CommandSpec spec) {
            keep(spec);
        }

        private void keep(CommandLine.Model.CommandSpec spec) {
            Object owner = spec.userObject();
            for (Class<?> c = owner.getClass(); c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers()) || f.isSynthetic()
                        || f.isAnnotationPresent(CommandLine.Spec.class)
                        || f.isAnnotationPresent(CommandLine.Mixin.class)) {
                        continue;
                    }
                    if (Modifier.isFinal(f.getModifiers())) {
                        if (f.getType() != Context.class) {
                            throw new IllegalStateException(f + " is final: a command reused from table to table would"
                                + " keep its value; make it a local of execute()");
                        }
                        continue;
                    }
                    f.setAccessible(true);
                    Object value = get(f, owner);
                    Object copy = contents(value);
                    if (copy == null && value != null && !(value instanceof String || value instanceof Number
                        || value instanceof Boolean || value instanceof Character || value instanceof Enum<?>
                        || value instanceof java.nio.file.Path)) {
                        throw new IllegalStateException(f + " holds a " + value.getClass().getName() + ": a command"
                            + " reused from table to table would share it; start it as null in execute()");
                    }
                    slots.add(new Slot(owner, f, value, copy));
                }
            }
            spec.mixins().values().forEach(this::keep);
        }

        /** The value of each field now (after a parse: what the table's arguments set). */
        List<Object> values() {
            List<Object> values = new ArrayList<>(slots.size());
            slots.forEach(s -> values.add(get(s.field(), s.owner())));
            return values;
        }

        /** Sets each field to what {@link #values()} of this command (on any command line of it) gave. */
        void set(List<Object> values) {
            for (int i = 0; i < slots.size(); i++) {
                set(slots.get(i), values.get(i));
            }
        }

        void restore() {
            for (Slot s : slots) {
                if (s.copy() != null && !s.copy().equals(contents(s.value()))) {
                    throw new IllegalStateException(s.field() + ": a run changed the collection it starts with, which"
                        + " the next table would start with; copy it before changing it");
                }
                set(s, s.value());
            }
        }

        private static void set(Slot s, Object value) {
            try {
                s.field().set(s.owner(), value);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }

        /** A copy of what a collection or a map holds now; null for any other value. */
        private static Object contents(Object value) {
            return value instanceof java.util.Collection<?> c ? new ArrayList<>(c)
                : value instanceof Map<?, ?> m ? new LinkedHashMap<>(m) : null;
        }

        private static Object get(Field f, Object owner) {
            try {
                return f.get(owner);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * A table of the file, its arguments parsed: {@code check} runs what the parse gave, plan and apply parse them
     * again with their own flags ({@code --dry-run}, ...).
     */
    record Prepared(FleetStores stores, String verb, Inputs.File from, List<String> args, Parsed parsed) {
        Result run(java.io.PrintWriter to) {
            return stores.run(verb, from, parsed, to);
        }
    }

    /** A stderr chosen after the command was built (its context is fixed then): nothing, until told where. */
    static final class Relay extends java.io.Writer {
        private volatile java.io.Writer to;

        void to(java.io.Writer writer) {
            to = writer;
        }

        @Override
        public void write(char[] buf, int off, int len) throws java.io.IOException {
            java.io.Writer w = to;
            if (w != null) {
                w.write(buf, off, len);
            }
        }

        @Override
        public void flush() throws java.io.IOException {
            java.io.Writer w = to;
            if (w != null) {
                w.flush();
            }
        }

        @Override
        public void close() {
        }
    }

    /**
     * A context for one store's command: its own stderr, no store variables (only the file's values count), and the
     * process's shared tokens and keys.
     */
    static Context leafContext(Context ctx, java.io.PrintWriter err) {
        Map<String, String> env = new LinkedHashMap<>(ctx.env());
        STORE_ENV.forEach(env::remove);
        return new Context(Map.copyOf(env), new java.io.PrintWriter(java.io.Writer.nullWriter()), err, ctx.in(),
            ctx.clock(), false).sharing(ctx.shared());
    }
}
