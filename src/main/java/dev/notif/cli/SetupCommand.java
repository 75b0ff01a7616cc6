package dev.notif.cli;

import picocli.CommandLine.Command;

@Command(name = "setup", header = "Configure a store to send its notifications to an ingestion URL.",
    description = "Calls the store's own API to point its notifications at the ingestion URL with exactly what the backend accepts. Idempotent: a second run changes nothing; --dry-run prints the plan and writes nothing.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  notif setup stripe --url https://api.example.com/stripe --dry-run",
        "  notif setup apple --bundle-id com.example.app --url https://api.example.com/apple",
    }, subcommands = {
    SetupStripeCommand.class,
    SetupGoogleCommand.class,
    SetupAppleCommand.class,
})
public final class SetupCommand {
}
