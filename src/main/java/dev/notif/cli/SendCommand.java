package dev.notif.cli;

import picocli.CommandLine.Command;

@Command(name = "send", header = "Send one correctly signed test notification to an ingestion URL and explain the answer.",
    subcommands = {
        SendStripeCommand.class,
        SendGoogleCommand.class,
        SendAmazonCommand.class,
        SendAppleCommand.class,
    })
public final class SendCommand {
}
