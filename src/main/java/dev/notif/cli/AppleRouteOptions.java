package dev.notif.cli;

import dev.notif.apple.AppleInputs;
import dev.notif.apple.AppleRoots;
import dev.notif.apple.AppleRoute;
import dev.notif.apple.ForwardQueue;
import dev.notif.core.Http;
import dev.notif.core.NotifException;
import dev.notif.core.Secrets;
import dev.notif.core.RetryPolicy;
import dev.notif.core.Urls;
import dev.notif.listen.ListenSetup;
import dev.notif.listen.RouteOptions;
import dev.notif.listen.StoreRoute;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import okhttp3.HttpUrl;
import picocli.CommandLine.Option;

/** {@code notif listen} options of {@code POST /apple}. */
public class AppleRouteOptions implements RouteOptions {
    /** Forwarding tries this often before an item is moved to failed/: about an hour, the backoff capped at 10 min. */
    static final int FORWARD_ATTEMPTS = 15;

    @Option(names = "--apple-root", paramLabel = "FILE",
        description = "Trust this root certificate (DER or PEM) for V2 payloads besides Apple Root CA - G3"
            + " (repeatable): apple-test-chain/root.pem accepts what notif send apple signs.")
    List<Path> roots = new ArrayList<>();

    @Option(names = "--apple-shared-secret", paramLabel = "SECRET",
        description = "Accept V1 notifications whose password is this app-specific shared secret; default:"
            + " $APPLE_SHARED_SECRET (none: V1 refused).")
    String sharedSecret;

    @Option(names = "--apple-bundle-id", paramLabel = "ID",
        description = "Accept Apple notifications of this app only (repeatable; default: any); others get 400 wrong_app.")
    List<String> bundleIds = new ArrayList<>();

    @Option(names = "--forward-to", paramLabel = "URL",
        description = "Relay each accepted Apple notification as-is (same body and Content-Type) to URL after answering"
            + " Apple, from a durable queue in the data directory: retried with backoff on network errors, 5xx, 408"
            + " and 429; other answers are kept in apple-forward/failed/. GET /status shows what is pending and failed.")
    String forwardTo;

    @Override
    public StoreRoute route(ListenSetup setup) {
        List<AppleRoots.Root> trusted = AppleRoots.of(true, "--apple-root", roots);
        Set<String> bundles = new LinkedHashSet<>();
        bundleIds.forEach(b -> bundles.add(AppleInputs.bundleId(b, true)));
        String secret = Secrets.remember(sharedSecret);
        for (AppleRoots.Root r : trusted.subList(1, trusted.size())) {
            setup.notice().accept("apple: also trusting " + r.subject() + " (" + r.source() + ") for V2 payloads");
        }
        ForwardQueue queue = null;
        if (forwardTo != null) {
            HttpUrl target = Urls.http("--forward-to", forwardTo);
            Duration base = RetryPolicy.standard(setup.ctx()).baseDelay().multipliedBy(2); // 1 s unless shortened
            RetryPolicy backoff = new RetryPolicy(FORWARD_ATTEMPTS, base, base.multipliedBy(600));
            try {
                queue = ForwardQueue.open(new ForwardQueue.Config(target, setup.dataDir().resolve("apple-forward"),
                    Http.client(setup.timeout()), backoff, setup.ctx().clock(), setup.notice()));
            } catch (IOException e) {
                throw NotifException.usage("cannot open the forwarding queue in " + setup.dataDir() + ": "
                    + e.getMessage(), "make the data directory writable (--data-dir)");
            }
        }
        return new AppleRoute(trusted, secret, bundles, queue, setup.notice());
    }
}
