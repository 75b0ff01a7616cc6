package dev.notif.cli;

import dev.notif.apple.AppStoreConnect;
import dev.notif.core.Urls;
import okhttp3.HttpUrl;
import picocli.CommandLine.Option;

/**
 * The App Store Connect API team key (for {@code setup apple} and, optionally, {@code check apple}). Fields and
 * plain types only: picocli reflects on this class at every start, and nothing Apple-specific may load then.
 */
public class AppleAscOptions {
    @Option(names = "--asc-key-file", paramLabel = "FILE",
        description = "App Store Connect API team key (.p8); default: $ASC_KEY_FILE.")
    String keyFile;

    @Option(names = "--asc-key-id", paramLabel = "ID", description = "Its key id; default: $ASC_KEY_ID.")
    String keyId;

    @Option(names = "--asc-issuer-id", paramLabel = "UUID", description = "The team's issuer id; default: $ASC_ISSUER_ID.")
    String issuerId;

    @Option(names = "--asc-api-base", paramLabel = "URL",
        description = "App Store Connect API base URL (default: " + AppStoreConnect.API_BASE + "); for tests and fakes.")
    String apiBase;

    HttpUrl base() {
        return Urls.http("--asc-api-base", apiBase == null ? AppStoreConnect.API_BASE : apiBase);
    }
}
