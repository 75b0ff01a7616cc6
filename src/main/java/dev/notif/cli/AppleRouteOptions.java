package dev.notif.cli;

import dev.notif.apple.AppleInputs;
import dev.notif.apple.AppleRoots;
import dev.notif.apple.AppleRoute;
import dev.notif.apple.ForwardQueue;
import dev.notif.core.Secrets;
import dev.notif.core.Urls;
import dev.notif.listen.ListenSetup;
import dev.notif.listen.RouteOptions;
import dev.notif.listen.StoreRoute;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/** {@code notif listen} options of {@code POST /apple}. */
public class AppleRouteOptions implements RouteOptions {
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
        ForwardQueue queue = forwardTo == null ? null
            : AppleRoute.forwardQueue(Urls.http("--forward-to", forwardTo), setup);
        return new AppleRoute(trusted, secret, bundles, queue, setup.notice());
    }
}
