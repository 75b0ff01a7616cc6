package dev.notif.cli.docs;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;

/** One Markdown page per command, from the same help text the command prints. */
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
        String name = spec.qualifiedName(" ");
        String file = spec.qualifiedName("-") + ".md";
        String header = spec.usageMessage().header().length > 0 ? spec.usageMessage().header()[0]
            : spec.usageMessage().description().length > 0 ? spec.usageMessage().description()[0] : "";
        index.append("- [`").append(name).append("`](").append(file).append("): ").append(header).append('\n');
        StringBuilder page = new StringBuilder();
        page.append("# ").append(name).append("\n\n");
        if (!header.isEmpty()) {
            page.append(header).append("\n\n");
        }
        page.append("```text\n").append(cl.getUsageMessage(Help.Ansi.OFF).stripTrailing()).append("\n```\n");
        pages.put(file, page.toString());
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (sub.getCommandName().equals(sub.getCommandSpec().name()) && !sub.getCommandSpec().usageMessage().hidden()) {
                collect(sub, pages, index);
            }
        }
    }
}
