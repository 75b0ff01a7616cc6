package dev.notif.cli.docs;

import dev.notif.core.ExitCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * One man page (troff, section 1) per command, from the same annotations as its --help: NAME, SYNOPSIS,
 * DESCRIPTION, COMMANDS, ARGUMENTS, OPTIONS, EXAMPLES, EXIT STATUS, SEE ALSO. Read one with
 * {@code man -l docs/man/notif-send-stripe.1}; the release archives install them under man/man1.
 */
public final class ManPages {
    private ManPages() {
    }

    /** File name (notif-send-stripe.1) to page. */
    public static Map<String, String> pages(CommandLine root) {
        Map<String, String> pages = new LinkedHashMap<>();
        collect(root, pages);
        return pages;
    }

    private static void collect(CommandLine cl, Map<String, String> pages) {
        CommandSpec spec = cl.getCommandSpec();
        if (spec.usageMessage().hidden()) {
            return;
        }
        pages.put(spec.qualifiedName("-") + ".1", page(cl));
        for (CommandLine sub : new LinkedHashSet<>(cl.getSubcommands().values())) {
            collect(sub, pages);
        }
    }

    static String page(CommandLine cl) {
        CommandSpec spec = cl.getCommandSpec();
        UsageMessageSpec usage = spec.usageMessage();
        String name = spec.qualifiedName("-");
        StringBuilder sb = new StringBuilder();
        sb.append(".\\\" generated from the command classes by dev.notif.cli.docs.ManPages; do not edit\n")
            .append(".TH \"").append(name.toUpperCase(java.util.Locale.ROOT)).append("\" \"1\" \"\" \"notif\" \"notif manual\"\n")
            .append(".SH NAME\n").append(escape(name)).append(" \\- ").append(escape(Completions.summary(spec)))
            .append('\n');

        sb.append(".SH SYNOPSIS\n.nf\n");
        String synopsis = new Help(spec, Help.defaultColorScheme(Help.Ansi.OFF)).synopsis(0).stripTrailing();
        sb.append(lines(synopsis.startsWith("Usage: ") ? synopsis.substring(7) : synopsis)).append(".fi\n");

        List<String> description = List.of(usage.description());
        if (!description.isEmpty()) {
            sb.append(".SH DESCRIPTION\n");
            paragraphs(description, sb);
        }

        List<CommandLine> subs = new ArrayList<>(new LinkedHashSet<>(cl.getSubcommands().values()));
        subs.removeIf(s -> s.getCommandSpec().usageMessage().hidden());
        if (!subs.isEmpty()) {
            sb.append(".SH COMMANDS\n");
            for (CommandLine sub : subs) {
                sb.append(".TP\n\\fB").append(escape(sub.getCommandName())).append("\\fR\n")
                    .append(escape(Completions.summary(sub.getCommandSpec()))).append(" See \\fB")
                    .append(escape(sub.getCommandSpec().qualifiedName("-"))).append("\\fR(1).\n");
            }
        }

        if (!spec.positionalParameters().isEmpty()) {
            sb.append(".SH ARGUMENTS\n");
            for (PositionalParamSpec p : spec.positionalParameters()) {
                if (!p.hidden()) {
                    sb.append(".TP\n\\fI").append(escape(p.paramLabel())).append("\\fR\n")
                        .append(escape(String.join(" ", p.description()))).append('\n');
                }
            }
        }

        sb.append(".SH OPTIONS\n");
        for (OptionSpec o : spec.options()) {
            if (o.hidden()) {
                continue;
            }
            List<String> names = new ArrayList<>();
            for (String n : o.names()) {
                names.add("\\fB" + escape(n) + "\\fR" + (o.arity().max() > 0 ? "=\\fI" + escape(o.paramLabel()) + "\\fR" : ""));
            }
            sb.append(".TP\n").append(String.join(", ", names)).append('\n')
                .append(escape(String.join(" ", descriptionOf(o)))).append('\n');
        }

        if (usage.footer().length > 0) {
            sb.append(".SH EXAMPLES\n.nf\n");
            sb.append(lines(String.join("\n", usage.footer()).replace("%n", "\n").stripTrailing()));
            sb.append(".fi\n");
        }

        sb.append(".SH EXIT STATUS\n");
        for (String[] row : ExitCode.table()) {
            sb.append(".TP\n\\fB").append(row[0]).append("\\fR\n").append(escape(row[1])).append('\n');
        }

        sb.append(".SH SEE ALSO\n");
        List<String> related = new ArrayList<>();
        CommandSpec parent = spec.parent();
        if (parent != null) {
            related.add(parent.qualifiedName("-"));
        }
        subs.forEach(s -> related.add(s.getCommandSpec().qualifiedName("-")));
        if (related.isEmpty()) {
            related.add("notif");
        }
        List<String> refs = new ArrayList<>();
        related.forEach(r -> refs.add("\\fB" + escape(r) + "\\fR(1)"));
        sb.append(String.join(", ", refs)).append('\n');
        return sb.toString();
    }

    /** An option's description with ${DEFAULT-VALUE} and friends resolved, as --help prints it. */
    private static String[] descriptionOf(OptionSpec o) {
        String[] d = o.description();
        String[] out = new String[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = d[i].replace("${DEFAULT-VALUE}", String.valueOf(o.defaultValueString()))
                .replace("${COMPLETION-CANDIDATES}", o.completionCandidates() == null ? ""
                    : String.join(", ", iterable(o.completionCandidates())));
        }
        return out;
    }

    private static List<String> iterable(Iterable<String> values) {
        List<String> out = new ArrayList<>();
        values.forEach(out::add);
        return out;
    }

    /** Description lines: an empty line starts a new paragraph. */
    private static void paragraphs(List<String> lines, StringBuilder sb) {
        boolean open = false;
        for (String line : lines) {
            String text = line.replace("%n", "\n");
            if (text.isBlank()) {
                open = false;
                continue;
            }
            if (!open) {
                sb.append(".PP\n");
                open = true;
            }
            sb.append(escape(text.strip())).append('\n');
        }
    }

    /** Lines kept as they are (in .nf): each escaped and protected from being read as a request. */
    private static String lines(String text) {
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            sb.append(escape(line)).append('\n');
        }
        return sb.toString();
    }

    /** troff: backslashes, hyphens, non-ASCII characters, and dots or quotes that would start a request. */
    static String escape(String s) {
        StringBuilder escaped = new StringBuilder();
        s.codePoints().forEach(c -> escaped.append(c == '\\' ? "\\e" : c == '-' ? "\\-"
            : c < 128 ? Character.toString(c) : String.format("\\[u%04X]", c)));
        String out = escaped.toString();
        StringBuilder sb = new StringBuilder();
        for (String line : out.split("\n", -1)) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(line.startsWith(".") || line.startsWith("'") ? "\\&" + line : line);
        }
        return sb.toString();
    }
}
