package dev.notif.cli;

import picocli.CommandLine.Command;

@Command(name = "resend", header = "Have a store deliver again the notifications it could not deliver.",
    description = "Lists what the store reports as undelivered to the endpoint (a plan; --dry-run stops there), asks the"
        + " store to deliver each again, and sums up what it answered.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  notif resend stripe --url https://api.example.com/stripe --since 7d --dry-run",
    }, subcommands = {
    ResendStripeCommand.class,
})
public final class ResendCommand {
}
