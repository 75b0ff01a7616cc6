package dev.notif.cli;

import dev.notif.core.Context;
import dev.notif.core.RetryPolicy;
import dev.notif.google.GoogleAccess;
import dev.notif.google.GoogleSetup;
import dev.notif.google.PushSettings;
import dev.notif.google.SetupGoogleResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "google", sortOptions = false,
    header = "Create the Pub/Sub topic Google Play publishes to, grant Play the publisher role, push to a URL.",
    description = {
        "Ensures, idempotently: the topic; the binding roles/pubsub.publisher for google-play-developer-notifications@system.gserviceaccount.com on it (read-modify-write with the policy's etag, every other binding kept); with --url, a push subscription to URL (Pub/Sub envelope kept unless --unwrapped, acknowledgement deadline, retention, never expiring). A subscription that already pushes to URL is reused. Ends with the exact topic name to paste into Play Console, the one step without an API.",
        "",
        "Known failures are explained with their fix: permission denied (the role the service account lacks), an API not enabled, and the organisation policy \"Domain restricted sharing\" that refuses Play's account (exit 1, the rest is still done).",
        "",
        "JSON (--json): {ok, store, dry_run, project, topic, principal, actions: [{action: create|update|none|skip, resource, name, changes, reason, applied, cause, fix}], play_console: {topic_name, where}}.",
    },
    footerHeading = "%nExamples:%n",
    footer = {
        "  notif setup google --credentials sa.json --project acme-prod --topic play-rtdn --url https://api.example.com/google",
        "  notif setup google --topic projects/acme-prod/topics/play-rtdn --dry-run",
        "  GOOGLE_APPLICATION_CREDENTIALS=sa.json notif setup google --project acme-prod --topic play-rtdn --json",
        "  PUBSUB_EMULATOR_HOST=localhost:8681 notif setup google --project demo --topic play-rtdn --url http://127.0.0.1:8085/google   # emulator started with --host-port=localhost:8681 (its default 8085 is notif listen's)",
    })
public final class SetupGoogleCommand extends BaseCommand {
    @Mixin
    GoogleOptions google;

    @Option(names = "--topic", required = true, paramLabel = "TOPIC", description = "Topic id, or projects/P/topics/T.")
    String topic;

    @Option(names = {"--url", "--push-url"}, paramLabel = "URL", description = "Ingestion URL that receives the"
        + " notifications (the backend's Google Play endpoint); without it no subscription is touched. --push-url is"
        + " its former name.")
    String pushUrl;

    @Option(names = "--subscription", paramLabel = "ID",
        description = "Subscription id (default: <topic>-push, or the subscription already pushing to URL).")
    String subscription;

    @Option(names = "--ack-deadline", paramLabel = "SECONDS",
        description = "How long Pub/Sub waits for the endpoint's answer, 10-600 (default on creation: 60).")
    Integer ackDeadline;

    @Option(names = "--retention", paramLabel = "DURATION",
        description = "How long undelivered messages are kept, 10m-31d (default on creation: 7d).")
    String retention;

    @Option(names = "--unwrapped", description = "Push the bare notification JSON instead of the Pub/Sub envelope"
        + " (only for backends that ask for it; most decode message.data).")
    boolean unwrapped;

    @Option(names = "--push-auth", paramLabel = "SERVICE_ACCOUNT",
        description = "Authenticate each push with an OIDC token of this service account (the caller needs"
            + " iam.serviceAccounts.actAs on it); the receiver verifies it (notif listen --google-audience).")
    String pushAuth;

    @Option(names = "--push-audience", paramLabel = "AUDIENCE",
        description = "With --push-auth: the token's audience (default: the push URL).")
    String pushAudience;

    @Option(names = "--dry-run", description = "Read the current state and print the plan; change nothing.")
    boolean dryRun;

    @Mixin
    NetworkOptions network;

    SetupGoogleCommand(Context ctx) {
        super(ctx);
    }

    @Override
    protected SetupGoogleResult execute() {
        PushSettings push = PushSettings.requested(pushUrl, subscription, unwrapped, ackDeadline, retention, pushAuth,
            pushAudience, ctx.env(GoogleAccess.EMULATOR_ENV) != null);
        GoogleAccess access = google.open(ctx, network.timeout(), null, null);
        return new GoogleSetup(access, RetryPolicy.standard(ctx), new StderrProgress(this::stderr, ctx.progress())::progress)
            .run(google.topic(topic, access, ctx), push, subscription, dryRun);
    }
}
