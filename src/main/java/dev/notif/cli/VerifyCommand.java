package dev.notif.cli;

import picocli.CommandLine.Command;

@Command(name = "verify", header = "Verify a captured notification's signature offline and say what failed.",
    description = "Checks a captured notification offline: its signature chain and what it says, step by step, naming the step that failed. Exit 0 when valid, 1 when not.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  notif verify apple --payload body.json",
        "  notif verify amazon --message message.json",
        "  notif verify stripe --payload body.json --header 't=...,v1=...' --secret whsec_...",
    },
    subcommands = {VerifyAmazonCommand.class, VerifyAppleCommand.class, VerifyStripeCommand.class})
public final class VerifyCommand {
}
