package dev.notif.cli;

import dev.notif.amazon.AmazonInputs;
import dev.notif.amazon.SnsSession;
import picocli.CommandLine.Option;

/**
 * Where notif's stand-in SNS host listens while an Amazon command runs (it serves the signing certificate and the
 * SubscribeURL), how its messages are signed, and which topic they come from.
 */
public class CallbackOptions {
    @Option(names = "--callback-host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
        description = "Address the stand-in SNS host binds to (default: ${DEFAULT-VALUE}). The endpoint under test must"
            + " reach it to fetch the certificate and the SubscribeURL: loopback suits a local receiver; for a remote"
            + " endpoint bind a reachable address or use --public-url.")
    String host;

    @Option(names = "--callback-port", paramLabel = "PORT", defaultValue = "0",
        description = "Port of the stand-in SNS host (default: a free one).")
    int port;

    @Option(names = "--public-url", paramLabel = "URL",
        description = "Base URL the endpoint is told to fetch from, when it reaches notif through a tunnel or a"
            + " forwarded port (for example https://abc.tunnel.example); default: http://ADDRESS:PORT.")
    String publicUrl;

    @Option(names = "--topic-arn", paramLabel = "ARN", defaultValue = SnsSession.DEFAULT_TOPIC_ARN,
        description = "TopicArn of the messages (default: ${DEFAULT-VALUE}).")
    String topicArn;

    @Option(names = "--signature-version", paramLabel = "1|2", defaultValue = "1",
        completionCandidates = Candidates.SignatureVersions.class,
        description = "SignatureVersion: 1 (SHA1withRSA, SNS's default) or 2 (SHA256withRSA) (default: ${DEFAULT-VALUE}).")
    String signatureVersion;

    SnsSession.Options options() {
        return new SnsSession.Options(AmazonInputs.topicArn(topicArn), AmazonInputs.signatureVersion(signatureVersion),
            host, port, publicUrl);
    }
}
