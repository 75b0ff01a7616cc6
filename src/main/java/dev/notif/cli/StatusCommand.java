package dev.notif.cli;

import dev.notif.core.Context;
import dev.notif.core.Http;
import dev.notif.core.Urls;
import dev.notif.listen.StatusReader;
import dev.notif.listen.StatusResult;
import dev.notif.probe.HttpProbe;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "status", sortOptions = false,
    header = "Show last-received times, counts and the latest rejection per store.",
    description = {
        "Reads a running receiver's GET /status (notif listen), or with --data-dir the event log a receiver left on disk. Exit 1 when the receiver cannot be reached.",
        "",
        "JSON (--json): {ok, source, checked_at, stores: {\"<store>\": {last_received_at, accepted, rejected, last_rejection: {at, error}, last_type, last_id, ...}}}.",
    },
    footerHeading = "%nExamples:%n",
    footer = {
        "  notif status                                  # the receiver on http://127.0.0.1:8085",
        "  notif status --url http://10.0.0.5:8085 --json",
        "  notif status --data-dir ~/.local/share/notif/receiver",
    })
public final class StatusCommand extends BaseCommand {

    @Option(names = "--url", paramLabel = "RECEIVER_BASE_URL", defaultValue = "http://127.0.0.1:8085",
        description = "Base URL of a notif receiver (default: ${DEFAULT-VALUE}).")
    String url;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Read a receiver's event log from DIR instead.")
    Path dataDir;

    @Mixin
    NetworkOptions network;

    StatusCommand(Context ctx) {
        super(ctx);
    }

    @Override
    protected StatusResult execute() {
        if (dataDir != null) {
            return StatusReader.fromDataDir(dataDir, ctx.clock().instant(), this::warn);
        }
        return StatusReader.fromReceiver(new HttpProbe(Http.client(network.timeout())), Urls.http("--url", url),
            ctx.clock().instant());
    }
}
