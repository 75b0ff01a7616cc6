package dev.notif.cli;

import dev.notif.google.GoogleRoute;
import dev.notif.listen.ListenSetup;
import dev.notif.listen.RouteOptions;
import dev.notif.listen.StoreRoute;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ArrayList;
import picocli.CommandLine.Option;

/** {@code notif listen} options of {@code POST /google}. */
public class GoogleRouteOptions implements RouteOptions {
    @Option(names = "--google-package", paramLabel = "NAME",
        description = "Accept Google Play notifications of this package only (repeatable; default: any package);"
            + " others get 400 package_mismatch.")
    List<String> packages = new ArrayList<>();

    @Override
    public StoreRoute route(ListenSetup setup) {
        return new GoogleRoute(new LinkedHashSet<>(packages));
    }
}
