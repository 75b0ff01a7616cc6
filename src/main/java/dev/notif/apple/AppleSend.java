package dev.notif.apple;

import dev.notif.core.NotifException;
import dev.notif.core.Secrets;
import dev.notif.probe.Sender;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * {@code notif send apple}: a V2 notification signed by notif's test chain (created once under the configuration
 * directory), or a V1 one carrying the shared secret as its password; sent and judged. V1 takes no subtype and
 * needs the password; the password is for V1 only.
 */
public final class AppleSend {
    /** What to send; {@code passwordGiven}: --password was on the command line (not only in the environment). */
    public record Request(String url, String bundleId, String environment, String type, String subtype, boolean v1,
                          String password, boolean passwordGiven, boolean showSecret, Long appAppleId,
                          String productId, String originalTransactionId, String transactionId, boolean commitment) {
    }

    private final Sender sender;
    private final Path configDir;
    private final Clock clock;
    private final Consumer<String> warn;

    public AppleSend(Sender sender, Path configDir, Clock clock, Consumer<String> warn) {
        this.sender = sender;
        this.configDir = configDir;
        this.clock = clock;
        this.warn = warn;
    }

    public SendAppleResult run(Request r) {
        Secrets.remember(r.password());
        String bundle = AppleInputs.bundleId(r.bundleId(), true);
        AppleEnvironment env = AppleEnvironment.parse(r.environment());
        if (r.passwordGiven() && !r.v1()) {
            throw NotifException.usage("--password is for V1 notifications only",
                "add --v1, or drop --password: V2 payloads are signed instead");
        }
        var options = new AppleNotificationBuilder.Options(bundle, env, r.appAppleId(), r.productId(),
            r.originalTransactionId(), r.transactionId(), clock.instant(), r.commitment());
        return r.v1() ? v1(r, options) : v2(r, options);
    }

    private SendAppleResult v1(Request r, AppleNotificationBuilder.Options options) {
        if (r.subtype() != null) {
            throw NotifException.usage("V1 notifications have no subtype", "drop --subtype, or send V2");
        }
        String secret = r.password();
        if (secret == null || secret.isBlank()) {
            throw NotifException.usage("a V1 notification carries the app-specific shared secret as its password:"
                + " pass --password or set APPLE_SHARED_SECRET", "App Store Connect > the app > App Information >"
                + " App-Specific Shared Secret > Manage");
        }
        var n = AppleNotificationBuilder.v1(AppleNotificationTypes.v1(r.type()), secret, options);
        var sent = sender.send(new AppleDelivery(r.url(), n, null), AppleVerdicts.CLASSIFIER);
        return SendAppleResult.of(sent, Secrets.show(secret, r.showSecret()));
    }

    private SendAppleResult v2(Request r, AppleNotificationBuilder.Options options) {
        var t = AppleNotificationTypes.v2(r.type(), r.subtype());
        if (!t.known()) {
            warn.accept(t.type() + " is not a V2 type this notif release knows: sent as a subscription notification,"
                + " to see whether the receiver accepts types Apple adds later");
        }
        AppleTestChain chain = AppleTestChain.loadOrCreate(configDir, clock);
        if (chain.created()) {
            warn.accept("created notif's Apple test chain in " + chain.dir() + "; a receiver accepts its payloads once"
                + " it trusts " + chain.rootPem());
        }
        var n = AppleNotificationBuilder.v2(t, options, chain);
        var sent = sender.send(new AppleDelivery(r.url(), n, chain.rootPem().toString()), AppleVerdicts.CLASSIFIER);
        return SendAppleResult.of(sent, null);
    }
}
