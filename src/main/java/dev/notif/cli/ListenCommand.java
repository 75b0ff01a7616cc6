package dev.notif.cli;

import dev.notif.core.Context;
import dev.notif.core.NotifException;
import dev.notif.core.ShutdownHooks;
import dev.notif.listen.EventLog;
import dev.notif.listen.ListenInputs;
import dev.notif.listen.ListenResult;
import dev.notif.listen.ListenSetup;
import dev.notif.listen.LogEntry;
import dev.notif.listen.Receiver;
import dev.notif.listen.RouteOptions;
import dev.notif.listen.StatusTable;
import dev.notif.listen.StderrLines;
import dev.notif.listen.StoreRoute;
import dev.notif.output.Text;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "listen", sortOptions = false,
    header = "Run a local ingestion endpoint that verifies, answers and records deliveries as the backend does.",
    description = {
        "POST /stripe verifies Stripe-Signature (any v1, 300 s tolerance, constant-time compare) and the accepted event set, then answers 200, or 400 with {\"error\": signature_mismatch|unsupported_event_type|malformed, \"message\"}.",
        "",
        "POST /google decodes a Pub/Sub push envelope and validates the Google Play notification in it (codes Google adds later tolerated; eventTimeMillis as a string or a number; --google-package to accept only some apps): 200, or 400 with malformed|invalid_notification|package_mismatch. With --google-audience it first verifies the push's OIDC token (Google's RS256 signature from its JWKS, aud, issuer accounts.google.com or https://accounts.google.com, exp, email_verified, --google-push-account): 401 (no token) or 403 (a bad one) unauthenticated.",
        "",
        "POST /amazon reads the SNS message from the raw body whatever its Content-Type, verifies its signature (SigningCertURL on sns.<region>.amazonaws.com only, certificates cached; --amazon-cert and --amazon-cert-url-prefix trust more for local work), confirms a SubscriptionConfirmation by fetching its SubscribeURL and records Real-time Notifications: 200, or 400 with malformed|topic_mismatch|signature_mismatch|certificate_rejected|unsupported_event_type (SNS does not retry a 4xx), 502 confirmation_failed or 503 certificate_unavailable (SNS retries those).",
        "",
        "POST /apple verifies a V2 {\"signedPayload\"} offline (x5c chain to Apple Root CA - G3 or an --apple-root, Apple's marker extensions, ES256, the signed transaction and renewal info) and accepts a V1 body whose password is --apple-shared-secret: 200, or 400 with malformed|signature_mismatch|shared_secret_mismatch|wrong_app; --forward-to relays what it accepts, from a durable queue.",
        "",
        "Every accepted delivery is written durably to the data directory before the 200, so an acknowledged delivery survives kill -9 and a restart rebuilds the counts. GET /status returns {\"stores\": {\"<store>\": {\"last_received_at\", \"accepted\", \"rejected\", \"last_rejection\": {\"at\", \"error\"}}}}; GET /healthz returns 200.",
        "",
        "Each delivery is reported on stderr as it arrives; Ctrl-C stops the receiver cleanly and prints the last-received table (or, with --json, one JSON document).",
        "",
        "When it stops, JSON (--json): {ok, url, data_dir, log, started_at, stopped_at, stores: {\"<store>\": {last_received_at, accepted, rejected, last_rejection: {at, error}, last_type, last_id, ...}}}.",
    },
    footerHeading = "%nExamples:%n",
    footer = {
        "  notif listen                                        # http://127.0.0.1:8085, secret generated and kept",
        "  notif listen --port 9000 --stripe-secret whsec_... --track-new-purchases",
        "  notif listen --host 0.0.0.0 --data-dir /var/lib/notif",
        "  notif listen --google-package com.acme.app        # POST /google accepts only this app's notifications",
        "  notif listen --google-audience https://api.example.com/google --google-push-account rtdn@p.iam.gserviceaccount.com",
        "  notif listen --amazon-cert-url-prefix http://127.0.0.1:   # accept what notif send/check amazon sign",
        "  notif listen --apple-root ~/.config/notif/apple-test-chain/root.pem --forward-to https://backend.example.com/apple",
    })
public final class ListenCommand extends BaseCommand {

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
        description = "Address to bind (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    String host;

