package dev.notif.cli;

import dev.notif.apple.AppleSend;
import dev.notif.apple.SendAppleResult;
import dev.notif.core.Context;
import dev.notif.core.Urls;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "apple", sortOptions = false,
    header = "Send one App Store Server Notification (V2 signed by a test chain, or V1) and explain the answer.",
    description = {
        "V2 (default): POSTs {\"signedPayload\": JWS} as Apple does, the payload (and its signedTransactionInfo and"
            + " signedRenewalInfo) signed ES256 by a three-level test chain that carries Apple's marker extensions."
            + " The chain is generated once under notif's configuration directory (apple-test-chain/, keys 0600) and"
            + " reused: a receiver you control accepts the payloads once it trusts apple-test-chain/root.pem (notif"
            + " listen --apple-root FILE), and Apple's own verifier accepts them against that root. It is never"
            + " Apple-signed: backends that trust only Apple Root CA G3 reject it, by design; to test those, let Apple"
            + " send the test notification with 'notif check apple'.",
        "",
        "V2 types: every one in Apple's reference, with the payload Apple sends for it: RESCIND_CONSENT carries appData"
            + " (with a signed app transaction) in place of data, RENEWAL_EXTENSION a summary, EXTERNAL_PURCHASE_TOKEN an"
            + " externalPurchaseToken; METADATA_UPDATE, MIGRATION and PRICE_CHANGE (Advanced Commerce) carry data. A type"
            + " notif does not know (spelled like Apple's) is sent as a subscription notification, to see whether the"
            + " receiver accepts types Apple adds later. --commitment adds the 2026 fields of a monthly subscription"
            + " with a 12-month commitment (billingPlanType, commitmentInfo, renewalBillingPlanType).",
        "",
        "V1 (--v1 --password SECRET): a statusUpdateNotification JSON body carrying the app-specific shared secret.",
        "",
        "Verdicts: accepted, signature_rejected, event_rejected, rejected, server_error, redirected, timeout, tls_error,"
            + " unreachable. Exit 0 only when the notification was accepted (2xx).",
        "",
        "JSON (--json): {ok, store, url, version, notification_type, subtype, notification_uuid, environment,"
            + " bundle_id, original_transaction_id, http_status, latency_ms, verdict, cause, fix, response_body,"
            + " signed_by, test_root, password}.",
    },
    footerHeading = "%nExamples:%n",
    footer = {
        "  notif send apple --url http://127.0.0.1:8085/apple --bundle-id com.example.app",
        "  notif send apple --url URL --bundle-id com.example.app --type DID_RENEW --original-transaction-id 2000000123456789",
        "  notif send apple --url URL --bundle-id com.example.app --type EXPIRED --subtype VOLUNTARY --json",
        "  notif send apple --url URL --bundle-id com.example.app --type RESCIND_CONSENT",
        "  notif send apple --url URL --bundle-id com.example.app --type DID_RENEW --commitment",
        "  notif send apple --url URL --bundle-id com.example.app --v1 --password $APPLE_SHARED_SECRET --type INITIAL_BUY",
    })
public final class SendAppleCommand extends BaseCommand {

    @Option(names = "--url", required = true, paramLabel = "URL", description = "The URL that receives Apple's notifications.")
    String url;

    @Option(names = "--bundle-id", paramLabel = "ID", description = "The app's bundle id; default: $APPLE_BUNDLE_ID.")
    String bundleId;

    @Option(names = "--environment", paramLabel = "ENV", defaultValue = "sandbox",
        completionCandidates = AppleEnvironmentCandidates.class,
        description = "sandbox or production (default: ${DEFAULT-VALUE}).")
    String environment;

    @Option(names = "--type", paramLabel = "TYPE", completionCandidates = Candidates.AppleTypes.class,
        description = "Notification type: TEST (default for V2), SUBSCRIBED, DID_RENEW, DID_CHANGE_RENEWAL_STATUS,"
            + " DID_FAIL_TO_RENEW, EXPIRED, REFUND, REVOKE, ONE_TIME_CHARGE, RESCIND_CONSENT, METADATA_UPDATE,"
            + " MIGRATION, PRICE_CHANGE, RENEWAL_EXTENSION, EXTERNAL_PURCHASE_TOKEN, ... (V1: INITIAL_BUY, DID_RENEW"
            + " (default), CANCEL, ...).")
    String type;

    @Option(names = "--commitment",
        description = "V2: a monthly subscription with a 12-month commitment (billingPlanType MONTHLY, commitmentInfo).")
    boolean commitment;

    @Option(names = "--subtype", paramLabel = "SUBTYPE", completionCandidates = Candidates.AppleSubtypes.class, description = "V2 subtype (default: the type's most common one).")
    String subtype;

    @Option(names = "--v1", description = "Send a V1 notification instead of V2.")
    boolean v1;

    @Option(names = "--password", paramLabel = "SECRET|-",
        description = "V1: the app-specific shared secret; '-' reads it from stdin (a hidden prompt on a terminal);"
            + " default: $APPLE_SHARED_SECRET.")
    String password;

    @Option(names = "--password-file", paramLabel = "FILE",
        description = "V1: read the app-specific shared secret from FILE (one line).")
    Path passwordFile;

    @Option(names = "--product-id", paramLabel = "ID", description = "Product id (default: <bundle id>.premium.monthly).")
    String productId;

    @Option(names = "--original-transaction-id", paramLabel = "ID",
        description = "Original transaction id of a purchase the backend knows (default: generated).")
    String originalTransactionId;

    @Option(names = "--transaction-id", paramLabel = "ID", description = "Transaction id (default: generated).")
    String transactionId;

    @Option(names = "--app-apple-id", paramLabel = "NUMBER",
        description = "The app's Apple id (in production payloads; default: 1234567890 there, none in sandbox).")
    Long appAppleId;

    @Option(names = "--show-secret", description = "Print the V1 password whole instead of redacted.")
    boolean showSecret;

    @Mixin
    NetworkOptions network;

    SendAppleCommand(Context ctx) {
        super(ctx);
    }

    @Override
    protected SendAppleResult execute() {
        var request = new AppleSend.Request(Urls.http("--url", url).toString(), bundleId, environment, type, subtype,
            v1, SecretInput.resolve(this, "--password", password, "--password-file", passwordFile),
            given("--password") || passwordFile != null, showSecret, appAppleId, productId, originalTransactionId, transactionId,
            commitment);
        return new AppleSend(network.sender(), ctx.configDir(), ctx.clock(), this::warn).run(request);
    }
}
