package dev.notif.cli.docs;

import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Shell completion scripts for bash, zsh, fish and PowerShell, generated from the command tree: commands at every
 * level, each command's own options with their descriptions, files after options that take a file (a File or Path
 * value, or a parameter label ending in FILE), the candidates of options that list them (picocli's
 * {@code completionCandidates}, an enum's constants) and of a command's first positional parameter.
 */
public final class Completions {
    /** Where the build puts the scripts on the class path, for {@code notif completion}. */
    public static final String RESOURCES = "dev/notif/cli/completions/";

    private Completions() {
    }

    /** The script's file name in completions/: what each shell looks for. */
    public static String fileName(String shell) {
        return switch (shell) {
            case "bash" -> "notif.bash";
            case "zsh" -> "_notif";
            case "fish" -> "notif.fish";
            case "powershell" -> "notif.ps1";
            default -> throw new IllegalArgumentException("no completion for " + shell);
        };
    }

    public static String script(String shell, CommandLine root) {
        return switch (shell) {
            case "bash" -> bash(root);
            case "zsh" -> zsh(root);
            case "fish" -> fish(root);
            case "powershell" -> powershell(root);
            default -> throw new IllegalArgumentException("no completion for " + shell);
        };
    }

    /** The shells there is a script for, as {@code notif completion} names them. */
    public static final List<String> SHELLS = List.of("bash", "zsh", "fish", "powershell");

    /** One command as the scripts see it; {@code arguments}: the candidates of its first positional parameter. */
    record Command(String path, List<Sub> subcommands, List<Opt> options, List<String> arguments) {
    }

    record Sub(String name, String description) {
    }

    record Opt(List<String> names, String description, String label, boolean file, List<String> candidates) {
        boolean takesValue() {
            return label != null;
        }
    }

    static List<Command> commands(CommandLine root) {
        List<Command> all = new ArrayList<>();
        collect(root, all);
        return all;
    }

    private static void collect(CommandLine cl, List<Command> all) {
        CommandSpec spec = cl.getCommandSpec();
        List<Sub> subs = new ArrayList<>();
        List<CommandLine> children = new ArrayList<>();
        for (CommandLine sub : new LinkedHashSet<>(cl.getSubcommands().values())) {
            if (!sub.getCommandSpec().usageMessage().hidden()) {
                subs.add(new Sub(sub.getCommandName(), summary(sub.getCommandSpec())));
                children.add(sub);
            }
        }
        List<Opt> options = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            if (o.hidden()) {
                continue;
            }
            boolean value = o.arity().max() > 0;
            Class<?> type = o.typeInfo().isMultiValue() ? o.typeInfo().getAuxiliaryTypes()[0] : o.type();
            boolean file = value && (type == File.class || "java.nio.file.Path".equals(type.getName())
                || o.paramLabel().toUpperCase(Locale.ROOT).endsWith("FILE"));
            List<String> candidates = new ArrayList<>();
            if (value && o.completionCandidates() != null) {
                o.completionCandidates().forEach(candidates::add);
            }
            options.add(new Opt(List.of(o.names()), first(o.description()), value ? o.paramLabel() : null, file,
                candidates));
        }
        List<String> arguments = new ArrayList<>();
        spec.positionalParameters().stream().filter(p -> !p.hidden() && p.index().min() == 0).findFirst()
            .map(p -> p.completionCandidates()).ifPresent(c -> c.forEach(arguments::add));
        all.add(new Command(spec.qualifiedName(" "), subs, options, arguments));
        for (CommandLine child : children) {
            collect(child, all);
        }
    }

    static String summary(CommandSpec spec) {
        String header = first(spec.usageMessage().header());
        return header.isEmpty() ? first(spec.usageMessage().description()) : header;
    }

    private static String first(String[] lines) {
        return lines == null || lines.length == 0 ? "" : lines[0].strip();
    }

    /** Single-quoted for any POSIX shell and fish: ' becomes '\''. */
    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static String joined(List<String> words, Function<String, String> each) {
        List<String> out = new ArrayList<>();
        words.forEach(w -> out.add(each.apply(w)));
        return String.join(" ", out);
    }

    // ---------------------------------------------------------------------------------------------------- bash

    public static String bash(CommandLine root) {
        List<Command> commands = commands(root);
        StringBuilder sb = new StringBuilder();
        sb.append("# bash completion for notif (generated; do not edit)\n")
            .append("# load it with: source <(notif completion bash), or copy it to the bash-completion directory\n")
            .append("_notif() {\n")
            .append("  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} path=notif i\n")
            .append("  if [[ $cur == '=' ]]; then cur=; fi\n")
            .append("  if [[ $prev == '=' ]]; then prev=${COMP_WORDS[COMP_CWORD-2]}; fi\n")
            .append("  for ((i = 1; i < COMP_CWORD; i++)); do\n")
            .append("    case \"$path ${COMP_WORDS[i]}\" in\n");
        List<String> parents = new ArrayList<>();
        for (Command c : commands) {
            for (Sub s : c.subcommands()) {
                parents.add(quote(c.path() + " " + s.name()));
            }
        }
        if (!parents.isEmpty()) {
            sb.append("      ").append(String.join("|", parents)).append(") path+=\" ${COMP_WORDS[i]}\" ;;\n");
        }
        sb.append("    esac\n  done\n  local IFS=$'\\n'\n  case \"$path $prev\" in\n");
        List<String> files = new ArrayList<>();
        List<String> free = new ArrayList<>();
        for (Command c : commands) {
            for (Opt o : c.options()) {
                for (String name : o.names()) {
                    String key = quote(c.path() + " " + name);
                    if (!o.candidates().isEmpty()) {
                        sb.append("    ").append(key).append(")\n      COMPREPLY=($(compgen -W ")
                            .append(quote(String.join("\n", o.candidates()))).append(" -- \"$cur\")); return ;;\n");
                    } else if (o.file()) {
                        files.add(key);
                    } else if (o.takesValue()) {
                        free.add(key);
                    }
                }
            }
        }
        if (!files.isEmpty()) {
            sb.append("    ").append(String.join("|", files)).append(")\n")
                .append("      compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n");
        }
        if (!free.isEmpty()) {
            sb.append("    ").append(String.join("|", free)).append(")\n      COMPREPLY=(); return ;;\n");
        }
        sb.append("  esac\n  local words\n  case $path in\n");
        for (Command c : commands) {
            List<String> words = new ArrayList<>();
            c.options().forEach(o -> words.addAll(o.names()));
            sb.append("    ").append(quote(c.path())).append(") if [[ $cur == -* ]]; then words=")
                .append(quote(String.join("\n", words))).append("; else words=")
                .append(quote(String.join("\n", words(c))))
                .append("; fi ;;\n");
        }
        sb.append("  esac\n  COMPREPLY=($(compgen -W \"$words\" -- \"$cur\"))\n}\n")
            .append("complete -F _notif notif\n");
        return sb.toString();
    }

    /** What a command takes where an option is not being typed: its subcommands, or its argument's candidates. */
    private static List<String> words(Command c) {
        List<String> words = new ArrayList<>(c.subcommands().stream().map(Sub::name).toList());
        words.addAll(c.arguments());
        return words;
    }

    // ----------------------------------------------------------------------------------------------------- zsh

    public static String zsh(CommandLine root) {
        List<Command> commands = commands(root);
        StringBuilder sb = new StringBuilder();
        sb.append("#compdef notif\n")
            .append("# zsh completion for notif (generated; do not edit)\n")
            .append("# put it on $fpath as _notif, or load it with: source <(notif completion zsh) after compinit\n\n");
        for (Command c : commands) {
            sb.append(function(c.path())).append("() {\n");
            List<String> specs = new ArrayList<>();
            for (Opt o : c.options()) {
                specs.add(zshOption(o));
            }
            if (c.subcommands().isEmpty()) {
                sb.append("  _arguments -s -S");
                specs.forEach(s -> sb.append(" \\\n    ").append(s));
                if (!c.arguments().isEmpty()) {
                    sb.append(" \\\n    ").append(quote("1: :(" + joined(c.arguments(), w -> w.replace(" ", "\\ "))
                        + ")"));
                }
                sb.append("\n}\n\n");
                continue;
            }
            sb.append("  local context state state_descr line curcontext=\"$curcontext\"\n")
                .append("  typeset -A opt_args\n")
                .append("  local -a commands=(\n");
            for (Sub s : c.subcommands()) {
                sb.append("    ").append(quote(s.name().replace(":", "\\:") + ":" + s.description())).append('\n');
            }
            sb.append("  )\n  _arguments -C");
            specs.forEach(s -> sb.append(" \\\n    ").append(s));
            sb.append(" \\\n    '1: :->command' \\\n    '*:: :->args'\n")
                .append("  case $state in\n")
                .append("    command) _describe -t commands ").append(quote(c.path() + " command"))
                .append(" commands ;;\n")
                .append("    args)\n      case $words[1] in\n");
            for (Sub s : c.subcommands()) {
                sb.append("        ").append(quote(s.name())).append(") ").append(function(c.path() + " " + s.name()))
                    .append(" ;;\n");
            }
            sb.append("      esac ;;\n  esac\n}\n\n");
        }
        sb.append("if [ \"$funcstack[1]\" = \"_notif\" ]; then\n  _notif \"$@\"\nelse\n")
            .append("  compdef _notif notif\nfi\n");
        return sb.toString();
    }

    private static String function(String path) {
        return "_" + path.replace(' ', '_').replace('-', '_');
    }

    private static String zshOption(Opt o) {
        String description = "[" + o.description().replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")
            .replace(":", "\\:") + "]";
        // --help and --version end the command; setup apple's --version takes a value and does not
        boolean exits = !o.takesValue() && (o.names().contains("--help") || o.names().contains("--version"));
        String exclusion = exits ? "(- *)" : o.names().size() > 1 ? "(" + String.join(" ", o.names()) + ")" : "";
        String value = "";
        if (o.takesValue()) {
            String label = o.label().replace(":", "\\:");
            String action = o.file() ? "_files" : !o.candidates().isEmpty()
                ? "(" + joined(o.candidates(), w -> w.replace(" ", "\\ ")) + ")" : " ";
            value = ":" + label + ":" + action;
        }
        List<String> specs = new ArrayList<>();
        for (String name : o.names()) {
            String form = o.takesValue() && name.startsWith("--") ? name + "=" : name;
            specs.add(quote(exclusion + form + description + value));
        }
        return String.join(" \\\n    ", specs);
    }

    // ---------------------------------------------------------------------------------------------------- fish

    public static String fish(CommandLine root) {
        List<Command> commands = commands(root);
        StringBuilder sb = new StringBuilder();
        sb.append("# fish completion for notif (generated; do not edit)\n")
            .append("# copy it to ~/.config/fish/completions/notif.fish, or: notif completion fish | source\n")
            .append("function __notif_path --description 'the notif command being typed, e.g. \"notif send stripe\"'\n")
            .append("    set -l path notif\n")
            .append("    for word in (commandline -opc)[2..-1]\n")
            .append("        switch \"$path $word\"\n")
            .append("            case");
        for (Command c : commands) {
            for (Sub s : c.subcommands()) {
                sb.append(' ').append(quote(c.path() + " " + s.name()));
            }
        }
        sb.append("\n                set path \"$path $word\"\n        end\n    end\n    echo $path\nend\n\n")
            .append("complete -c notif -f\n");
        for (Command c : commands) {
            String when = " -n " + quote("test (__notif_path) = \"" + c.path() + "\"");
            for (Sub s : c.subcommands()) {
                sb.append("complete -c notif").append(when).append(" -a ").append(quote(s.name()))
                    .append(" -d ").append(quote(s.description())).append('\n');
            }
            if (!c.arguments().isEmpty()) {
                sb.append("complete -c notif").append(when).append(" -a ")
                    .append(quote(String.join(" ", c.arguments()))).append('\n');
            }
            for (Opt o : c.options()) {
                sb.append("complete -c notif").append(when);
                for (String name : o.names()) {
                    sb.append(name.startsWith("--") ? " -l " + name.substring(2)
                        : name.length() == 2 ? " -s " + name.substring(1) : " -o " + name.substring(1));
                }
                if (o.file()) {
                    sb.append(" -r -F");
                } else if (!o.candidates().isEmpty()) {
                    sb.append(" -x -a ").append(quote(String.join(" ", o.candidates())));
                } else if (o.takesValue()) {
                    sb.append(" -x");
                }
                sb.append(" -d ").append(quote(o.description())).append('\n');
            }
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------------------------------------- PowerShell

    /**
     * A native argument completer for {@code notif} and {@code notif.bat}: the command tree as one table (each
     * command's subcommands, options with their value kind and candidates, and its argument's candidates) and a
     * fixed script block that walks the words before the cursor through it. A value of a file option, or of any
     * option without candidates, gets no candidates from notif, so PowerShell offers paths.
     */
    public static String powershell(CommandLine root) {
        List<Command> commands = commands(root);
        StringBuilder sb = new StringBuilder();
        sb.append("# PowerShell completion for notif (generated; do not edit)\n")
            .append("# load it with: notif completion powershell | Out-String | Invoke-Expression (add that line to")
            .append(" $PROFILE)\n")
            .append("$global:NotifCommands = @{\n");
        for (Command c : commands) {
            sb.append("  ").append(psQuote(c.path())).append(" = @{\n")
                .append("    Subcommands = @(");
            List<String> subs = new ArrayList<>();
            for (Sub s : c.subcommands()) {
                subs.add("@{ Name = " + psQuote(s.name()) + "; Tip = " + psQuote(tooltip(s.description(), s.name()))
                    + " }");
            }
            sb.append(String.join(", ", subs)).append(")\n")
                .append("    Options = @(\n");
            for (Opt o : c.options()) {
                String value = !o.takesValue() ? "none" : o.file() ? "file" : "text";
                sb.append("      @{ Names = @(").append(psList(o.names())).append("); Value = ").append(psQuote(value))
                    .append("; Candidates = @(").append(psList(o.candidates())).append("); Tip = ")
                    .append(psQuote(tooltip(o.description(), String.join(", ", o.names())))).append(" }\n");
            }
            sb.append("    )\n")
                .append("    Arguments = @(").append(psList(c.arguments())).append(")\n")
                .append("  }\n");
        }
        sb.append("}\n\n")
            .append(POWERSHELL_COMPLETER);
        return sb.toString();
    }

    private static final String POWERSHELL_COMPLETER = """
        Register-ArgumentCompleter -Native -CommandName 'notif', 'notif.bat' -ScriptBlock {
            param($wordToComplete, $commandAst, $cursorPosition)
            # the words before the one being completed (the command name first)
            $words = @($commandAst.CommandElements | Where-Object { $_.Extent.EndOffset -le $cursorPosition } |
                ForEach-Object { $_.Extent.Text })
            if ($wordToComplete -ne '' -and $words.Count -gt 0) {
                $words = @($words | Select-Object -First ($words.Count - 1))
            }
            $path = 'notif'
            foreach ($word in ($words | Select-Object -Skip 1)) {
                if ($global:NotifCommands.ContainsKey("$path $word")) { $path = "$path $word" }
            }
            $command = $global:NotifCommands[$path]
            if ($null -eq $command) { return }
            $prefix = ''
            $current = $wordToComplete
            $option = $null
            if ($current -match '^(--[^=]+)=(.*)$') {
                $name = $Matches[1]
                $prefix = "$name="
                $current = $Matches[2]
                $option = $command.Options | Where-Object { $_.Names -contains $name } | Select-Object -First 1
            } elseif ($words.Count -gt 1) {
                $previous = $words[$words.Count - 1]
                $option = $command.Options | Where-Object { $_.Names -contains $previous -and $_.Value -ne 'none' } |
                    Select-Object -First 1
            }
            if ($null -ne $option) {
                # a value: the option's candidates; none for files and free text (PowerShell then offers paths)
                foreach ($candidate in $option.Candidates) {
                    if ($candidate -like "$current*") {
                        [System.Management.Automation.CompletionResult]::new("$prefix$candidate", $candidate,
                            'ParameterValue', $candidate)
                    }
                }
                return
            }
            if ($current -like '-*') {
                foreach ($o in $command.Options) {
                    foreach ($name in $o.Names) {
                        if ($name -like "$current*") {
                            [System.Management.Automation.CompletionResult]::new($name, $name, 'ParameterName', $o.Tip)
                        }
                    }
                }
                return
            }
            foreach ($sub in $command.Subcommands) {
                if ($sub.Name -like "$current*") {
                    [System.Management.Automation.CompletionResult]::new($sub.Name, $sub.Name, 'Command', $sub.Tip)
                }
            }
            foreach ($argument in $command.Arguments) {
                if ($argument -like "$current*") {
                    [System.Management.Automation.CompletionResult]::new($argument, $argument, 'ParameterValue',
                        $argument)
                }
            }
        }
        """;

    /** A tooltip PowerShell takes (it refuses an empty one). */
    private static String tooltip(String description, String fallback) {
        return description.isBlank() ? fallback : description;
    }

    /**
     * Single-quoted for PowerShell: a quote is doubled, the typographic single quotes too (PowerShell reads U+2018
     * to U+201B as quotes), and nothing else is special.
     */
    static String psQuote(String s) {
        StringBuilder out = new StringBuilder("'");
        for (char ch : s.toCharArray()) {
            out.append(ch);
            if (ch == '\'' || ch >= '\u2018' && ch <= '\u201B') {
                out.append(ch);
            }
        }
        return out.append('\'').toString();
    }

    private static String psList(List<String> words) {
        return String.join(", ", words.stream().map(Completions::psQuote).toList());
    }
}
