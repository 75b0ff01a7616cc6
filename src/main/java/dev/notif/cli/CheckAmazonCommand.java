package dev.notif.cli;

import dev.notif.amazon.AmazonChecker;
import dev.notif.amazon.AmazonChecks;
import dev.notif.amazon.AmazonInputs;
import dev.notif.amazon.RtnMessage;
import dev.notif.amazon.RtnTypes;
import dev.notif.amazon.SnsSession;
import dev.notif.core.Context;
import dev.notif.core.Http;
import dev.notif.core.Urls;
import dev.notif.output.CheckReport;
import dev.notif.probe.HttpProbe;
import dev.notif.probe.Sender;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "amazon", sortOptions = false,
    header = "Check that an endpoint would be Verified by Amazon Appstore and answers its Real-time Notifications.",
    description = {
        "Plays Amazon SNS against the URL: sends a SubscriptionConfirmation whose SubscribeURL notif hosts (with the"
            + " signing certificate) on its stand-in SNS host, waits a bounded time for the endpoint to fetch it (what"
            + " makes Amazon's console say \"Verified\"), resends it as application/json when it was not followed (to"
            + " tell a body ignored because of text/plain from the rest), then sends a Notification. Every check runs;"
            + " exit 1 if any fails.",
        "",
        "Checks: amazon.endpoint.reachable (DNS, TCP, TLS, no redirect; https), amazon.confirmation.answered (2xx to a"
            + " SubscriptionConfirmation), amazon.confirmation.followed (the SubscribeURL was fetched),"
            + " amazon.notification.answered (2xx to a Notification), amazon.signature.enforced (warns when the endpoint"
            + " accepts messages signed outside the SNS hosts). An endpoint that verifies SNS signatures refuses"
            + " notif's throwaway certificate: that is a pass for amazon.signature.enforced and a warning, not a"
            + " failure, elsewhere. Amazon does not retry a 4xx.",
        "",
        "The endpoint must reach the stand-in SNS host: loopback suits a local receiver; for a remote endpoint bind a"
            + " reachable address with --callback-host/--callback-port or pass the URL of a tunnel with --public-url.",
        "",
        "JSON (--json): {ok, store, target, checks: [{id, status, summary, fix, details, cause}]}.",
    },
    footerHeading = "%nExamples:%n",
    footer = {
        "  notif check amazon --url http://127.0.0.1:8085/amazon",
        "  notif check amazon --url https://api.example.com/amazon --public-url https://abc.tunnel.example --callback-port 9000",
        "  notif check amazon --url https://api.example.com/amazon --json --wait 20",
    })
public final class CheckAmazonCommand extends BaseCommand {

    @Option(names = "--url", required = true, paramLabel = "URL", description = "The ingestion URL of Amazon RTN.")
    String url;

    @Option(names = "--type", paramLabel = "TYPE", defaultValue = RtnTypes.DEFAULT_TYPE,
        description = "notificationType of the Notification sent (default: ${DEFAULT-VALUE}).",
        completionCandidates = SendAmazonCommand.TypeCandidates.class)
    String type;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "10",
        description = "How long to wait for the endpoint to fetch the SubscribeURL of each confirmation sent (as SNS"
            + " sends it, then once more as application/json when needed; default: ${DEFAULT-VALUE}).")
    double waitSeconds;

    @Mixin
    CallbackOptions callback;

    @Mixin
    NetworkOptions network;

    CheckAmazonCommand(Context ctx) {
        super(ctx);
    }

    @Override
    protected CheckReport execute() {
        String target = Urls.http("--url", url).toString();
        String rtnType = AmazonInputs.type(type);
        Duration timeout = network.timeout();
        Duration wait = AmazonInputs.wait("--wait", waitSeconds);
        try (SnsSession session = AmazonInputs.open(callback.options(), ctx.clock(), ctx.configDir())) {
            stderr().line("stand-in SNS host: " + session.host().baseUrl() + " (the endpoint must reach it)").flush();
            var checker = new AmazonChecker(session, new Sender(new HttpProbe(Http.client(timeout))), ctx.progress());
            var observed = checker.run(target, RtnMessage.of(rtnType, null, null, null, false, ctx.clock().instant()),
                wait);
            return CheckReport.of("amazon", target, AmazonChecks.evaluate(observed));
        }
    }
}
