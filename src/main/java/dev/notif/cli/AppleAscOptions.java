package dev.notif.cli;

import dev.notif.apple.AppStoreConnect;
import dev.notif.apple.AppleKey;
import dev.notif.core.Context;
import dev.notif.core.Urls;
import okhttp3.HttpUrl;
import picocli.CommandLine.Option;

/** The App Store Connect API team key (for {@code setup apple} and, optionally, {@code check apple}). */
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

    /** Whether any of the key's values was given (by flag or environment). */
    boolean present(Context ctx) {
        return value(keyFile, ctx, AppleKey.Kind.ASC.fileEnv()) != null
            || value(keyId, ctx, AppleKey.Kind.ASC.idEnv()) != null
            || value(issuerId, ctx, AppleKey.Kind.ASC.issuerEnv()) != null;
    }

    AppleKey key(Context ctx, String purpose) {
        return AppleKey.load(AppleKey.Kind.ASC, purpose, value(keyFile, ctx, AppleKey.Kind.ASC.fileEnv()),
            value(keyId, ctx, AppleKey.Kind.ASC.idEnv()), value(issuerId, ctx, AppleKey.Kind.ASC.issuerEnv()));
    }

    HttpUrl base() {
        return Urls.http("--asc-api-base", apiBase == null ? AppStoreConnect.API_BASE : apiBase);
    }

    static String value(String flag, Context ctx, String env) {
        return flag != null ? flag : ctx.env(env);
    }
}
