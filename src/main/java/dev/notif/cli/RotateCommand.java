package dev.notif.cli;

import picocli.CommandLine.Command;

@Command(name = "rotate", header = "Replace a store's endpoint and secret without a moment without notifications.",
    description = "Creates the new endpoint beside the old one, hands over its secret, waits (bounded, resumable) until"
        + " the backend holds it, then deletes the old one. Safe to rerun after an interruption: it resumes.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  notif rotate stripe --url https://api.example.com/stripe --secret-file new-secret.txt",
        "  notif rotate stripe --url https://api.example.com/stripe --api-version 2025-09-30.clover",
    }, subcommands = {
    RotateStripeCommand.class,
})
public final class RotateCommand {
}
