package dev.notif.cli;

import picocli.CommandLine.Command;

@Command(name = "check", header = "Check a store's notification set-up end to end; exit 1 on any failed check.",
    description = "Runs every check of the store, never stopping at the first failure, and names the fix of each finding. --json prints one report for CI; the exit code is 1 when any check failed.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  notif check stripe --url https://api.example.com/stripe --secret whsec_... --json",
        "  notif check amazon --url https://api.example.com/amazon",
    }, subcommands = {
    CheckStripeCommand.class,
    CheckGoogleCommand.class,
    CheckAmazonCommand.class,
    CheckAppleCommand.class,
})
public final class CheckCommand {
}
