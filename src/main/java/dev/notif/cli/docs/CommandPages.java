package dev.notif.cli.docs;

import dev.notif.core.Context;
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

/**
 * One Markdown page per command, from the same annotations as its --help: the synopsis, the description (its
 * paragraphs as paragraphs, its lists of checks as tables), the options, the subcommands, the examples as a shell
 * block and the exit codes, each under its heading.
 */
public final class CommandPages {
    private CommandPages() {
    }

    public static Map<String, String> pages(CommandLine root) {
        Map<String, String> pages = new LinkedHashMap<>();
        StringBuilder index = new StringBuilder("# notif commands\n\nGenerated from the command classes; do not edit.\n\n");
        collect(root, pages, index);
        pages.put("README.md", index.toString());
        return pages;
    }

    private static void collect(CommandLine cl, Map<String, String> pages, StringBuilder index) {
        CommandSpec spec = cl.getCommandSpec();
        String file = file(spec);
        index.append("- [`").append(spec.qualifiedName(" ")).append("`](").append(file).append("): ")
            .append(md(Completions.summary(spec))).append('\n');
        pages.put(file, page(cl));
        for (CommandLine sub : visible(cl)) {
            collect(sub, pages, index);
        }
    }

    private static String file(CommandSpec spec) {
        return spec.qualifiedName("-") + ".md";
    }

    private static List<CommandLine> visible(CommandLine cl) {
        List<CommandLine> subs = new ArrayList<>(new LinkedHashSet<>(cl.getSubcommands().values()));
        subs.removeIf(s -> s.getCommandSpec().usageMessage().hidden());
        return subs;
    }

    static String page(CommandLine cl) {
        CommandSpec spec = cl.getCommandSpec();
        String name = spec.qualifiedName(" ");
        StringBuilder page = new StringBuilder();
        page.append("# ").append(name).append("\n\n");
        String summary = Completions.summary(spec);
        if (!summary.isEmpty()) {
            page.append(md(summary)).append("\n\n");
        }
        String synopsis = new Help(spec, Help.defaultColorScheme(Help.Ansi.OFF)).synopsis(0).stripTrailing();
        page.append("```text\n").append(String.join("\n", Wrap.lines(synopsis, Context.DEFAULT_WIDTH, name.length() + 1,
            false))).append("\n```\n\n");

        for (Description.Block block : Description.blocks(spec.usageMessage().description())) {
            if (block instanceof Description.Paragraph p) {
                page.append(md(p.text())).append("\n\n");
            } else if (block instanceof Description.Table t) {
                List<String[]> rows = new ArrayList<>();
                t.rows().forEach(r -> rows.add(new String[] {code(r[0]), md(r[1])}));
                table(page, t.checks() ? List.of("Check", "What it tells") : List.of("", ""), rows);
                page.append('\n');
            }
        }

        List<CommandLine> subs = visible(cl);
        if (!subs.isEmpty()) {
            page.append("## Commands\n\n");
            for (CommandLine sub : subs) {
                page.append("- [`").append(sub.getCommandSpec().qualifiedName(" ")).append("`](")
                    .append(file(sub.getCommandSpec())).append("): ").append(md(Completions.summary(sub.getCommandSpec())))
                    .append('\n');
            }
            page.append('\n');
        }

        List<String[]> arguments = new ArrayList<>();
        for (PositionalParamSpec p : spec.positionalParameters()) {
            if (!p.hidden()) {
                arguments.add(new String[] {code(p.paramLabel()), md(String.join(" ", p.description()))});
            }
        }
        if (!arguments.isEmpty()) {
            page.append("## Arguments\n\n");
            table(page, List.of("Argument", "Description"), arguments);
            page.append('\n');
        }

        List<String[]> options = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            if (!o.hidden()) {
                List<String> names = new ArrayList<>();
                for (String n : o.names()) {
                    names.add(code(n + (o.arity().max() > 0 ? "=" + o.paramLabel() : "")));
                }
                options.add(new String[] {String.join(", ", names), md(Description.of(o))});
            }
        }
        page.append("## Options\n\n");
        table(page, List.of("Option", "Description"), options);
        page.append('\n');

        String[] footer = spec.usageMessage().footer();
        List<String> examples = Description.examples(footer);
        if (!examples.isEmpty()) {
            page.append("## Examples\n\n```sh\n");
            for (String example : examples) {
                Wrap.shell(example, Context.DEFAULT_WIDTH).forEach(l -> page.append(l).append('\n'));
            }
            page.append("```\n\n");
            String prose = Description.footerProse(footer);
            if (!prose.isEmpty()) {
                page.append(md(prose)).append("\n\n");
            }
        }

        page.append("## Exit codes\n\n");
        List<String[]> codes = new ArrayList<>();
        for (String[] row : ExitCode.table()) {
            codes.add(new String[] {row[0], md(row[1])});
        }
        table(page, List.of("Code", "Meaning"), codes);

        List<String> related = new ArrayList<>();
        if (spec.parent() != null) {
            related.add("[`" + spec.parent().qualifiedName(" ") + "`](" + file(spec.parent()) + ")");
        }
        related.add("[all commands](README.md)");
        page.append("\nSee also: ").append(String.join(", ", related)).append(".\n");
        return page.toString();
    }

    private static void table(StringBuilder page, List<String> header, List<String[]> rows) {
        page.append("| ").append(String.join(" | ", header)).append(" |\n|---|---|\n");
        for (String[] row : rows) {
            page.append("| ").append(cell(row[0])).append(" | ").append(cell(row[1])).append(" |\n");
        }
    }

    private static String cell(String s) {
        return s.replace("|", "\\|");
    }

    private static String code(String s) {
        return "`" + s + "`";
    }

    /**
     * Prose as Markdown: the characters that would start markup are escaped ({@code * < [ ] `} and backslashes,
     * and {@code _} at the edge of a word), so that {@code sns.<region>.amazonaws.com} and {@code '*'} read as
     * written.
     */
    static String md(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean edgeUnderscore = c == '_' && (i == 0 || i == s.length() - 1
                || !Character.isLetterOrDigit(s.charAt(i - 1)) || !Character.isLetterOrDigit(s.charAt(i + 1)));
            if (c == '\\' || c == '*' || c == '<' || c == '[' || c == ']' || c == '`' || edgeUnderscore) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
