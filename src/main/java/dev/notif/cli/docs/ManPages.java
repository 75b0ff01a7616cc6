package dev.notif.cli.docs;

import dev.notif.core.ExitCode;
import dev.notif.output.Wrap;
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
    /** Examples fit a man page's text width (80 columns less its indent). */
    private static final int EXAMPLE_WIDTH = 72;

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
        sb.append("'\\\" t\n") // tables: man runs tbl(1)
            .append(".\\\" generated from the command classes by dev.notif.cli.docs.ManPages; do not edit\n")
            .append(".TH \"").append(name.toUpperCase(java.util.Locale.ROOT)).append("\" \"1\" \"\" \"notif\" \"notif manual\"\n")
            .append(".nh\n.ad l\n") // identifiers and flags are not hyphenated, lines not stretched
            .append(".SH NAME\n").append(escape(name)).append(" \\- ").append(escape(Completions.summary(spec)))
            .append('\n');

        sb.append(".SH SYNOPSIS\n.nf\n");
        String synopsis = new Help(spec, Help.defaultColorScheme(Help.Ansi.OFF)).synopsis(0).stripTrailing();
        synopsis = synopsis.startsWith("Usage: ") ? synopsis.substring(7) : synopsis;
        sb.append(lines(String.join("\n", Wrap.lines(synopsis, EXAMPLE_WIDTH, spec.qualifiedName(" ").length() + 1,
            false))))
            .append(".fi\n");

        List<Description.Block> description = Description.blocks(usage.description());
        if (!description.isEmpty()) {
            sb.append(".SH DESCRIPTION\n");
            for (Description.Block block : description) {
                if (block instanceof Description.Paragraph p) {
                    sb.append(".PP\n").append(escape(p.text())).append('\n');
                } else if (block instanceof Description.Table t) {
                    table(t, sb);
                }
            }
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
                .append(escape(Description.of(o))).append('\n');
        }

        List<String> examples = Description.examples(usage.footer());
        if (!examples.isEmpty()) {
            sb.append(".SH EXAMPLES\n.nf\n");
            for (String example : examples) {
                sb.append(lines(String.join("\n", Wrap.shell(example, EXAMPLE_WIDTH))));
            }
            sb.append(".fi\n");
            String prose = Description.footerProse(usage.footer());
            if (!prose.isEmpty()) {
                sb.append(".PP\n").append(escape(prose)).append('\n');
            }
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

    /** A table of (term, text) rows: tbl(1), the term in bold, the text filling the rest of the line. */
    private static void table(Description.Table t, StringBuilder sb) {
        sb.append(".PP\n.TS\nlB lx.\n");
        for (String[] row : t.rows()) {
            sb.append(escape(row[0])).append("\tT{\n").append(escape(row[1])).append("\nT}\n");
        }
        sb.append(".TE\n");
    }

    /** Lines kept as they are (in .nf): each escaped and protected from being read as a request. */
    private static String lines(String text) {
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            sb.append(escape(line)).append('\n');
        }
        return sb.toString();
    }

    /**
     * troff: backslashes, hyphens, non-ASCII characters, and dots or quotes that would start a request; a line may
     * break after {@code @} and {@code |}.
     */
    static String escape(String s) {
        StringBuilder escaped = new StringBuilder();
        s.codePoints().forEach(c -> escaped.append(c == '\\' ? "\\e" : c == '-' ? "\\-"
            : c == '@' || c == '|' ? (char) c + "\\:" // a place to break a long address or list
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
