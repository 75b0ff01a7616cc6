package dev.notif.google;

import dev.notif.core.ExitCode;
import dev.notif.core.NotifException;

/**
 * Turns a Google API refusal into notif's one-line error with the fix: which permission the account lacks and which
 * role grants it, an API that is not enabled, a project that does not exist.
 */
public final class GoogleErrors {
    /** What notif was doing, the permission it takes and the narrowest predefined role that grants it. */
    public enum Step {
        READ_TOPIC("read the topic", "pubsub.topics.get", "roles/pubsub.viewer"),
        CREATE_TOPIC("create the topic", "pubsub.topics.create", "roles/pubsub.editor"),
        READ_POLICY("read the topic's IAM policy", "pubsub.topics.getIamPolicy", "roles/pubsub.admin"),
        SET_POLICY("change the topic's IAM policy", "pubsub.topics.setIamPolicy", "roles/pubsub.admin"),
        LIST_SUBSCRIPTIONS("list the topic's subscriptions", "pubsub.topics.get", "roles/pubsub.viewer"),
        READ_SUBSCRIPTION("read the subscription", "pubsub.subscriptions.get", "roles/pubsub.viewer"),
        WRITE_SUBSCRIPTION("create or change the subscription",
            "pubsub.subscriptions.create/update and pubsub.topics.attachSubscription", "roles/pubsub.editor"),
        PUBLISH("publish to the topic", "pubsub.topics.publish", "roles/pubsub.publisher"),
        READ_METRICS("read Cloud Monitoring metrics", "monitoring.timeSeries.list", "roles/monitoring.viewer");

        final String verb;
        final String permission;
        final String role;

        Step(String verb, String permission, String role) {
            this.verb = verb;
            this.permission = permission;
            this.role = role;
        }
    }

    private GoogleErrors() {
    }

    public static NotifException explain(GoogleApiException e, Step step, GoogleAccess access, String project) {
        if (e.serviceDisabled()) {
            String api = step == Step.READ_METRICS ? "monitoring.googleapis.com" : "pubsub.googleapis.com";
            return new NotifException(ExitCode.CREDENTIALS, "the " + apiName(step) + " API is not enabled"
                + " for " + access.principal() + ": " + e.getMessage(), "gcloud services enable " + api + " --project "
                + keyProject(access, project) + (e.activationUrl() == null ? "" : " (or " + e.activationUrl() + ")")
                + ", wait a minute, then rerun", e);
        }
        if (e.permissionDenied()) {
            return new NotifException(ExitCode.CREDENTIALS, access.principal() + " may not " + step.verb
                + " (" + step.permission + "): " + e.getMessage(), grant(step, access, project), e);
        }
        if (e.notFound() && (step == Step.CREATE_TOPIC || step == Step.WRITE_SUBSCRIPTION)) {
            return new NotifException(ExitCode.USAGE, "project " + project + " was not found, or "
                + access.principal() + " cannot see it: " + e.getMessage(), "pass the project ID (not its name or"
                + " number) with --project, and check that the service account has a role in it", e);
        }
        return e;
    }

    /** The gcloud line that grants the step's role to the account on the project. */
    public static String grant(Step step, GoogleAccess access, String project) {
        String account = access.credential() == null ? null : access.credential().account();
        if (account == null) {
            return "grant " + (access.credential() == null ? "the caller" : access.principal()) + " the role " + step.role
                + " on project " + project;
        }
        return "grant it " + step.role + ": gcloud projects add-iam-policy-binding " + project + " --member"
            + " serviceAccount:" + account + " --role " + step.role
            + (step == Step.SET_POLICY || step == Step.READ_POLICY || step == Step.CREATE_TOPIC
            ? " (roles/pubsub.admin covers everything notif setup google does)" : "");
    }

    private static String apiName(Step step) {
        return step == Step.READ_METRICS ? "Cloud Monitoring" : "Cloud Pub/Sub";
    }

    /** APIs are enabled in the project the key belongs to (it is billed for the calls), not the topic's project. */
    private static String keyProject(GoogleAccess access, String project) {
        return access.credential() != null && access.credential().projectId() != null ? access.credential().projectId()
            : project;
    }
}
