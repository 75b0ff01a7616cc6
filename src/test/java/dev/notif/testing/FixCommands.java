package dev.notif.testing;

import dev.notif.cli.Cli;
import dev.notif.core.Context;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The {@code notif ...} commands that fixes, hints and help name, and whether notif's own parser takes them. A command
 * is read from the text the way a person copies it: {@code notif}, the subcommand words, then options and their
 * values, up to the first word that is neither (prose goes on after a command: "notif setup stripe --url URL (or ...").
 * A value that the text leaves to a variable ({@code "notif setup stripe --url " + url}) is filled with a placeholder.
 */
public final class FixCommands {
    private static final String TRAILING = ".,;:)'\"`";
    private static final CommandLine TREE = Cli.fullCommandLine(new Context(Map.of(), new PrintWriter(new StringWriter()),
        new PrintWriter(new StringWriter()), java.io.InputStream.nullInputStream(), Clock.systemUTC(), false));

    private FixCommands() {
    }

    /** One command found in a text, and why the parser refused it (null when it parses). */
    public record Found(String command, String problem) {
    }

    /** Every notif command in {@code text}, each parsed. */
    public static List<Found> check(String text) {
        List<Found> found = new ArrayList<>();
        if (text == null) {
            return found;
        }
        int at = 0;
        while ((at = text.indexOf("notif ", at)) >= 0) {
            boolean wordStart = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1)) && text.charAt(at - 1) != '-'
                && text.charAt(at - 1) != '/' && text.charAt(at - 1) != '.';
            List<String> words = words(text.substring(at + "notif ".length()));
            at += "notif ".length();
            if (!wordStart || words.isEmpty() || !TREE.getSubcommands().containsKey(words.get(0))) {
                continue;
            }
            found.add(parse(words));
        }
        return found;
    }

    /** The commands of {@code text} that the parser refuses. */
    public static List<Found> refused(String text) {
        return refused(text, false);
    }

    /**
     * The commands of {@code text} that notif refuses: the parser's refusals, and with a live key, a setup stripe for
     * an http:// URL (refused before any request: Stripe delivers live events to https only).
     */
    public static List<Found> refused(String text, boolean liveKey) {
        List<Found> out = new ArrayList<>();
        for (Found f : check(text)) {
            if (f.problem() != null) {
                out.add(f);
            } else if (liveKey && f.command().startsWith("notif setup stripe ")
                && f.command().matches(".*--url[ =]http://.*")) {
                out.add(new Found(f.command(), "setup stripe refuses an http:// URL with a live key"));
            }
        }
        return out;
    }

    /**
     * The words of one line, as a shell splits them (single and double quotes kept together, {@code ""} is an empty
     * word; a backslash at the end of a line continues it, as help prints a long example), up to a redirection, a pipe
     * or a comment. No expansion.
     */
    public static List<String> words(String text) {
        String rest = text.replaceAll("\\\\\r?\n", " ");
        int nl = rest.indexOf('\n');
        String line = nl < 0 ? rest : rest.substring(0, nl);
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        char quote = 0;
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    w.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                quoted = true;
            } else if (Character.isWhitespace(c)) {
                if (w.length() > 0 || quoted) {
                    words.add(w.toString());
                    w.setLength(0);
                    quoted = false;
                }
            } else if ((c == '>' || c == '|' || c == '#') && w.length() == 0 && !quoted) {
                break;
            } else {
                w.append(c);
            }
        }
        if (w.length() > 0 || quoted) {
            words.add(w.toString());
        }
        return words;
    }

    /** Reads the command off the words through notif's command tree, then has picocli parse exactly that. */
    static Found parse(List<String> words) {
        List<String> args = new ArrayList<>();
        CommandLine at = TREE;
        int i = 0;
        while (i < words.size() && at.getSubcommands().containsKey(strip(words.get(i)))) {
            at = at.getSubcommands().get(strip(words.get(i)));
            args.add(strip(words.get(i)));
            i++;
            if (!strip(words.get(i - 1)).equals(words.get(i - 1))) {
                i = words.size(); // "notif listen." ends the command
            }
        }
        CommandSpec spec = at.getCommandSpec();
        for (; i < words.size(); i++) {
            String word = words.get(i);
            if (!word.startsWith("-") || word.equals("-")) {
                break;
            }
            String name = strip(word);
            String value = null;
            int eq = name.indexOf('=');
            if (eq > 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            OptionSpec option = spec.findOption(name);
            if (option == null) {
                args.add(name); // picocli says it is unknown
                break;
            }
            args.add(name);
            if (option.arity().max() > 0 && !option.typeInfo().isBoolean()) {
                if (value == null) {
                    value = i + 1 < words.size() ? strip(words.get(++i)) : "PLACEHOLDER";
                }
                args.add(value.isEmpty() ? "PLACEHOLDER" : value);
            }
            if (!strip(word).equals(word) && eq < 0 && option.arity().max() == 0) {
                break; // "--prune," ends the command
            }
        }
        String command = "notif " + String.join(" ", args);
        try {
            Cli.commandLine(new Context(Map.of(), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                java.io.InputStream.nullInputStream(), Clock.systemUTC(), false), args.toArray(String[]::new))
                .parseArgs(args.toArray(String[]::new));
            return new Found(command, null);
        } catch (CommandLine.MissingParameterException e) {
            // "notif check stripe" named in prose is a mention; a command line with options must be whole
            boolean line = args.stream().anyMatch(a -> a.startsWith("-"));
            return new Found(command, line ? e.getMessage() : null);
        } catch (CommandLine.ParameterException e) {
            return new Found(command, e.getMessage());
        }
    }

    private static String strip(String word) {
        int end = word.length();
        while (end > 0 && TRAILING.indexOf(word.charAt(end - 1)) >= 0) {
            end--;
        }
        return word.substring(0, end);
    }
}
