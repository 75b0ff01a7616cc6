package dev.notif.cli;

import dev.notif.core.Context;
import dev.notif.core.ExitCode;
import dev.notif.core.Json;
import dev.notif.core.NotifException;
import dev.notif.core.Secrets;
import dev.notif.core.Version;
import dev.notif.output.ErrorDocument;
import dev.notif.output.Text;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Constructor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/** Builds the one {@link CommandLine} that {@code main} and the tests use, with notif's error handling. */
public final class Cli {
    public static final String ISSUES_URL = "https://github.com/notif-cli/notif/issues";

    /**
     * picocli registers type converters for java.sql and java.time by reflection in every CommandLine it builds,
     * which loads and initialises those packages on each run; no notif option has such a type (CommandTreeTest
     * guards it), so they are left out.
     */
    static final String CONVERTER_EXCLUDES = "java\\.(sql|time)\\..*";

    static {
        if (System.getProperty("picocli.converters.excludes") == null) {
            System.setProperty("picocli.converters.excludes", CONVERTER_EXCLUDES);
        }
        // picocli's factory looks for Groovy's Closure class once; a class that is not there is searched for in every
        // jar of the class path, which opens them all (stripe-java's 13,600 entries...): 70 ms of CPU on every command
        if (System.getProperty("picocli.disable.closures") == null) {
            System.setProperty("picocli.disable.closures", "true");
        }
    }

    private Cli() {
    }

    public static int run(Context ctx, String... args) {
        if (args.length == 1 && ("--version".equals(args[0]) || "-V".equals(args[0]))) {
            for (String line : new VersionProvider().getVersion()) { // what picocli would print, without picocli
                ctx.out().println(line);
            }
            ctx.out().flush();
            return ExitCode.OK;
        }
        if (HelpIndex.print(ctx, args)) {
            return ExitCode.OK;
        }
        return commandLine(ctx, args).execute(args);
    }

    /** The command line for these arguments: the commands they name in full, the others as stand-ins. */
    public static CommandLine commandLine(Context ctx, String... args) {
        List<String> argList = Arrays.asList(args);
        return configure(CommandTree.forArgs(NotifCommand.class, new ContextFactory(ctx), argList), ctx, argList);
    }

    /** Every command in full: what docs, completions and the pre-rendered help are generated from. */
    public static CommandLine fullCommandLine(Context ctx) {
        return configure(CommandTree.full(NotifCommand.class, new ContextFactory(ctx)), ctx, List.of());
    }

    private static CommandLine configure(CommandLine cl, Context ctx, List<String> argList) {
        boolean noColor = argList.contains("--no-color");
        cl.setOut(ctx.out());
        cl.setErr(ctx.err());
        cl.setColorScheme(Help.defaultColorScheme(color(ctx, noColor) ? Help.Ansi.ON : Help.Ansi.OFF));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setAbbreviatedOptionsAllowed(false);
        cl.setAllowSubcommandsAsOptionParameters(true); // notif check --store stripe: a value, not the subcommand
        cl.setUsageHelpWidth(HelpText.UNWRAPPED); // wrapped to the real width when printed
        cl.setExecutionStrategy(parsed -> help(ctx, parsed));
        cl.setDefaultValueProvider(new EnvDefaults(ctx));
        cl.setParameterExceptionHandler(new UsageErrorHandler(ctx, color(ctx, noColor), argList.contains("--json")));
        cl.setExecutionExceptionHandler(new FailureHandler(ctx, color(ctx, noColor)));
        addExitCodes(cl);
        return cl;
    }

