package dev.notif.amazon;

import dev.notif.core.NotifException;
import dev.notif.core.Urls;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/** Validation of what users pass to the Amazon commands: types, ARNs, signature versions, the callback address. */
public final class AmazonInputs {
    private static final Pattern TOPIC_ARN = Pattern.compile("arn:aws(?:-cn|-us-gov)?:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_-]{1,256}");

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
        if (!(seconds > 0) || seconds > 600) {
            throw NotifException.usage(option + " must be between 0 and 600 seconds, got " + seconds,
                "for example " + option + " 10");
        }
        return Duration.ofMillis((long) (seconds * 1000));
    }

    /** Opens the session; an address that cannot be bound or a bad --public-url is a usage error. */
    public static SnsSession open(SnsSession.Options options, Clock clock) {
        if (options.publicUrl() != null) {
            Urls.http("--public-url", options.publicUrl());
        }
        if (options.port() < 0 || options.port() > 65535) {
            throw NotifException.usage("--callback-port must be between 0 and 65535, got " + options.port(),
                "0 picks a free port");
        }
        try {
            return SnsSession.open(options, clock);
        } catch (IOException | RuntimeException e) {
            throw NotifException.usage("cannot listen on " + options.bindHost() + ":" + options.port() + " for the"
                + " stand-in SNS host: " + e.getMessage(), "pass a local address with --callback-host and a free port with"
                + " --callback-port (0 picks one)");
        }
    }
}
