package dev.notif.google;

import dev.notif.core.NotifException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Google Cloud resource names: project ids, topic and subscription ids, and their full {@code projects/…} forms. */
public final class GoogleNames {
    private static final Pattern PROJECT = Pattern.compile("(?:[a-z0-9.-]+:)?[a-z][a-z0-9-]{4,28}[a-z0-9]");
    private static final Pattern RESOURCE_ID = Pattern.compile("[A-Za-z][A-Za-z0-9._~+%-]{2,254}");
    private static final Pattern FULL = Pattern.compile("projects/([^/]+)/(topics|subscriptions)/([^/]+)");

    private GoogleNames() {
    }

    /** A topic: {@code projects/<project>/topics/<id>}. */
    public record Topic(String project, String id) {
        public String full() {
            return "projects/" + project + "/topics/" + id;
        }

        public String subscription(String subscriptionId) {
            return "projects/" + project + "/subscriptions/" + subscriptionId;
        }

        @Override
        public String toString() {
            return full();
        }
    }

    /**
     * The topic named by {@code --topic} (an id, or a full name that also gives the project) and the project from
     * {@code --project} or, failing both, {@code fallbackProject} (GOOGLE_CLOUD_PROJECT, the key's project).
     */
    public static Topic topic(String project, String topic, String fallbackProject) {
        if (topic == null || topic.isBlank()) {
            throw NotifException.usage("no topic: pass --topic", "for example --topic play-rtdn (the Pub/Sub topic"
                + " Google Play publishes to)");
        }
        String id = topic.strip();
        String p = project;
        Matcher full = FULL.matcher(id);
        if (full.matches()) {
            if (!"topics".equals(full.group(2))) {
                throw NotifException.usage("--topic " + topic + " names a subscription, not a topic",
                    "pass the topic, for example --topic projects/" + full.group(1) + "/topics/play-rtdn");
            }
            if (project != null && !project.equals(full.group(1))) {
                throw NotifException.usage("--topic " + topic + " is in project " + full.group(1) + " but --project is "
                    + project, "drop --project or pass the topic id alone");
            }
            p = full.group(1);
            id = full.group(3);
        } else if (id.contains("/")) {
            throw NotifException.usage("--topic must be a topic id or projects/PROJECT/topics/TOPIC, got '" + topic + "'",
                "for example --topic play-rtdn");
        }
        if (p == null) {
            p = fallbackProject;
        }
        if (p == null) {
            throw NotifException.usage("no project: pass --project",
                "the Google Cloud project id that holds the topic (also read from GOOGLE_CLOUD_PROJECT or the key file)");
        }
        return new Topic(project(p), resourceId("--topic", id));
    }

    /** A project id as Google accepts it (6–30 characters: lower-case letters, digits, hyphens). */
    public static String project(String value) {
        if (!PROJECT.matcher(value).matches()) {
            throw NotifException.usage("'" + value + "' is not a Google Cloud project id",
                "use the project ID (6-30 lower-case letters, digits and hyphens, e.g. acme-prod), not its display name"
                    + " or number");
        }
        return value;
    }

    /** A topic or subscription id: 3–255 characters, starting with a letter, not with "goog". */
    public static String resourceId(String option, String value) {
        if (!RESOURCE_ID.matcher(value).matches() || value.toLowerCase(Locale.ROOT).startsWith("goog")) {
            throw NotifException.usage(option + " '" + value + "' is not a valid Pub/Sub id",
                "3-255 characters: a letter first, then letters, digits, - _ . ~ + %; not starting with 'goog'");
        }
        return value;
    }

    /** The last segment of a full name ({@code projects/p/subscriptions/s} gives {@code s}). */
    public static String shortName(String fullName) {
        if (fullName == null) {
            return null;
        }
        int slash = fullName.lastIndexOf('/');
        return slash < 0 ? fullName : fullName.substring(slash + 1);
    }
}
