package dev.notif.cli;

import dev.notif.core.Context;
import dev.notif.core.NotifException;
import dev.notif.core.SecretFiles;
import dev.notif.stripe.StripeVerification;
import dev.notif.stripe.VerifyStripeResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "stripe", sortOptions = false,
    header = "Verify a captured Stripe webhook delivery offline and name what is wrong with it.",
    description = {
        "Checks a delivery as Stripe's libraries do, step by step: the body (--payload, the exact bytes), the"
            + " Stripe-Signature header (t=<unix>,v1=<hex>[,v1=...]; split on ',' and '=' without trimming), each"
            + " candidate secret, the HMAC-SHA256 keyed by the whole secret (whsec_ included) over \"<t>.<body>\""
            + " against every v1, and the timestamp against --tolerance (a timestamp from the future is accepted, as"
            + " the libraries do).",
        "",
        "When no secret verifies it, the cause is named: wrong_secret (none of the secrets signed it; with several,"
            + " the one that did is named when one does), body_altered (a secret verifies the body once an"
            + " alteration is undone: re-serialized JSON, whitespace, a final newline, CRLF line endings, a byte order"
            + " mark, UTF-16 or Latin-1 encoding), body_altered_or_wrong_secret (the body is not as Stripe sends it"
            + " and nothing undoes it), timestamp_outside_tolerance (by how much), header_mangled (no t or v1, cut,"
            + " URL-encoded, spaces, milliseconds, only v0, another provider's header), not_a_signing_secret (an API"
            + " key, publishable key or endpoint id given as the secret), secret_quoted_or_spaced.",
        "",
        "Exit 0 valid, 1 not, 2 bad input (no secret, unreadable file). JSON (--json): {ok, store, valid,"
            + " matched_secret (redacted), matched_secret_source, timestamp, signed_at, age_seconds, tolerance_seconds,"
            + " cause_code, cause, fix, event_id, event_type, livemode, signatures, matched_signature, body_alteration,"
            + " steps: [{name, status, detail}]}.",
    },
    footerHeading = "%nExamples:%n",
    footer = {
        "  notif verify stripe --payload body.json --header 't=1700000000,v1=5257a8...' --secret whsec_...",
        "  notif verify stripe --payload - --header \"$SIG\" --secret-file current.txt --secret-file previous.txt",
        "  notif verify stripe --payload old-capture.json --header \"$SIG\" --tolerance 0 --json",
    })
public final class VerifyStripeCommand extends BaseCommand {

    @Option(names = "--payload", required = true, paramLabel = "FILE|-",
        description = "The request body exactly as received ('-' reads stdin).")
    String payload;

    @Option(names = "--header", required = true, paramLabel = "SIGNATURE",
        description = "The Stripe-Signature header value (t=...,v1=...), with or without its name.")
    String header;

    @Option(names = "--secret", paramLabel = "SECRET|-",
        description = "A candidate signing secret (whsec_...); repeatable; '-' reads one from stdin (a hidden prompt on"
            + " a terminal). Default: $STRIPE_WEBHOOK_SECRET.")
    List<String> secrets = new ArrayList<>();

    @Option(names = "--secret-file", paramLabel = "FILE",
        description = "A file holding candidate secrets, one a line; repeatable.")
    List<Path> secretFiles = new ArrayList<>();

    @Option(names = "--tolerance", paramLabel = "SECONDS", defaultValue = "300",
        description = "How old the signature may be, in seconds; 0 checks the signature alone (default:"
            + " ${DEFAULT-VALUE}, as Stripe's libraries).")
    long tolerance;

    @Option(names = "--show-secret", description = "Print the matching secret whole instead of redacted.")
    boolean showSecret;

    VerifyStripeCommand(Context ctx) {
        super(ctx);
    }

    @Override
    protected VerifyStripeResult execute() {
        if (tolerance < 0) {
            throw NotifException.usage("--tolerance must be 0 or more seconds, got " + tolerance,
                "for example --tolerance 300 (Stripe's default), or 0 to check the signature alone");
        }
        List<StripeVerification.Secret> candidates = candidates();
        byte[] body = body();
        var report = StripeVerification.verify(new StripeVerification.Input(body, header, candidates, tolerance,
            ctx.clock().instant().getEpochSecond()));
        return VerifyStripeResult.of(report, tolerance, showSecret);
    }

    private List<StripeVerification.Secret> candidates() {
        List<StripeVerification.Secret> out = new ArrayList<>();
        long stdinReaders = secrets.stream().filter(SecretInput.STDIN::equals).count() + ("-".equals(payload) ? 1 : 0);
        if (stdinReaders > 1) {
            throw NotifException.usage("more than one of --payload - and --secret - read stdin",
                "pass the others as files (--payload FILE, --secret-file FILE)");
        }
        for (int i = 0; i < secrets.size(); i++) {
            String s = secrets.get(i);
            String source = secrets.size() == 1 ? "--secret" : "--secret #" + (i + 1);
            out.add(new StripeVerification.Secret(SecretInput.STDIN.equals(s) ? SecretInput.stdin(this, "--secret") : s,
                SecretInput.STDIN.equals(s) ? source + " (stdin)" : source));
        }
        for (Path file : secretFiles) {
            List<String> lines = SecretFiles.readLines("--secret-file", file, this::warn);
            for (int i = 0; i < lines.size(); i++) {
                out.add(new StripeVerification.Secret(lines.get(i), "--secret-file " + file
                    + (lines.size() == 1 ? "" : " line " + (i + 1))));
            }
        }
        if (out.isEmpty() && ctx.env("STRIPE_WEBHOOK_SECRET") != null) {
            out.add(new StripeVerification.Secret(ctx.env("STRIPE_WEBHOOK_SECRET"), "$STRIPE_WEBHOOK_SECRET"));
        }
        if (out.isEmpty()) {
            throw NotifException.usage("no secret to verify with: pass --secret or --secret-file (or set"
                + " STRIPE_WEBHOOK_SECRET)", "the endpoint's signing secret is in Stripe Dashboard > Developers >"
                + " Webhooks > the endpoint > Signing secret");
        }
        return out;
    }

    private byte[] body() {
        try {
            return "-".equals(payload) ? ctx.in().readAllBytes() : Files.readAllBytes(Path.of(payload));
        } catch (IOException e) {
            throw NotifException.usage("cannot read --payload " + payload + ": " + e.getMessage(),
                "pass the file holding the request body, or - to read it from stdin");
        }
    }
}
