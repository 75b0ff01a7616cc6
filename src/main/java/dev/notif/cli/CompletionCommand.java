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
    header = "Print the shell completion script for bash, zsh, fish or PowerShell.",
    description = {
        "Prints the script that completes notif's commands, options, option values (files, choices such as send stripe --event's event types) and their descriptions in the given shell; the same script is shipped in the completions/ directory of the release archives (notif.ps1 is PowerShell's, for notif and notif.bat).",
    },
    footerHeading = "%nExamples:%n",
    footer = {
        "  source <(notif completion bash)                                # in ~/.bashrc",
        "  notif completion zsh > \"$${fpath[1]}/_notif\"                     # then open a new shell",
        "  notif completion fish > ~/.config/fish/completions/notif.fish",
        "  notif completion powershell | Out-String | Invoke-Expression   # in $PROFILE (PowerShell)",
    })
public final class CompletionCommand extends BaseCommand {
    /** The shells, named as users type them. */
    enum Shell { bash, zsh, fish, powershell }

    @Parameters(index = "0", paramLabel = "SHELL", description = "bash, zsh, fish or powershell.")
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
