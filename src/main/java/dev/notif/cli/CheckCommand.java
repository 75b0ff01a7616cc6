package dev.notif.cli;

import picocli.CommandLine.Command;

@Command(name = "check", header = "Check a store's notification set-up end to end; exit 1 on any failed check.", subcommands = {
    CheckStripeCommand.class,
    CheckGoogleCommand.class,
    CheckAmazonCommand.class,
    CheckAppleCommand.class,
})
public final class CheckCommand {
}
