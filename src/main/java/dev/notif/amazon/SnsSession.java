package dev.notif.amazon;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.UUID;

/**
 * What a command needs to send SNS messages the way SNS does: notif's throwaway signer, notif's stand-in SNS host that
 * serves its certificate and SubscribeURLs while the command runs, and a topic and subscription ARN.
 */
public final class SnsSession implements AutoCloseable {
    public static final String DEFAULT_TOPIC_ARN = "arn:aws:sns:us-east-1:123456789012:notif-rtn-test";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
        .withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * How messages are signed and where the host listens: {@code bindHost:port} (0 picks a free port) and the base
     * URL the endpoint is told to fetch from ({@code publicUrl}, null for the bound address).
     */
    public record Options(String topicArn, String signatureVersion, String bindHost, int port, String publicUrl) {
    }

    private final Options options;
    private final Clock clock;
    private final ThrowawaySigner signer;
    private final SnsHost host;
    private final String subscriptionArn;

    private SnsSession(Options options, Clock clock, ThrowawaySigner signer, SnsHost host) {
        this.options = options;
        this.clock = clock;
        this.signer = signer;
        this.host = host;
        this.subscriptionArn = options.topicArn() + ":" + UUID.randomUUID();
    }

    /**
     * Takes the signer kept under {@code configDir} (made on first use, then read once per process while the file is
     * unchanged; null: this process's own, kept nowhere) and a host of its own on the process's stand-in SNS server at
     * that address (started unless it runs already); IOException when the address cannot be bound.
     */
    public static SnsSession open(Options options, Clock clock, Path configDir) throws IOException {
        ThrowawaySigner signer = configDir == null ? ThrowawaySigner.forProcess(clock.instant())
            : ThrowawaySigner.loadOrCreate(configDir, clock.instant());
        SnsHost host = SnsHost.start(options.bindHost(), options.port(), options.publicUrl(), signer.certificatePem(),
            options.topicArn(), clock);
        return new SnsSession(options, clock, signer, host);
    }

    public SnsHost host() {
        return host;
    }

    public String subscriptionArn() {
        return subscriptionArn;
    }

    public String signatureVersion() {
        return options.signatureVersion();
    }

    /** A signed Notification whose Message is the RTN. */
    public SnsMessage notification(RtnMessage rtn) {
        SnsMessage unsigned = new SnsMessage(SnsMessage.NOTIFICATION, UUID.randomUUID().toString(), null,
            options.topicArn(), null, rtn.toJson(), null, timestamp(clock.instant()), null, null, null,
            host.unsubscribeUrl(subscriptionArn));
        return sign(unsigned);
    }

    /** The message signed by this session's throwaway key, its SigningCertURL on this session's host. */
    public SnsMessage sign(SnsMessage unsigned) {
        return signer.sign(unsigned, options.signatureVersion(), host.certificateUrl());
    }

    public X509Certificate certificate() {
        return signer.certificate();
    }

    /** A signed SubscriptionConfirmation with a fresh token, whose SubscribeURL this session's host answers. */
    public SnsMessage confirmation() {
        byte[] bytes = new byte[128];
        RANDOM.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        SnsMessage unsigned = new SnsMessage(SnsMessage.SUBSCRIPTION_CONFIRMATION, UUID.randomUUID().toString(), token,
            options.topicArn(), null, "You have chosen to subscribe to the topic " + options.topicArn()
                + ".\nTo confirm the subscription, visit the SubscribeURL included in this message.",
            host.subscribeUrl(token), timestamp(clock.instant()), null, null, null, null);
        return sign(unsigned);
    }

    static String timestamp(Instant at) {
        return TIMESTAMP.format(at);
    }

    @Override
    public void close() {
        host.close();
    }
}
