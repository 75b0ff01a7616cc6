package dev.notif.amazon;

import dev.notif.core.NotifException;
import dev.notif.core.Seconds;
import dev.notif.core.Urls;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Validation of what users pass to the Amazon commands: types, ARNs, signature versions, the callback address. */
public final class AmazonInputs {
    private static final Pattern TOPIC_ARN = Pattern.compile("arn:aws(?:-cn|-us-gov)?:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_-]{1,256}");

    private static final Set<String> WILDCARD = Set.of("0.0.0.0", "::", "[::]", "0:0:0:0:0:0:0:0");

    private AmazonInputs() {
    }

    /** An RTN notificationType; one Amazon does not send is a usage error. */
    public static String type(String type) {
        String t = type == null ? RtnTypes.DEFAULT_TYPE : type.strip().toUpperCase(Locale.ROOT);
        if (!RtnTypes.isKnown(t)) {
            throw NotifException.usage("unknown Amazon RTN type '" + type + "'",
                "Amazon sends " + String.join(", ", RtnTypes.names()));
        }
        return t;
    }

    public static String signatureVersion(String version) {
        if (SnsSignature.algorithm(version) == null) {
            throw NotifException.usage("--signature-version must be 1 (SHA1withRSA) or 2 (SHA256withRSA), got " + version,
                "SNS topics sign with version 1 unless set to 2; pass the one your topic uses");
        }
        return version;
    }

    public static String topicArn(String arn) {
        if (arn == null || !TOPIC_ARN.matcher(arn).matches()) {
            throw NotifException.usage("--topic-arn '" + arn + "' is not an SNS topic ARN",
                "for example arn:aws:sns:us-east-1:123456789012:MyTopic");
        }
        return arn;
    }

    /** A wait bound in seconds: positive and at most 600. */
    public static Duration wait(String option, double seconds) {
        return Seconds.bounded(option, seconds, false, 600, "10");
    }

    /** The SNS message in a file ('-' reads stdin), as captured; not JSON or not an object is a usage error. */
    public static SnsMessage message(String option, String file, InputStream stdin) {
        String body;
        try {
            body = "-".equals(file) ? new String(stdin.readAllBytes(), StandardCharsets.UTF_8)
                : Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw NotifException.usage("cannot read " + option + " " + file + ": " + e.getMessage(), "check the path");
        }
        try {
            return SnsMessage.parse(body);
        } catch (SnsMessage.Malformed e) {
            throw NotifException.usage(option + " " + file + ": " + e.getMessage(), "pass the request body exactly as"
                + " SNS sent it: a JSON object with Type, MessageId, Signature, ...");
        }
    }

    /** A PEM certificate file; unreadable or not a certificate is a usage error. */
    public static X509Certificate certificate(String option, Path file) {
        X509Certificate c;
        try {
            c = CertificateSource.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw NotifException.usage("cannot read " + option + " " + file + ": " + e.getMessage(), "check the path");
        }
        if (c == null) {
            throw NotifException.usage(option + " " + file + " holds no X.509 certificate",
                "pass a PEM file (-----BEGIN CERTIFICATE----- ...), such as the one SigningCertURL serves");
        }
        return c;
    }

    /**
     * Opens the session with the signer kept under {@code configDir}; an address that cannot be bound or a bad
     * --public-url is a usage error.
     */
    public static SnsSession open(SnsSession.Options options, Clock clock, Path configDir) {
        if (options.publicUrl() != null) {
            Urls.http("--public-url", options.publicUrl());
        }
        if (options.publicUrl() == null && WILDCARD.contains(options.bindHost())) {
            throw NotifException.usage("--callback-host " + options.bindHost() + " binds every interface but gives the"
                + " endpoint no address to fetch the certificate and SubscribeURL from",
                "also pass --public-url http://<an address the endpoint reaches>:<port> with a fixed --callback-port");
        }
        if (options.port() < 0 || options.port() > 65535) {
            throw NotifException.usage("--callback-port must be between 0 and 65535, got " + options.port(),
                "0 picks a free port");
        }
        try {
            return SnsSession.open(options, clock, configDir);
        } catch (IOException | RuntimeException e) {
            throw NotifException.usage("cannot listen on " + options.bindHost() + ":" + options.port() + " for the"
                + " stand-in SNS host: " + e.getMessage(), "pass a local address with --callback-host and a free port with"
                + " --callback-port (0 picks one)");
        }
    }
}
