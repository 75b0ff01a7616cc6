package dev.notif.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.core.Json;
import dev.notif.core.NotifException;
import dev.notif.core.SecretFiles;
import dev.notif.core.Urls;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A rotation in progress, kept in notif's config directory ({@code rotate/stripe-<hash>.json}, mode 0600: it holds
 * the new signing secret, which Stripe returns only once) so that a rerun after an interruption resumes it: the
 * old endpoint, the new one, its pinned version, events and secret. Removed once the old endpoint is deleted (or
 * the rotation aborted).
 */
public record RotationState(int version, String url, String account, String mode, String oldEndpointId,
                            String newEndpointId, String apiVersion, List<String> events, String secret,
                            String startedAt) {
    static final int VERSION = 1;

    public RotationState {
        events = events == null ? List.of() : List.copyOf(events);
    }

    /** Where the state of a rotation of {@code url} in this account and mode lives. */
    public static Path file(Path configDir, String account, String mode, String url) {
        String id = StripeAccount.idempotencyKey("rotate", account, mode, Urls.normalize(url)).substring(6, 22);
        return configDir.resolve("rotate").resolve("stripe-" + id + ".json");
    }

    /** The saved state, or null when no rotation of this URL is in progress. */
    public static RotationState load(Path file) {
        if (!Files.exists(file)) {
            return null;
        }
        try {
            JsonNode node = Json.parse(Files.readString(file, StandardCharsets.UTF_8));
            RotationState s = Json.mapper().treeToValue(node, RotationState.class);
            if (s.version() != VERSION || s.oldEndpointId() == null || s.newEndpointId() == null) {
                throw new IOException("not a rotation state notif " + "can resume (version " + s.version() + ")");
            }
            return s;
        } catch (IOException | RuntimeException e) {
            throw NotifException.usage("cannot read the rotation state " + file + ": " + e.getMessage(),
                "if no rotation is in progress, delete the file; otherwise fix it or finish in the Dashboard");
        }
    }

    /** The rotation of {@code url} in progress in this mode, whichever account it is in, or null. */
    public static RotationState find(Path configDir, String mode, String url) {
        Path dir = configDir.resolve("rotate");
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("stripe-[0-9a-f]+\\.json")).toList()) {
                RotationState s;
                try {
                    s = load(f);
                } catch (NotifException e) {
                    continue; // rotate itself says what is wrong with it
                }
                if (s.mode().equals(mode) && Urls.normalize(s.url()).equals(Urls.normalize(url))) {
                    return s;
                }
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    /** What a command that would delete endpoints for the URL says instead. */
    public String inProgress() {
        return "a rotation of " + url + " from " + oldEndpointId + " to " + newEndpointId + " is in progress (since "
            + startedAt + "): finish it with notif rotate stripe --url " + url + ", or undo it with --abort";
    }

    public void save(Path file) {
        SecretFiles.write(file, Json.pretty(this) + "\n");
    }

    public static void remove(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw NotifException.usage("cannot remove the rotation state " + file + ": " + e.getMessage(),
                "delete it by hand: the rotation itself is finished");
        }
    }
}
