package dev.notif.cli;

import dev.notif.cli.docs.CompletionResult;
import dev.notif.cli.docs.Completions;
import dev.notif.core.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "completion", sortOptions = false,
    header = "Print the shell completion script for bash, zsh or fish.",
    description = {
        "Prints the script that completes notif's commands, options, option values (files, choices) and their descriptions in the given shell; the same script is shipped in the completions/ directory of the release archives.",
    },
    footerHeading = "%nExamples:%n",
    footer = {
        "  source <(notif completion bash)                                # in ~/.bashrc",
        "  notif completion zsh > \"$${fpath[1]}/_notif\"                     # then open a new shell",
        "  notif completion fish > ~/.config/fish/completions/notif.fish",
    })
public final class CompletionCommand extends BaseCommand {
    /** The shells, named as users type them. */
    enum Shell { bash, zsh, fish }

    @Parameters(index = "0", paramLabel = "SHELL", description = "bash, zsh or fish.")
    Shell shell;

    CompletionCommand(Context ctx) {
        super(ctx);
    }

    @Override
    protected CompletionResult execute() throws IOException {
        String file = Completions.fileName(shell.name());
        // rendered by the build next to the classes; generated from the command tree when running from sources
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(Completions.RESOURCES + file)) {
            String script = in != null ? new String(in.readAllBytes(), StandardCharsets.UTF_8)
                : Completions.script(shell.name(), Cli.fullCommandLine(ctx));
            return new CompletionResult(true, shell.name(), script);
        }
    }
}