    @Option(names = "--port", defaultValue = "8085", paramLabel = "PORT",
        description = "Port to bind (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--data-dir", paramLabel = "DIR",
        description = "Where the event log and generated secrets live (default: $XDG_DATA_HOME/notif/receiver).")
    Path dataDir;

    @Option(names = "--max-body", paramLabel = "BYTES", defaultValue = "1048576",
        description = "Largest body accepted; larger ones get 413 (default: ${DEFAULT-VALUE}).")
    int maxBody;

    @Mixin
    StripeListenOptions stripe;

    @Mixin
    GoogleRouteOptions google;

    @Mixin
    AmazonRouteOptions amazon;

    @Mixin
    AppleRouteOptions apple;

    @Mixin
    NetworkOptions network;

    private StderrLines lines;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CountDownLatch printed = new CountDownLatch(1);

    ListenCommand(Context ctx) {
        super(ctx);
    }

    /** The receiver's data directory when --data-dir is left out. */
    static Path defaultDataDir(Context ctx) {
        return ctx.dataDir().resolve("receiver");
    }

    /** Every store's listen options: the mixins that build a route (a new store is one more mixin field). */
    private List<RouteOptions> stores() {
        return spec.mixins().values().stream().map(m -> m.userObject()).filter(RouteOptions.class::isInstance)
            .map(RouteOptions.class::cast).toList();
    }

    @Override
    protected ListenResult execute() throws IOException, InterruptedException {
        ListenInputs.limits(port, maxBody);
        ListenInputs.host(host);
        Path dir = ListenInputs.dataDir(dataDir != null ? dataDir : defaultDataDir(ctx));
        lines = new StderrLines(ctx.err());
        ListenSetup setup = new ListenSetup(ctx, dir, network.timeout(), this::notice);
        List<StoreRoute> routes = stores().stream().map(o -> o.route(setup)).filter(Objects::nonNull).toList();
        Receiver receiver = start(new Receiver.Config(host, port, dir, maxBody, routes, ctx.clock(), this::report,
            this::notice, EventLog.Limits.DEFAULT));
        Instant startedAt = ctx.clock().instant();
        ShutdownHooks.add(new Thread(() -> {
            receiver.close();
            String flushed = receiver.flushes().summary();
            if (flushed != null) {
                notice("event log: " + flushed);
            }
            lines.flush();
            stopped.countDown();
            try {
                printed.await(5, TimeUnit.SECONDS); // let the main thread print the summary before the JVM halts
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "notif-listen-shutdown"));
        lines.flush();
        announce(receiver);
        stopped.await();
        return ListenResult.of(receiver, dir.toString(), startedAt, ctx.clock().instant());
    }

    /** Where it listens, the event log and the last-received table, on stderr before the first delivery. */
    private void announce(Receiver receiver) {
        Text err = stderr();
        err.line("notif listen: receiving on " + receiver.baseUrl() + " ("
            + String.join(", ", receiver.stores().stream().map(s -> "POST /" + s).toList())
            + ", GET /status, GET /healthz)");
        err.line("notif listen: event log " + receiver.logPath() + "; Ctrl-C to stop");
        StatusTable.print(err, receiver.status(), ctx.clock().instant());
        err.flush();
    }

    @Override
    protected void afterPrint() {
        printed.countDown();
    }

    private Receiver start(Receiver.Config config) {
        try {
            return Receiver.start(config);
        } catch (BindException e) {
            throw ListenInputs.bindFailed(host, port, e);
        } catch (IOException e) {
            throw NotifException.usage("cannot start the receiver in " + config.dataDir() + ": " + e.getMessage(),
                "pass a --data-dir this user can write to");
        }
    }

    /** Printed off the receiver's path (see StderrLines), like each delivery's line. */
    private void notice(String message) {
        lines.line("notif listen: " + message);
    }

    private void report(Receiver.Delivery d) {
        Instant at = ctx.clock().instant();
        lines.line(() -> {
            Text err = stderr();
            LogEntry e = d.entry();
            String what = e == null ? d.answer()
                : e.accepted() ? err.green("accepted") + " " + nullToDash(e.type()) + " " + err.dim(nullToDash(e.id()))
                : err.red(e.error()) + (e.type() == null ? "" : " " + e.type());
            return at + "  " + d.store() + "  " + d.status() + "  " + what;
        });
    }

    private static String nullToDash(String s) {
        return s == null ? "-" : s;
    }
}
