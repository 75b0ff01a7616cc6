package dev.notif.cli.docs;

import java.util.ArrayList;
import java.util.List;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Shell completion scripts generated from the command tree. */
public final class Completions {
    private Completions() {
    }

    public static String bash(CommandLine cl) {
        return AutoComplete.bash("notif", cl);
    }

    /** zsh loads the bash script through bashcompinit, as picocli documents. */
    public static String zsh(CommandLine cl) {
        return "#compdef notif\n# zsh completion for notif (generated; do not edit)\n"
            + "autoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n\n" + bash(cl);
    }

    public static String fish(CommandLine cl) {
        StringBuilder sb = new StringBuilder("# fish completion for notif (generated; do not edit)\n");
        sb.append("complete -c notif -f\n");
        fish(cl, new ArrayList<>(), sb);
        return sb.toString();
    }

    private static void fish(CommandLine cl, List<String> path, StringBuilder sb) {
        String condition = condition(path, cl);
        for (CommandLine sub : cl.getSubcommands().values()) {
            CommandSpec spec = sub.getCommandSpec();
            if (spec.usageMessage().hidden() || !sub.getCommandName().equals(spec.name())) {
                continue;
            }
            sb.append("complete -c notif -n '").append(condition).append("' -a ").append(spec.name())
                .append(" -d '").append(escape(first(spec.usageMessage().header(), spec.usageMessage().description())))
                .append("'\n");
        }
        if (!path.isEmpty()) {
            String leaf = "__fish_seen_subcommand_from " + path.get(path.size() - 1)
                + (path.size() > 1 ? "; and __fish_seen_subcommand_from " + path.get(path.size() - 2) : "");
            for (OptionSpec o : cl.getCommandSpec().options()) {
                if (o.hidden()) {
                    continue;
                }
                sb.append("complete -c notif -n '").append(leaf).append("'");
                for (String name : o.names()) {
                    if (name.startsWith("--")) {
                        sb.append(" -l ").append(name.substring(2));
                    } else if (name.startsWith("-") && name.length() == 2) {
                        sb.append(" -s ").append(name.substring(1));
                    }
                }
                if (o.arity().max() > 0) {
                    sb.append(o.completionCandidates() != null ? " -x -a '" + String.join(" ", o.completionCandidates()) + "'"
                        : " -r");
                }
                sb.append(" -d '").append(escape(first(o.description()))).append("'\n");
            }
        }
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (!sub.getCommandName().equals(sub.getCommandSpec().name())) {
                continue;
            }
            List<String> next = new ArrayList<>(path);
            next.add(sub.getCommandName());
            fish(sub, next, sb);
        }
    }

    private static String condition(List<String> path, CommandLine cl) {
        List<String> siblings = new ArrayList<>(cl.getSubcommands().keySet());
        if (path.isEmpty()) {
            return "__fish_use_subcommand";
        }
        String seen = "__fish_seen_subcommand_from " + path.get(path.size() - 1);
        return siblings.isEmpty() ? seen : seen + "; and not __fish_seen_subcommand_from " + String.join(" ", siblings);
    }

    private static String first(String[]... candidates) {
        for (String[] c : candidates) {
            if (c != null && c.length > 0 && !c[0].isBlank()) {
                return c[0];
            }
        }
        return "";
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("'", "\\'");
    }
}
