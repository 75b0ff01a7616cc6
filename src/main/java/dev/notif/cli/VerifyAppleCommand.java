package dev.notif.cli;

import dev.notif.apple.AppleEnvironment;
import dev.notif.apple.AppleInputs;
import dev.notif.apple.AppleRoots;
import dev.notif.apple.AppleSignedPayloads;
import dev.notif.apple.VerifyAppleResult;
import dev.notif.core.Context;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "apple", sortOptions = false,
    header = "Verify and decode an App Store Server Notifications V2 signed payload offline.",
    description = {
        "Checks, with Apple's own SignedDataVerifier and no network: the JWS format, the x5c chain up to Apple Root CA"
            + " - G3 (built in) or the --root certificates, valid at the payload's signedDate; Apple's marker"
            + " extensions on the leaf and intermediate; the ES256 signature; the bundle id and environment when"
            + " given; the signedTransactionInfo and signedRenewalInfo inside. Every step is reported, the first"
            + " failed one with its reason and fix. Exit 0 when valid, 1 when not.",
        "",
        "--payload takes the signedPayload itself or a whole {\"signedPayload\": ...} body (a file, or - for stdin).",
        "",
        "JSON (--json): {ok, store, valid, failed_step, reason, fix, steps: [{name, status, detail}], notification:"
            + " {notification_type, subtype, notification_uuid, version, signed_date, environment, bundle_id,"
            + " app_apple_id}, payload, transaction, renewal_info, chain: [{subject, issuer, not_before, not_after}],"
            + " roots}.",
    },
    footerHeading = "%nExamples:%n",
    footer = {
        "  notif verify apple --payload body.json --bundle-id com.example.app --environment production",
        "  pbpaste | notif verify apple --payload - --json",
        "  notif verify apple --payload sent.jws --root ~/.config/notif/apple-test-chain/root.pem",
    })
public final class VerifyAppleCommand extends BaseCommand {

    @Option(names = "--payload", required = true, paramLabel = "FILE|-",
        description = "The signedPayload, or a {\"signedPayload\": ...} body; '-' reads stdin.")
    String payload;

    @Option(names = "--root", paramLabel = "FILE",
        description = "Trust this root certificate (DER or PEM) instead of Apple Root CA - G3; repeatable.")
    List<Path> roots = new ArrayList<>();

    @Option(names = "--bundle-id", paramLabel = "ID", description = "The bundle id the payload must be for.")
    String bundleId;

    @Option(names = "--environment", paramLabel = "ENV", completionCandidates = AppleEnvironmentCandidates.class,
        description = "The environment it must come from: production or sandbox.")
    String environment;

    @Option(names = "--app-apple-id", paramLabel = "NUMBER", description = "The app's Apple id it must carry.")
    Long appAppleId;

    VerifyAppleCommand(Context ctx) {
        super(ctx);
    }

    @Override
    protected VerifyAppleResult execute() {
        String jws = AppleInputs.signedPayload("--payload", payload, ctx.in());
        var expect = new AppleSignedPayloads.Expect(AppleInputs.bundleId(bundleId, false),
            environment == null ? null : AppleEnvironment.parse(environment), appAppleId);
        List<AppleRoots.Root> trusted = AppleRoots.of(roots.isEmpty(), "--root", roots);
        return VerifyAppleResult.of(new AppleSignedPayloads(trusted).verify(jws, expect), trusted);
    }
}
