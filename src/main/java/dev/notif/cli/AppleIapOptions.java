package dev.notif.cli;

import dev.notif.apple.AppleKey;
import dev.notif.core.Context;
import dev.notif.core.Urls;
import okhttp3.HttpUrl;
import picocli.CommandLine.Option;

/** The In-App Purchase key that signs App Store Server API calls (for {@code check apple}). */
public class AppleIapOptions {
    @Option(names = "--key-file", paramLabel = "FILE",
        description = "In-App Purchase key (.p8) for the App Store Server API; default: $APPLE_IAP_KEY_FILE.")
    String keyFile;

    @Option(names = "--key-id", paramLabel = "ID", description = "Its key id; default: $APPLE_IAP_KEY_ID.")
    String keyId;

    @Option(names = "--issuer-id", paramLabel = "UUID", description = "The team's issuer id; default: $APPLE_ISSUER_ID.")
    String issuerId;

    @Option(names = "--api-base", paramLabel = "URL",
        description = "App Store Server API base URL, for tests and fakes (default: Apple's production or sandbox host).")
    String apiBase;

    AppleKey key(Context ctx, String purpose) {
        return AppleKey.load(AppleKey.Kind.IAP, purpose, AppleAscOptions.value(keyFile, ctx, AppleKey.Kind.IAP.fileEnv()),
            AppleAscOptions.value(keyId, ctx, AppleKey.Kind.IAP.idEnv()),
            AppleAscOptions.value(issuerId, ctx, AppleKey.Kind.IAP.issuerEnv()));
    }

    /** The base URL given with --api-base, or null for Apple's own hosts. */
    HttpUrl base() {
        return apiBase == null ? null : Urls.http("--api-base", apiBase);
    }
}
