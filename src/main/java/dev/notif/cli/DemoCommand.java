package dev.notif.cli;

import dev.notif.core.Context;
import dev.notif.demo.Demo;
import dev.notif.demo.DemoResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "demo", sortOptions = false,
    header = "The main job offline, in one command: a local receiver, signed deliveries, verdicts, last received.",
    description = {
        "Starts a receiver on a free loopback port, sends it every accepted Stripe event signed the way Stripe signs them, one delivery signed with a wrong secret and one unsupported event, then one renewal each from Apple (V2, signed by notif's test chain), Google Play (a Pub/Sub push) and Amazon (SNS, signed by a throwaway certificate), and prints what each got, the diagnosed causes with their fixes, and the last-received table. No account and no network needed. Exit 0 when every delivery got the verdict it should.",
        "",
        "JSON (--json): {ok, receiver_url, secret, finished_at, deliveries: [{store, event_type, signed_with, expected, http_status, latency_ms, verdict, cause, fix, response_body, as_expected}], stores}.",
    },
    footerHeading = "%nExamples:%n",
    footer = {
        "  notif demo",
        "  notif demo --json | jq '.deliveries[] | {event_type, verdict}'",
    })
public final class DemoCommand extends BaseCommand {

    @Option(names = "--keep-data", paramLabel = "DIR", description = "Keep the receiver's event log in DIR (default: a"
        + " temporary directory, removed afterwards).")
    Path keep;

    @Option(names = "--stripe-only", description = "Leave out the Apple, Google and Amazon notifications.")
    boolean stripeOnly;

    @Mixin
    NetworkOptions network;

    DemoCommand(Context ctx) {
        super(ctx);
    }

    @Override
    protected DemoResult execute() throws IOException {
        Path dir = keep != null ? keep : Files.createTempDirectory("notif-demo-");
        try {
            return Demo.run(ctx, dir, network.timeout(), !stripeOnly);
        } finally {
            if (keep == null) {
                deleteTree(dir);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
