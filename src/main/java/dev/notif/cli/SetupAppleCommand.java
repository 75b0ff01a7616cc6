package dev.notif.cli;

import dev.notif.apple.AppStoreConnect;
import dev.notif.apple.AppStoreConnect.Endpoint;
import dev.notif.apple.AppleEnvironment;
import dev.notif.apple.AppleInputs;
import dev.notif.apple.AppleKey;
import dev.notif.apple.AppleSetup;
import dev.notif.apple.AppleSetupPlan;
import dev.notif.apple.SetupAppleResult;
import dev.notif.core.Context;
import dev.notif.core.Http;
import dev.notif.core.RetryPolicy;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "apple", sortOptions = false,
    header = "Point an app's App Store Server Notifications (production and sandbox) at an ingestion URL.",
    description = {
        "Reads the app by bundle id through the App Store Connect API (GET /v1/apps?filter[bundleId]=...) and sets"
            + " its production and sandbox notification URLs and versions (PATCH /v1/apps/{id}). Idempotent: a second"
            + " run changes nothing. --dry-run prints the before/after without changing anything.",
        "",
        "Safety: a URL Apple cannot deliver to is refused before any change: not https (Apple requires HTTPS with TLS"
            + " 1.2 or newer; App Store Connect refuses it too), and unless --force a port other than 443 or 1024 and"
            + " up, or one that answers a redirect (each new URL gets one POST of {}, no redirect followed, as Apple"
            + " sends; one that does not answer from here is said, not refused). Replacing the production URL the app already has (where every live"
            + " notification goes) asks first on a terminal and needs --yes otherwise; --dry-run says so.",
        "",
        "These are the App Store Server Notifications (subscription and purchase events, App Store Connect > the app >"
            + " App Information), which a subscription backend ingests; not the App Store Connect API webhooks (build,"
            + " review and TestFlight events, set under Users and Access > Integrations), which setup never touches.",
        "",
        "Needs an App Store Connect API team key (--asc-key-file/--asc-key-id/--asc-issuer-id or ASC_KEY_FILE,"
            + " ASC_KEY_ID, ASC_ISSUER_ID) with the App Manager or Admin role; the In-App Purchase key used by"
            + " 'check apple' cannot change app settings.",
        "",
        "JSON (--json): {ok, store, bundle_id, app_id, app_name, dry_run, changed, actions: [{action: update|none,"
            + " resource, name, changes, reason, applied, cause, fix, environment, url, version}], before: {production:"
            + " {url, version}, sandbox: {url, version}}, after: {...}, next}.",
    },
    footerHeading = "%nExamples:%n",
    footer = {
        "  notif setup apple --bundle-id com.example.app --url https://api.example.com/apple --dry-run",
        "  notif setup apple --bundle-id com.example.app --url https://api.example.com/apple --yes   # replaces production",
        "  notif setup apple --bundle-id com.example.app --url https://api.example.com/apple \\",
        "      --sandbox-url https://staging.example.com/apple --version V2",
    })
public final class SetupAppleCommand extends BaseCommand {

    @Option(names = "--bundle-id", paramLabel = "ID", description = "The app's bundle id; default: $APPLE_BUNDLE_ID.")
    String bundleId;

    @Option(names = "--url", required = true, paramLabel = "URL",
        description = "The https URL that receives the notifications (production, and sandbox unless --sandbox-url).")
    String url;

    @Option(names = "--sandbox-url", paramLabel = "URL", description = "A different URL for sandbox (default: --url).")
    String sandboxUrl;

    @Option(names = "--version", paramLabel = "V1|V2", defaultValue = "V2",
        completionCandidates = Candidates.NotificationVersions.class,
        description = "Notification version for both environments (default: ${DEFAULT-VALUE}). Here --version takes"
            + " a value (the contract's name for it): 'notif --version' prints notif's version.")
    String version;

    @Option(names = "--environment", paramLabel = "ENV", completionCandidates = AppleEnvironmentCandidates.class,
        description = "Change only production or only sandbox (default: both).")
    String environment;

    @Option(names = "--dry-run", description = "Print the before/after; change nothing.")
    boolean dryRun;

    @Option(names = {"-y", "--yes"}, description = "Replace the app's production URL without a prompt; required when"
        + " stdin is not a terminal or CI is set.")
    boolean yes;

    @Option(names = "--force", description = "Set a URL on a port other than 443 or 1024 and up, or one that answers"
        + " a redirect, anyway (Apple does not deliver to either).")
    boolean force;

    @Mixin
    AppleAscOptions asc;

    // --version above clashes with the inherited --help/--version pair, which picocli then leaves out whole
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Mixin
    NetworkOptions network;

    SetupAppleCommand(Context ctx) {
        super(ctx);
    }

    @Override
    protected SetupAppleResult execute() {
        String bundle = AppleInputs.bundleId(bundleId, true);
        String v = AppleInputs.version(version);
        AppleInputs.notificationUrl("--url", url, force).forEach(this::warn);
        String sandbox = sandboxUrl == null ? url : sandboxUrl;
        if (sandboxUrl != null) {
            AppleInputs.notificationUrl("--sandbox-url", sandboxUrl, force).forEach(this::warn);
        }
        List<AppleEnvironment> envs = AppleEnvironment.parseAll(environment);
        AppleSetupPlan.Wanted wanted = new AppleSetupPlan.Wanted(
            envs.contains(AppleEnvironment.PRODUCTION) ? new Endpoint(url, v) : null,
            envs.contains(AppleEnvironment.SANDBOX) ? new Endpoint(sandbox, v) : null);
        AppleKey key = AppleKey.load(AppleKey.Kind.ASC, "setup apple", asc.keyFile, asc.keyId, asc.issuerId);
        AppStoreConnect client = new AppStoreConnect(Http.apiClient(network.timeout(), RetryPolicy.standard(ctx)),
            asc.base(), key, ctx.clock());
        return new AppleSetup(client, network.probe(), new TerminalUi(this::stderr, ctx), this::warn)
            .run(new AppleSetup.Request(bundle, key.keyId(), wanted, dryRun, yes, force));
    }
}
