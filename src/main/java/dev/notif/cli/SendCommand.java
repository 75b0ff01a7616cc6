package dev.notif.cli;

import picocli.CommandLine.Command;

@Command(name = "send", header = "Send one correctly signed test notification to an ingestion URL and explain the answer.",
    description = "Builds a notification the way the store does, signs it as the store would (or with notif's own test keys where only the store holds the real ones), posts it and judges the answer: accepted, or the cause of the rejection and its fix. Exit 0 only when it was accepted.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  notif send stripe --url https://api.example.com/stripe --secret whsec_...",
        "  notif send google --url http://127.0.0.1:8085/google",
    },
    subcommands = {
        SendStripeCommand.class,
        SendGoogleCommand.class,
        SendAmazonCommand.class,
        SendAppleCommand.class,
    })
public final class SendCommand {
}
