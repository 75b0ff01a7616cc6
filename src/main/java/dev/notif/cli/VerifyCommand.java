package dev.notif.cli;

import picocli.CommandLine.Command;

@Command(name = "verify", header = "Verify a captured notification's signature offline and say what failed.",
    subcommands = {VerifyAmazonCommand.class, VerifyAppleCommand.class})
public final class VerifyCommand {
}
