package dev.notif.cli;

import dev.notif.core.Http;
import dev.notif.core.Seconds;
import dev.notif.probe.HttpProbe;
import dev.notif.probe.Sender;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The bound on every network call of a command. */
public class NetworkOptions {
    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
        description = "Bound on each network call, in seconds (default: ${DEFAULT-VALUE}).")
    public double timeoutSeconds;

    /** A probe that sends as the stores do (no redirects, no retries), bounded by --timeout. */
    public HttpProbe probe() {
        return new HttpProbe(Http.client(timeout()));
    }

    /** The sender of every store's deliveries, through {@link #probe()}. */
    public Sender sender() {
        return new Sender(probe());
    }

    public Duration timeout() {
        return Seconds.bounded("--timeout", timeoutSeconds, false, 600, "10");
    }
}
