package dev.notif.stripe;

import dev.notif.core.SecretFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Signing secrets notif saved when Stripe showed them, at an endpoint's creation: one file per endpoint,
 * {@code <config dir>/stripe/<endpoint id>.secret} (mode 0600), readable by {@code --secret-file}. They are the only
 * way notif can later tell which endpoint signs with the secret a backend holds (Stripe never shows it again).
 */
public final class SavedSecrets {
    private SavedSecrets() {
    }

    public static Path file(Path configDir, String endpointId) {
        return configDir.resolve("stripe").resolve(endpointId + ".secret");
    }

    /** The saved secret of the endpoint, or null when notif saved none (or it cannot be read: said through warn). */
    public static String find(Path configDir, String endpointId, Consumer<String> warn) {
        Path f = file(configDir, endpointId);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try {
            return SecretFiles.readOne("the saved secret", f, warn);
        } catch (RuntimeException e) {
            warn.accept(e.getMessage());
            return null;
        }
    }
}
