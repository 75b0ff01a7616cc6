package dev.notif.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

@Command(name = "notif", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true,
    versionProvider = Cli.VersionProvider.class, sortOptions = false,
    header = "Sets up and diagnoses the server-to-server notifications of Stripe and the app stores.",
    description = "notif creates webhook endpoints with exactly the events a subscription backend accepts, checks them, sends correctly signed test deliveries and names the cause of every rejection with its fix.",
    subcommands = {
        SetupCommand.class,
        CheckCommand.class,
        SendCommand.class,
        VerifyCommand.class,
        RotateCommand.class,
        ResendCommand.class,
        ListenCommand.class,
        StatusCommand.class,
        InitCommand.class,
        PlanCommand.class,
        ApplyCommand.class,
        DemoCommand.class,
        CompletionCommand.class,
    },
    footerHeading = "%nExamples:%n",
    footer = {
        "  notif demo                                    # the whole job offline, in one command",
        "  notif setup stripe --url https://api.example.com/stripe",
        "  notif check stripe --url https://api.example.com/stripe --secret whsec_... --json",
        "  notif send stripe --url https://api.example.com/stripe --secret whsec_...",
        "  notif listen --port 8085                      # a local ingestion endpoint",
        "",
        "Run 'notif COMMAND --help' for a command's options and examples.",
    })
public final class NotifCommand {
}
