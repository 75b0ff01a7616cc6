package dev.notif.cli;

import dev.notif.core.NotifException;
import dev.notif.google.GoogleKeys;
import dev.notif.google.GoogleRoute;
import dev.notif.google.GoogleSend;
import dev.notif.listen.ListenSetup;
import dev.notif.listen.RouteOptions;
import dev.notif.listen.StoreRoute;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code notif listen} options of {@code POST /google}. */
public class GoogleRouteOptions implements RouteOptions {
    @Option(names = "--google-package", paramLabel = "NAME",
        description = "Accept Google Play notifications of this package only (repeatable; default: any package);"
            + " others get 400 package_mismatch.")
    List<String> packages = new ArrayList<>();

    @Option(names = "--google-audience", paramLabel = "AUDIENCE",
        description = "Require authenticated pushes: verify each push's OIDC token (Google's signature, this aud, a"
            + " verified email, issuer accounts.google.com); others get 401/403 unauthenticated. The audience is the"
            + " subscription's push audience, by default its push URL.")
    String audience;

    @Option(names = "--google-push-account", paramLabel = "EMAIL",
        description = "With --google-audience: the service account the token must be for (repeatable; default: any).")
    List<String> accounts = new ArrayList<>();

    @Option(names = "--google-jwks-url", paramLabel = "URL", hidden = true,
        description = "Where Google's signing keys are read (default: " + "https://www.googleapis.com/oauth2/v3/certs"
            + "); for tests and local stand-ins.")
    String jwksUrl;

    @Override
    public StoreRoute route(ListenSetup setup) {
        packages.forEach(p -> GoogleSend.packageName("--google-package", p));
        if (audience == null) {
            if (!accounts.isEmpty()) {
                throw NotifException.usage("--google-push-account needs --google-audience",
                    "add --google-audience (the subscription's push audience, by default its push URL)");
            }
            return new GoogleRoute(new LinkedHashSet<>(packages));
        }
        return new GoogleRoute(new LinkedHashSet<>(packages), GoogleKeys.pushAuth(audience, new LinkedHashSet<>(accounts),
            jwksUrl, setup));
    }
}
