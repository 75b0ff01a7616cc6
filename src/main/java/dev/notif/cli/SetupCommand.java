package dev.notif.cli;

import picocli.CommandLine.Command;

@Command(name = "setup", header = "Configure a store to send its notifications to an ingestion URL.", subcommands = {
    SetupStripeCommand.class,
    SetupGoogleCommand.class,
    SetupAppleCommand.class,
})
public final class SetupCommand {
}
