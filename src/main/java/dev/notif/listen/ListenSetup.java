package dev.notif.listen;

import dev.notif.core.Context;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * What a store's route gets when the receiver starts: the context, the receiver's data directory (for a store's
 * own durable files), the bound on its outgoing calls, and a sink for one-line notices printed on stderr.
 */
public record ListenSetup(Context ctx, Path dataDir, Duration timeout, Consumer<String> notice) {
}
