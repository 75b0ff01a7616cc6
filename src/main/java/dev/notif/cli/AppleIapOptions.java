package dev.notif.cli;

import dev.notif.core.Urls;
import okhttp3.HttpUrl;
import picocli.CommandLine.Option;

/** The In-App Purchase key that signs App Store Server API calls (for {@code check apple}); fields and plain types only. */
public class AppleIapOptions {
    @Option(names = "--key-file", paramLabel = "FILE",
        description = "In-App Purchase key (.p8) for the App Store Server API; default: $APPLE_IAP_KEY_FILE.")
    String keyFile;

    @Option(names = "--key-id", paramLabel = "ID", description = "Its key id; default: $APPLE_IAP_KEY_ID.")
    String keyId;

    @Option(names = "--issuer-id", paramLabel = "UUID", description = "The team's issuer id; default: $APPLE_ISSUER_ID.")
    String issuerId;

    @Option(names = "--api-base", paramLabel = "URL",
        description = "App Store Server API base URL, for tests and fakes (default: Apple's current hosts,"
            + " https://api.storekit.apple.com and https://api.storekit-sandbox.apple.com; the older"
            + " api.storekit.itunes.apple.com ones are accepted here too).")
    String apiBase;

    /** The base URL given with --api-base, or null for Apple's own hosts. */
    HttpUrl base() {
        return apiBase == null ? null : Urls.http("--api-base", apiBase);
    }
}
