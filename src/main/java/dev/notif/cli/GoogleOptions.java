package dev.notif.cli;

import dev.notif.core.Context;
import dev.notif.google.GoogleAccess;
import dev.notif.google.GoogleNames;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Where the Google commands find the credentials, the project and the topic. */
public class GoogleOptions {
    @Option(names = "--credentials", paramLabel = "FILE",
        description = "Google credentials as Google's tools accept them: a service-account key, gcloud user"
            + " credentials, a workload identity federation (external_account) or impersonation configuration;"
            + " default: $GOOGLE_APPLICATION_CREDENTIALS, then gcloud's application default credentials, then the"
            + " metadata server (on Google Cloud, or $GCE_METADATA_HOST). Not needed with PUBSUB_EMULATOR_HOST.")
    String credentials;

    @Option(names = "--impersonate-service-account", paramLabel = "EMAIL",
        description = "Call as this service account, impersonated with the credentials above (they need"
            + " roles/iam.serviceAccountTokenCreator on it); default: $CLOUDSDK_AUTH_IMPERSONATE_SERVICE_ACCOUNT.")
    String impersonate;

    @Option(names = "--google-auth-api-base", paramLabel = "URL", hidden = true,
        description = "Where the requests for Google's token, STS and IAM Credentials hosts go (tests, stand-ins).")
    String authApiBase;

    @Option(names = "--project", paramLabel = "PROJECT",
        description = "Google Cloud project id of the topic; default: from --topic projects/P/topics/T,"
            + " $GOOGLE_CLOUD_PROJECT or the key's project_id.")
    String project;

    @Option(names = "--pubsub-api-base", paramLabel = "URL", description = "Pub/Sub API base (tests, fakes);"
        + " default: https://pubsub.googleapis.com, or http://$PUBSUB_EMULATOR_HOST.")
    String pubsubApiBase;

    /** The API bases of Cloud Monitoring and Resource Manager: null outside check google (their defaults). */
    GoogleAccess open(Context ctx, Duration timeout, String monitoringApiBase, String resourceManagerApiBase) {
        return GoogleAccess.open(new GoogleAccess.Settings(credentials, pubsubApiBase, monitoringApiBase,
            resourceManagerApiBase, impersonate, authApiBase), ctx, timeout);
    }

    GoogleNames.Topic topic(String topic, GoogleAccess access, Context ctx) {
        return GoogleNames.topic(project, topic, access.defaultProject(ctx));
    }
}
