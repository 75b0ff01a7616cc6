package dev.notif.cli;

import dev.notif.apple.AppleCheck;
import dev.notif.core.Context;
import dev.notif.core.RetryPolicy;
import dev.notif.core.Urls;
import dev.notif.output.CheckReport;
import okhttp3.HttpUrl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "apple", sortOptions = false,
    header = "Check an app's App Store Server Notifications end to end, in production and sandbox.",
    description = {
        "Asks Apple itself: requests a test notification in each environment and polls its status with backoff until"
            + " Apple records a delivery attempt (or --wait passes), reads the notification history of the last --days"
            + " (every page), and probes the URL as Apple would. Production and sandbox are separate (each has its"
            + " own URL, test notification and history): every finding names its environment (details.environment)."
            + " Runs every check even when one fails; exits 1 if any failed, 3 when the key is missing or rejected,"
            + " 4 when Apple cannot be reached. Checks:",
        "  apple.credentials         the In-App Purchase key is accepted by the App Store Server API",
        "  apple.url.configured      a notification URL is set for the environment (error 4040007: none); with the"
            + " team key (ASC_*) also which URL and version, compared with --url",
        "  apple.test.delivered      Apple delivered its test notification; every attempt listed with its result"
            + " in plain words and the fix",
        "  apple.history             notifications of the last --days: details.last_delivered_at, failures counted"
            + " by result, notifications never delivered",
        "  apple.endpoint.reachable  the URL (--url, or App Store Connect's) is https, on 443 or a port from 1024,"
            + " answers over TLS 1.2+ without a redirect",
        "",
        "Needs the In-App Purchase key (--key-file/--key-id/--issuer-id or APPLE_IAP_KEY_FILE, APPLE_IAP_KEY_ID,"
            + " APPLE_ISSUER_ID); the App Store Connect API team key (ASC_*) is optional here.",
        "",
        "JSON (--json): {ok, store: \"apple\", target, checks: [{id, status: pass|warn|fail|skip, summary, fix,"
            + " details: {environment, ...}, cause}]}.",
    },
    footerHeading = "%nExamples:%n",
    footer = {
        "  notif check apple --bundle-id com.example.app",
        "  notif check apple --bundle-id com.example.app --environment sandbox --url https://api.example.com/apple",
        "  notif check apple --bundle-id com.example.app --days 7 --json        # nightly in CI",
    })
public final class CheckAppleCommand extends BaseCommand {

    @Option(names = "--bundle-id", paramLabel = "ID", description = "The app's bundle id; default: $APPLE_BUNDLE_ID.")
    String bundleId;

    @Option(names = "--environment", paramLabel = "ENV", completionCandidates = AppleEnvironmentCandidates.class,
        description = "Check only production or only sandbox (default: both).")
    String environment;

    @Option(names = "--days", paramLabel = "N", defaultValue = "30",
        description = "Days of notification history to read, 1 to 180 (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "60",
        description = "How long to wait for Apple to try the test notification (default: ${DEFAULT-VALUE}).")
    double waitSeconds;

    @Option(names = "--url", paramLabel = "URL",
        description = "The URL the app should deliver to: probed, and compared with App Store Connect's.")
    String url;

    @Mixin
    AppleIapOptions iap;

    @Option(names = "--sandbox-api-base", paramLabel = "URL",
        description = "App Store Server API base URL for sandbox, for tests and fakes (default: --api-base).")
    String sandboxApiBase;

    @Mixin
    AppleAscOptions asc;

    @Mixin
    NetworkOptions network;

    CheckAppleCommand(Context ctx) {
        super(ctx);
    }

    @Override
    protected CheckReport execute() {
        HttpUrl production = iap.base();
        var request = new AppleCheck.Request(bundleId, environment, days, waitSeconds, url,
            new AppleCheck.Key(iap.keyFile, iap.keyId, iap.issuerId), new AppleCheck.Key(asc.keyFile, asc.keyId,
                asc.issuerId), production, sandboxApiBase == null ? production
                : Urls.http("--sandbox-api-base", sandboxApiBase), asc.base());
        return new AppleCheck(network.timeout(), RetryPolicy.standard(ctx), ctx.clock(), ctx.shared(), this::warn).run(request);
    }
}
