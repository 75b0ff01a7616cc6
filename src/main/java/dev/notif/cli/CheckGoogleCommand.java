package dev.notif.cli;

import dev.notif.core.Context;
import dev.notif.core.ExitCode;
import dev.notif.core.NotifException;
import dev.notif.core.Urls;
import dev.notif.google.GoogleAccess;
import dev.notif.google.GoogleChecks;
import dev.notif.google.GoogleNames;
import dev.notif.output.CheckReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "google", sortOptions = false,
    header = "Check the Pub/Sub topic, Play's publish right, the push subscription and recent deliveries.",
    description = {
        "Runs every check, never stops at the first failure, exits 1 if any fails (3 when Google refused the credentials or a permission a check needed, 4 when Google could not be reached):",
        "  google.credentials      the credentials give a token (details.type: service_account, authorized_user,"
            + " external_account, impersonated_service_account or metadata_server; skipped with PUBSUB_EMULATOR_HOST)",
        "  google.topic.exists     the topic exists",
        "  google.topic.publisher  google-play-developer-notifications@system.gserviceaccount.com may publish to it (a grant on the topic, or else on the project)",
        "  google.subscription     the topic has a subscription; with --url one pushes to URL, keeps the Pub/Sub envelope, does not expire or filter, and has a sensible acknowledgement deadline; dead-letter settings are shown",
        "  google.deliveries       Cloud Monitoring push_request_count by response_class over --days: details.last_delivered_at, failures by class with causes, the backlog and its oldest message's age; for a pull subscription, acknowledged messages and the backlog",
        "",
        "JSON (--json): {ok, store: \"google\", target, checks: [{id, status: pass|warn|fail|skip, summary, fix, details, cause}]}.",
    },
    footerHeading = "%nExamples:%n",
    footer = {
        "  notif check google --credentials sa.json --project acme-prod --topic play-rtdn --url https://api.example.com/google",
        "  GOOGLE_APPLICATION_CREDENTIALS=sa.json notif check google --topic projects/acme-prod/topics/play-rtdn --json",
        "  notif check google --topic play-rtdn --url URL --days 1   # only the last day's deliveries",
    })
public final class CheckGoogleCommand extends BaseCommand {
    @Mixin
    GoogleOptions google;

    @Option(names = "--topic", required = true, paramLabel = "TOPIC", description = "Topic id, or projects/P/topics/T.")
    String topic;

    @Option(names = {"--url", "--push-url"}, paramLabel = "URL",
        description = "The ingestion URL a subscription must push to. --push-url is its former name.")
    String pushUrl;

    @Option(names = "--push-auth", paramLabel = "SERVICE_ACCOUNT",
        description = "The service account whose OIDC token the backend expects on each push: google.subscription"
            + " fails when the subscription pushes without it (push authentication is reported either way).")
    String pushAuth;

    @Option(names = "--days", paramLabel = "N", defaultValue = "7",
        description = "Deliveries of the last N days, 1-42 (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--unwrapped", description = "Expect the bare notification to be pushed (payload unwrapping), not"
        + " the Pub/Sub envelope.")
    boolean unwrapped;

    @Option(names = "--monitoring-api-base", paramLabel = "URL",
        description = "Cloud Monitoring API base (tests, fakes); default: https://monitoring.googleapis.com.")
    String monitoringApiBase;

    @Option(names = "--resourcemanager-api-base", paramLabel = "URL", description = "Cloud Resource Manager API"
        + " base (tests, fakes); default: https://cloudresourcemanager.googleapis.com.")
    String resourceManagerApiBase;

    @Mixin
    NetworkOptions network;

    CheckGoogleCommand(Context ctx) {
        super(ctx);
    }

    @Override
    protected CheckReport execute() {
        if (days < 1 || days > 42) {
            throw NotifException.usage("--days must be between 1 and 42 (Pub/Sub metrics are kept 6 weeks), got " + days,
                "for example --days 7");
        }
        String url = pushUrl == null ? null : Urls.http("--url", pushUrl).toString();
        GoogleAccess access;
        try {
            access = google.open(ctx, network.timeout(), monitoringApiBase, resourceManagerApiBase);
        } catch (NotifException e) {
            if (e.exitCode() != ExitCode.CREDENTIALS) {
                throw e;
            }
            return GoogleChecks.withoutCredentials(GoogleNames.topic(google.project, topic,
                ctx.env("GOOGLE_CLOUD_PROJECT")), e);
        }
        GoogleNames.Topic t = google.topic(topic, access, ctx);
        return new GoogleChecks(access, ctx.clock().instant()).run(new GoogleChecks.Target(t, url, unwrapped, days,
            pushAuth));
    }
}
