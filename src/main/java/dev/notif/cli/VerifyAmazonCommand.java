package dev.notif.cli;

import dev.notif.amazon.AmazonInputs;
import dev.notif.amazon.HttpCertificateSource;
import dev.notif.amazon.SnsMessage;
import dev.notif.amazon.SnsVerifier;
import dev.notif.amazon.VerifyAmazonResult;
import dev.notif.core.Context;
import dev.notif.core.Http;
import dev.notif.core.NotifException;
import dev.notif.probe.HttpProbe;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "amazon", sortOptions = false,
    header = "Verify the SNS signature of a captured Amazon message and say what failed.",
    description = {
        "Checks an SNS message (Notification, SubscriptionConfirmation or UnsubscribeConfirmation) step by step:"
            + " the fields its type must carry, SignatureVersion (1 = SHA1withRSA, 2 = SHA256withRSA), the"
            + " SigningCertURL host rules before any fetch (https, sns.<region>.amazonaws.com or .amazonaws.com.cn, a"
            + " .pem path), the certificate (valid at the message's Timestamp) and the signature over SNS's string to"
            + " sign (\"Name\\nvalue\\n\" for each signed field in AWS's fixed order). A SigningCertURL outside the SNS"
            + " hosts fails without a request.",
        "",
        "--cert FILE (PEM) trusts that certificate in place of fetching SigningCertURL, so the host rules do not apply"
            + " and nothing is fetched: verify offline, or verify a message signed by a test certificate.",
        "",
        "Exit 0 valid, 1 invalid (with the reason and the fix), 2 the input is not readable JSON, 4 the certificate"
            + " could not be fetched. JSON (--json): {ok, store, type, message_id, topic_arn, signature_version,"
            + " algorithm, signing_cert_url, certificate, steps: [{name, status, detail}], reason, fix, string_to_sign,"
            + " notification}.",
    },
    footerHeading = "%nExamples:%n",
    footer = {
        "  notif verify amazon --message captured-body.json",
        "  pbpaste | notif verify amazon --message -",
        "  notif verify amazon --message body.json --cert SimpleNotificationService-abc.pem   # offline",
    })
public final class VerifyAmazonCommand extends BaseCommand {

    @Option(names = "--message", required = true, paramLabel = "FILE",
        description = "The body SNS POSTed, byte for byte ('-' reads stdin).")
    String message;

    @Option(names = "--cert", paramLabel = "FILE",
        description = "PEM certificate to trust in place of fetching SigningCertURL (no host rules, no request).")
    Path cert;

    @Mixin
    NetworkOptions network;

    VerifyAmazonCommand(Context ctx) {
        super(ctx);
    }

    @Override
    protected VerifyAmazonResult execute() {
        SnsMessage m = AmazonInputs.message("--message", message, ctx.in());
        SnsVerifier.Trust trust = cert == null ? SnsVerifier.Trust.SNS
            : SnsVerifier.Trust.only(AmazonInputs.certificate("--cert", cert));
        var verifier = new SnsVerifier(new HttpCertificateSource(new HttpProbe(Http.client(network.timeout()))), trust);
        SnsVerifier.Verification v = verifier.verify(m);
        if (v.unavailable()) {
            throw NotifException.unavailable(v.reason(), v.fix(), null);
        }
        return VerifyAmazonResult.of(m, v);
    }
}