    /** --help and --version as picocli answers them, the help fitted to the width; else the command runs. */
    private static int help(Context ctx, ParseResult parsed) {
        for (CommandLine c : parsed.asCommandLineList()) {
            if (c.isUsageHelpRequested()) {
                ctx.out().print(HelpText.wrap(c.getUsageMessage(c.getColorScheme()), ctx.width(),
                    c.getCommandSpec().qualifiedName(" ")));
                ctx.out().flush();
                return c.getCommandSpec().exitCodeOnUsageHelp();
            }
            if (c.isVersionHelpRequested()) {
                c.printVersionHelp(ctx.out());
                ctx.out().flush();
                return c.getCommandSpec().exitCodeOnVersionHelp();
            }
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    /** Colour only on a terminal, never with --no-color, NO_COLOR or TERM=dumb. */
    public static boolean color(Context ctx, boolean noColor) {
        return !noColor && ctx.terminal() && ctx.env("NO_COLOR") == null && !"dumb".equals(ctx.env("TERM"));
    }

    private static void addExitCodes(CommandLine cl) {
        Map<String, String> codes = new LinkedHashMap<>();
        for (String[] row : ExitCode.table()) {
            codes.put(String.format("%3s", row[0]), row[1]);
        }
        cl.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(codes);
        for (CommandLine sub : cl.getSubcommands().values()) {
            addExitCodes(sub);
        }
    }

    /** Prints the one-line error and its hint; in JSON mode also one JSON document on stdout. */
    static void printError(Context ctx, boolean color, boolean json, int code, String message, String hint) {
        String msg = cut(Secrets.scrub(message));
        String h = cut(Secrets.scrub(hint));
        ctx.err().println(new Text(ctx.err(), color).red("notif:") + " " + msg); // one line each, whatever the width: scripts read them
        if (h != null) {
            ctx.err().println("hint: " + h);
        }
        ctx.err().flush();
        if (json) {
            ctx.out().println(Json.pretty(ErrorDocument.of(code, msg, h)));
            ctx.out().flush();
        }
    }

    /** An error line stays a line: a word (an argument) past 200 characters keeps its start and says how much was cut. */
    static String cut(String text) {
        if (text == null || text.length() <= 200) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\S{201,}").matcher(text);
        while (m.find()) {
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(m.group().substring(0, 60) + "... ("
                + (m.group().length() - 60) + " more characters)"));
        }
        m.appendTail(out);
        return out.length() <= 2000 ? out.toString() : out.substring(0, 2000) + "... (cut)";
    }

    static String commandPath(CommandLine cl) {
        return cl == null ? "notif" : cl.getCommandSpec().qualifiedName(" ");
    }

    /** Bad flags and values: exit 2, one line, a hint naming the help to read. */
    static final class UsageErrorHandler implements IParameterExceptionHandler {
        private final Context ctx;
        private final boolean color;
        private final boolean json;

        UsageErrorHandler(Context ctx, boolean color, boolean json) {
            this.ctx = ctx;
            this.color = color;
            this.json = json;
        }

        @Override
        public int handleParseException(ParameterException ex, String[] args) {
            String cmd = commandPath(ex.getCommandLine());
            String hint = "see '" + cmd + " --help'";
            String message = ex.getMessage();
            CommandLine cl = ex.getCommandLine();
            List<String> unmatched = ex instanceof UnmatchedArgumentException u ? u.getUnmatched()
                : cl.getParseResult() == null ? List.of() : cl.getParseResult().unmatched();
            if (!unmatched.isEmpty()) {
                // an unknown option explains a missing one better than the other way round
                String arg = unmatched.get(0);
                message = (arg.startsWith("-") ? "unknown option '" : "unknown command or argument '") + arg + "'";
                List<String> suggestions = new UnmatchedArgumentException(cl, unmatched).getSuggestions();
                if (!suggestions.isEmpty()) {
                    hint = "did you mean " + String.join(" or ", suggestions.subList(0, Math.min(3, suggestions.size())))
                        + "? see '" + cmd + " --help'";
                }
            }
            Conversion conversion = conversion(ex, cmd);
            if (conversion != null) {
                message = conversion.message();
                hint = (conversion.example() == null ? "" : conversion.example() + "; ") + "see '" + cmd + " --help'";
            }
            if (message != null && message.startsWith("Missing required subcommand")) {
                message = "'" + cmd + "' needs a subcommand: "
                    + String.join(", ", ex.getCommandLine().getSubcommands().keySet());
            }
            printError(ctx, color, json, ExitCode.USAGE, firstLine(message), hint);
            return ExitCode.USAGE;
        }
    }

    /** A value picocli could not convert, in notif's words, and an example of one it takes (or null). */
    record Conversion(String message, String example) {
    }

    /**
     * A value picocli could not convert, in notif's words: {@code --timeout takes a number of seconds, got 'abc'} and
     * an example (the default, or the first allowed value); null for any other error.
     */
    static Conversion conversion(ParameterException ex, String cmd) {
        ArgSpec arg = ex.getArgSpec();
        String value = ex.getValue();
        boolean converting = ex.getCause() instanceof TypeConversionException
            || (ex.getMessage() != null && ex.getMessage().startsWith("Invalid value for "));
        if (arg == null || value == null || !converting) {
            return null;
        }
        String name = arg.isOption() ? ((OptionSpec) arg).longestName() : arg.paramLabel();
        Class<?> type = arg.auxiliaryTypes().length > 0 ? arg.auxiliaryTypes()[0] : arg.type();
        String example = arg.defaultValue();
        String takes;
        if (type.isEnum()) {
            List<String> names = Arrays.stream(type.getEnumConstants()).map(Object::toString).toList();
            takes = "one of " + String.join(", ", names);
            example = example != null ? example : names.get(0);
        } else if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            takes = "SECONDS".equals(arg.paramLabel()) ? "a number of seconds" : "a number";
        } else if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            takes = "SECONDS".equals(arg.paramLabel()) ? "a whole number of seconds" : "a whole number";
        } else if (type == boolean.class || type == Boolean.class) {
            takes = "true or false";
        } else {
            takes = "a " + arg.paramLabel().replaceAll("[<>]", "");
        }
        String shown = value.length() > 60 ? value.substring(0, 60) + "..." : value;
        String hint = example == null ? null : "for example " + (arg.isOption() ? name : "'" + cmd) + " " + example
            + (arg.isOption() ? "" : "'");
        return new Conversion(name + " takes " + takes + ", got '" + shown + "'", hint);
    }

    /** Failures while running: expected ones carry their exit code; anything else is a bug (70). */
    static final class FailureHandler implements IExecutionExceptionHandler {
        private final Context ctx;
        private final boolean color;

        FailureHandler(Context ctx, boolean color) {
            this.ctx = ctx;
            this.color = color;
        }

        @Override
        public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
            boolean json = matched(parsed, "--json");
            boolean verbose = matched(parsed, "--verbose");
            if (ex instanceof NotifException n) {
                printError(ctx, color, json, n.exitCode(), firstLine(n.getMessage()), n.hint());
                if (verbose && n.getCause() != null) {
                    printTrace(n);
                }
                return n.exitCode();
            }
            if (ex instanceof ParameterException p) {
                printError(ctx, color, json, ExitCode.USAGE, firstLine(p.getMessage()), "see '" + commandPath(cl) + " --help'");
                return ExitCode.USAGE;
            }
            printError(ctx, color, json, ExitCode.INTERNAL, "internal error: " + ex.getClass().getSimpleName()
                    + (ex.getMessage() == null ? "" : ": " + firstLine(ex.getMessage())),
                "this is a bug in notif " + Version.get() + "; rerun with --verbose and report the output at " + ISSUES_URL);
            if (verbose) {
                printTrace(ex);
            }
            return ExitCode.INTERNAL;
        }

        private void printTrace(Throwable t) {
            StringWriter sw = new StringWriter();
            t.printStackTrace(new PrintWriter(sw));
            ctx.err().print(Secrets.scrub(sw.toString()));
            ctx.err().flush();
        }
    }

    static boolean matched(ParseResult parsed, String option) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption(option)) {
                return true;
            }
        }
        return false;
    }

    static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }

    /** Builds commands with a {@code (Context)} constructor when they have one. */
    static final class ContextFactory implements CommandLine.IFactory {
        private final Context ctx;

        ContextFactory(Context ctx) {
            this.ctx = ctx;
        }

        /** A class's {@code (Context)} constructor, if any: looked up once (a miss is an exception, which costs). */
        private static final ClassValue<java.util.Optional<Constructor<?>>> CONSTRUCTORS = new ClassValue<>() {
            @Override
            protected java.util.Optional<Constructor<?>> computeValue(Class<?> cls) {
                try {
                    Constructor<?> c = cls.getDeclaredConstructor(Context.class);
                    c.setAccessible(true);
                    return java.util.Optional.of(c);
                } catch (NoSuchMethodException e) {
                    return java.util.Optional.empty();
                }
            }
        };

        @Override
        public <K> K create(Class<K> cls) throws Exception {
            java.util.Optional<Constructor<?>> c = CONSTRUCTORS.get(cls);
            return c.isPresent() ? cls.cast(c.get().newInstance(ctx)) : CommandLine.defaultFactory().create(cls);
        }
    }

    /** The version provider for --version: the bare version on the first line. */
    public static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {Version.get()};
        }
    }
}
