package dev.notif.demo;

import dev.notif.amazon.AmazonRoute;
import dev.notif.amazon.AmazonDelivery;
import dev.notif.amazon.AmazonVerdicts;
import dev.notif.amazon.RtnMessage;
import dev.notif.amazon.SnsSession;
import dev.notif.amazon.SnsVerifier;
import dev.notif.apple.AppleDelivery;
import dev.notif.apple.AppleEnvironment;
import dev.notif.apple.AppleNotificationBuilder;
import dev.notif.apple.AppleNotificationTypes;
import dev.notif.apple.AppleRoots;
import dev.notif.apple.AppleRoute;
import dev.notif.apple.AppleVerdicts;
import dev.notif.apple.AppleTestChain;
import dev.notif.google.DeveloperNotification;
import dev.notif.google.GoogleRoute;
import dev.notif.google.GoogleNotification;
import dev.notif.google.GooglePush;
import dev.notif.google.GoogleVerdicts;
import dev.notif.google.RtdnCodes;
import dev.notif.listen.StoreRoute;
import dev.notif.probe.HttpProbe;
import dev.notif.probe.Sender;
import dev.notif.probe.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * The app stores in the demo: one renewal each from Apple (V2, signed by notif's test chain, which the receiver is
 * told to trust), Google Play (a Pub/Sub push envelope) and Amazon (an SNS notification signed by a throwaway
 * certificate the receiver is told to trust). None of them is presented as signed by the store.
 */
final class AppStoreSteps implements AutoCloseable {
    static final String PACKAGE = "com.example.app";

    private final Clock clock;
    private final AppleTestChain chain;
    private final SnsSession amazon;

    AppStoreSteps(Path dir, Clock clock) throws IOException {
        this.clock = clock;
        this.chain = AppleTestChain.loadOrCreate(dir, clock);
        this.amazon = SnsSession.open(new SnsSession.Options(SnsSession.DEFAULT_TOPIC_ARN, "2", "127.0.0.1", 0, null), clock,
            dir);
    }

    /** The receiver's routes for the three stores, trusting the demo's own signers. */
    List<StoreRoute> routes(HttpProbe probe) {
        AppleRoots.Root root;
        try {
            root = new AppleRoots.Root("notif's Apple test chain", chain.root(), chain.root().getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
        return List.of(
            new AppleRoute(List.of(root), null, Set.of(), null, notice -> { }),
            new GoogleRoute(Set.of()),
            new AmazonRoute(new AmazonRoute.Options(SnsVerifier.Trust.only(amazon.certificate()), List.of()), probe,
                notice -> { }));
    }

    List<DemoResult.Delivery> send(String baseUrl, Sender sender) {
        var apple = AppleNotificationBuilder.v2(AppleNotificationTypes.v2("DID_RENEW", null),
            new AppleNotificationBuilder.Options(PACKAGE, AppleEnvironment.SANDBOX, null, null, null, null,
                clock.instant()), chain);
        var appleSent = sender.send(new AppleDelivery(baseUrl + "/apple", apple, chain.rootPem().toString()),
            AppleVerdicts.CLASSIFIER);

        var code = RtdnCodes.of(2, DeveloperNotification.codes(DeveloperNotification.Kind.SUBSCRIPTION));
        var json = DeveloperNotification.build(new DeveloperNotification.Options(DeveloperNotification.Kind.SUBSCRIPTION,
            PACKAGE, code, null, null, null, null, null, clock.instant()));
        var googleSent = sender.send(GooglePush.of(baseUrl + "/google", "projects/notif-demo/subscriptions/play-rtdn",
            GoogleNotification.of(DeveloperNotification.Kind.SUBSCRIPTION, code, json), clock.instant()),
            GoogleVerdicts.CLASSIFIER);

        var amazonSent = sender.send(AmazonDelivery.of(baseUrl + "/amazon", amazon.notification(
            RtnMessage.of("SUBSCRIPTION_RENEWED", PACKAGE, null, null, false, clock.instant())), amazon.subscriptionArn()),
            AmazonVerdicts.CLASSIFIER);

        return List.of(
            DemoResult.Delivery.of("apple", "DID_RENEW (V2)", "test chain", Verdict.ACCEPTED, appleSent),
            DemoResult.Delivery.of("google", code.name() + " (" + code.value() + ")", "push envelope",
                Verdict.ACCEPTED, googleSent),
            DemoResult.Delivery.of("amazon", "SUBSCRIPTION_RENEWED", "test cert", Verdict.ACCEPTED,
                amazonSent));
    }

    @Override
    public void close() {
        amazon.close();
    }
}
