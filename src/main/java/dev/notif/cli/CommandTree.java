package dev.notif.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Builds the command tree that picocli parses. The commands the arguments name are built in full, and only them:
 * the children of a group whose child is named are left out; the children of a group that answers itself (its help,
 * a missing or mistyped subcommand) are stand-ins made from their {@code @Command} annotation alone (name, aliases,
 * header). A run never scans the fields and methods of commands it does not run, nor loads the libraries their
 * signatures mention.
 * Groups keep declaring their children in {@code @Command(subcommands = ...)}: adding a command is still one line.
 */
final class CommandTree {
    private CommandTree() {
    }

    /** Every command in full, as picocli builds it from the annotations: for docs, completions and tests. */
    static CommandLine full(Class<?> root, IFactory factory) {
        return new CommandLine(root, factory);
    }

    /** The commands on the path {@code args} select in full, the others as stand-ins. */
    static CommandLine forArgs(Class<?> root, IFactory factory, List<String> args) {
        return build(root, factory, args, 0);
    }

    private static CommandLine build(Class<?> cls, IFactory factory, List<String> args, int from) {
        Command command = cls.getAnnotation(Command.class);
        if (command == null || command.subcommands().length == 0) {
            return new CommandLine(cls, factory); // a leaf, or not ours to shortcut: picocli reflects it whole
        }
        int next = from;
        Class<?> chosen = null;
        // a group runnable on its own (check: every store of notif.toml) has options, some with values: its child
        // must come first; the other groups have only the inherited --help/--version: the first word names the child
        boolean runnable = Callable.class.isAssignableFrom(cls);
        for (; next < args.size(); next++) {
            String arg = args.get(next);
            if ("--".equals(arg) || runnable && arg.startsWith("-")) {
                break;
            }
            if (!arg.startsWith("-")) {
                chosen = named(command.subcommands(), arg);
                break;
            }
        }
        if (runnable && chosen == null) {
            return new CommandLine(cls, factory); // the group itself runs: its options in full
        }
        // the same steps, in the same order, as picocli's own CommandReflection for an annotated class
        CommandSpec spec = CommandSpec.wrapWithoutInspection(cls, factory);
        spec.updateCommandAttributes(command, factory);
        // a child named: the run goes there, and nothing of its siblings is needed (their names serve the group's own
        // help and its "did you mean"); none named: the group answers, with every child as a stand-in
        for (Class<?> sub : chosen != null ? new Class<?>[] {chosen} : command.subcommands()) {
            CommandLine child = sub == chosen ? build(sub, factory, args, next + 1) : standIn(sub, factory);
            spec.addSubcommand(sub.getAnnotation(Command.class).name(), child);
        }
        spec.mixinStandardHelpOptions(command.mixinStandardHelpOptions());
        return new CommandLine(spec, factory);
    }

    /** A command not run: what a parent's help and picocli's suggestions need of it, and nothing more. */
    private static CommandLine standIn(Class<?> cls, IFactory factory) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(cls, factory);
        spec.updateCommandAttributes(cls.getAnnotation(Command.class), factory);
        return new CommandLine(spec, factory);
    }

    private static Class<?> named(Class<?>[] subcommands, String word) {
        for (Class<?> sub : subcommands) {
            Command c = sub.getAnnotation(Command.class);
            if (c.name().equals(word) || List.of(c.aliases()).contains(word)) {
                return sub;
            }
        }
        return null;
    }
}
