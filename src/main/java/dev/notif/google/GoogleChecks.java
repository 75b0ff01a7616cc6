package dev.notif.google;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.core.ExitCode;
import dev.notif.core.NotifException;
import dev.notif.google.GoogleErrors.Step;
import dev.notif.output.Check;
import dev.notif.output.CheckReport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code notif check google}: every check runs, one failing never hides another. A check that could not run because
 * Google refused the credentials or a permission is skipped with the fix, and the report exits 3; one that could not
 * reach Google exits 4.
 */
public final class GoogleChecks {
    public static final String CREDENTIALS = "google.credentials";
    public static final String TOPIC = "google.topic.exists";
    public static final String PUBLISHER = "google.topic.publisher";
    public static final String DELIVERIES = "google.deliveries";
    static final String PUSH_COUNT = "pubsub.googleapis.com/subscription/push_request_count";
    static final String UNDELIVERED = "pubsub.googleapis.com/subscription/num_undelivered_messages";
    static final String OLDEST_UNACKED = "pubsub.googleapis.com/subscription/oldest_unacked_message_age";
    static final String ACK_COUNT = "pubsub.googleapis.com/subscription/ack_message_count";

    /** What to check. */
    /** {@code pushAuth}: the service account the backend expects in each push's OIDC token, or null. */
    public record Target(GoogleNames.Topic topic, String pushUrl, boolean expectUnwrapped, int days, String pushAuth) {
        public Target(GoogleNames.Topic topic, String pushUrl, boolean expectUnwrapped, int days) {
            this(topic, pushUrl, expectUnwrapped, days, null);
        }
    }

    private final GoogleAccess access;
    private final Instant now;

    public GoogleChecks(GoogleAccess access, Instant now) {
        this.access = access;
        this.now = now;
    }

    /** The report when the credentials could not even be loaded: everything else is skipped, exit 3. */
    public static CheckReport withoutCredentials(GoogleNames.Topic topic, NotifException why) {
        List<Check> checks = new ArrayList<>();
        checks.add(Check.fail(CREDENTIALS, why.getMessage(), why.hint()).because(why.exitCode()));
        skipTheRest(checks);
        return CheckReport.of("google", topic.full(), checks);
    }

    private static void skipTheRest(List<Check> checks) {
        for (String id : List.of(TOPIC, PUBLISHER, SubscriptionFindings.ID, DELIVERIES)) {
            checks.add(Check.skip(id, "needs working credentials (" + CREDENTIALS + ")"));
        }
    }

    public CheckReport run(Target t) {
        List<Check> checks = new ArrayList<>();
        Check credentials = credentials();
        checks.add(credentials);
        if (credentials.failed()) {
            skipTheRest(checks);
            return CheckReport.of("google", t.topic().full(), checks);
        }
        // The topic's IAM policy is read first: Pub/Sub answers it only for a topic that exists, so the policy also
        // tells google.topic.exists and the topic itself is read only when the policy was not answered (one call
        // fewer per store), unless Pub/Sub could not be reached at all (its retries are not waited for twice); the
        // emulator has no IAM.
        JsonNode policy = null;
        NotifException unread = null;
        if (!access.emulator()) {
            try {
                policy = access.pubsub().topicPolicy(t.topic());
            } catch (NotifException e) {
                unread = e;
            }
        }
        Boolean exists = null;
        try {
            boolean down = unread != null && !(unread instanceof GoogleApiException) // no answer, after the retries
                && unread.exitCode() == ExitCode.UNAVAILABLE;
            if (down) {
                throw unread;
            }
            exists = policy != null || access.pubsub().topic(t.topic()).isPresent();
            checks.add(exists ? Check.pass(TOPIC, t.topic().full() + " exists")
                : Check.fail(TOPIC, t.topic().full() + " does not exist: Play Console cannot publish to it",
                    "notif setup google --topic " + t.topic().full() + (t.pushUrl() == null ? "" : " --url "
                        + t.pushUrl())));
        } catch (NotifException e) {
            checks.add(cannot(TOPIC, e, Step.READ_TOPIC, t));
        }
        String notThere = exists == null ? "the topic could not be read" : "the topic does not exist";
        boolean topicKnown = Boolean.TRUE.equals(exists);
        checks.add(topicKnown ? publisher(t, policy, unread) : Check.skip(PUBLISHER, notThere));
        Map<String, JsonNode> subscriptions = null;
        if (topicKnown) {
            try {
                subscriptions = subscriptions(t.topic());
                checks.add(SubscriptionFindings.check(t.topic(), subscriptions, t.pushUrl(), t.expectUnwrapped(),
                    t.pushAuth()));
            } catch (NotifException e) {
                checks.add(cannot(SubscriptionFindings.ID, e, Step.LIST_SUBSCRIPTIONS, t));
            }
        } else {
            checks.add(Check.skip(SubscriptionFindings.ID, notThere));
        }
        checks.add(deliveries(t, subscriptions));
        return CheckReport.of("google", t.topic().full(), checks);
    }

    private Check credentials() {
        if (access.emulator()) {
            return Check.skip(CREDENTIALS, "PUBSUB_EMULATOR_HOST is set: Pub/Sub calls go to " + access.principal()
                + " without credentials");
        }
        GoogleCredential c = access.credential();
        ServiceAccountKey key = c.key();
        try {
            access.signIn();
            return Check.pass(CREDENTIALS, "signed in as " + c.principal() + " (" + c.type() + ", from " + c.origin()
                    + ")")
                .detail("type", c.type()).detail("origin", c.origin())
                .detail("client_email", c.account())
                .detail("key_id", key == null ? null : key.privateKeyId())
                .detail("project_id", c.projectId());
        } catch (NotifException e) {
            return Check.fail(CREDENTIALS, e.getMessage(), e.hint()).detail("type", c.type())
                .detail("client_email", c.account()).because(e.exitCode());
        }
    }

    /** {@code policy}: the topic's IAM policy, or null with {@code unread} saying why it could not be read. */
    private Check publisher(Target t, JsonNode policy, NotifException unread) {
        String setup = "notif setup google --topic " + t.topic().full();
        if (access.emulator()) {
            return Check.skip(PUBLISHER, "the Pub/Sub emulator does not implement IAM");
        }
        if (policy == null) {
            return cannot(PUBLISHER, unread, Step.READ_POLICY, t);
        }
        PublisherBinding.Grant grant = PublisherBinding.find(policy);
        if (grant.granted()) {
            return Check.pass(PUBLISHER, PublisherBinding.PLAY_ACCOUNT + " may publish (" + grant.role() + ")")
                .detail("role", grant.role()).detail("granted_on", "topic");
        }
        if (grant.conditional()) {
            return Check.warn(PUBLISHER, PublisherBinding.PLAY_ACCOUNT + " may publish only under an IAM condition"
                + " (" + grant.role() + "); Play's publish fails when the condition does not hold", setup)
                .detail("role", grant.role());
        }
        ProjectGrant project = projectGrant(t.topic().project());
        if (project.role() != null) {
            return Check.pass(PUBLISHER, PublisherBinding.PLAY_ACCOUNT + " may publish through a grant on project "
                + t.topic().project() + " (" + project.role() + ")").detail("role", project.role())
                .detail("granted_on", "project");
        }
        return Check.fail(PUBLISHER, PublisherBinding.PLAY_ACCOUNT + " may not publish to the topic: Play Console's"
            + " \"Send test notification\" fails and no notification arrives" + (project.unread() == null ? ""
            : " (a grant on the project was not examined: " + project.unread() + ")"),
            setup + " (grants " + PublisherBinding.ROLE + ")");
    }

    /** Whether the project's policy lets Play's account publish: the role, or why it could not be read. */
    private record ProjectGrant(String role, String unread) {
    }

    /** Reading the project's policy is optional: a refusal leaves no exit code behind. */
    private ProjectGrant projectGrant(String project) {
        try {
            PublisherBinding.Grant grant = PublisherBinding.find(access.resourceManager().projectPolicy(project));
            return new ProjectGrant(grant.granted() ? grant.role() : null, null);
        } catch (NotifException e) {
            return new ProjectGrant(null, e.getMessage());
        }
    }

    private Map<String, JsonNode> subscriptions(GoogleNames.Topic topic) {
        Map<String, JsonNode> subs = new LinkedHashMap<>();
        for (String name : access.pubsub().topicSubscriptions(topic)) {
            access.pubsub().subscription(name).ifPresent(s -> subs.put(name, s));
        }
        return subs;
    }

    private Check deliveries(Target t, Map<String, JsonNode> subscriptions) {
        if (access.monitoring() == null) {
            return Check.skip(DELIVERIES, "the Pub/Sub emulator has no Cloud Monitoring");
        }
        if (subscriptions == null) {
            return Check.skip(DELIVERIES, "the subscriptions could not be read");
        }
        JsonNode sub = null;
        for (JsonNode s : subscriptions.values()) {
            boolean push = s.path("pushConfig").hasNonNull("pushEndpoint");
            if (push && (t.pushUrl() == null || SubscriptionPlan.pushesTo(s, t.pushUrl()))) {
                sub = s;
                break;
            }
        }
        JsonNode pull = t.pushUrl() != null ? null : subscriptions.values().stream()
            .filter(s -> !s.path("pushConfig").hasNonNull("pushEndpoint")).findFirst().orElse(null);
        if (sub == null && pull == null) {
            return Check.skip(DELIVERIES, t.pushUrl() == null ? "no subscription on the topic"
                : "no subscription pushes to " + t.pushUrl());
        }
        JsonNode chosen = sub != null ? sub : pull;
        String name = chosen.path("name").asText();
        String project = name.split("/")[1];
        String id = GoogleNames.shortName(name);
        try {
            if (sub == null) {
                return DeliveryFindings.pull(pullStats(project, id, t.days()), name, t.days(), t.topic());
            }
            DeliveryStats stats = stats(project, id, t.days());
            return DeliveryFindings.check(stats, name, sub.path("pushConfig").path("pushEndpoint").asText(),
                sub.path("ackDeadlineSeconds").asInt(10), t.days(), t.topic());
        } catch (NotifException e) {
            return cannot(DELIVERIES, e, Step.READ_METRICS, t);
        }
    }

    /** A pull subscription: acknowledged messages (subscription/ack_message_count) and the backlog. */
    private DeliveryStats pullStats(String project, String subscriptionId, int days) {
        Monitoring monitoring = access.monitoring();
        List<JsonNode> hourly = monitoring.timeSeries(project, Monitoring.Query.sums(ACK_COUNT, subscriptionId,
            now.minus(Duration.ofDays(days)), now, Duration.ofHours(1), List.of()));
        long acked = 0;
        for (JsonNode series : hourly) {
            for (JsonNode point : series.path("points")) {
                acked += DeliveryStats.value(point);
            }
        }
        Instant lastAckHour = DeliveryStats.lastPositive(hourly);
        Instant lastAck = lastAckHour == null ? null : DeliveryStats.lastPositive(monitoring.timeSeries(project,
            Monitoring.Query.sums(ACK_COUNT, subscriptionId, lastAckHour.minus(Duration.ofHours(1)), lastAckHour,
                Duration.ofMinutes(1), List.of())));
        return new DeliveryStats(acked == 0 ? Map.of() : Map.of(DeliveryStats.ACK, acked), Map.of(),
            lastAck != null ? lastAck : lastAckHour, null, latest(project, UNDELIVERED, subscriptionId),
            latest(project, OLDEST_UNACKED, subscriptionId));
    }

    private Long latest(String project, String metric, String subscriptionId) {
        return DeliveryStats.latest(access.monitoring().timeSeries(project,
            Monitoring.Query.raw(metric, subscriptionId, now.minus(Duration.ofHours(1)), now)));
    }

    private DeliveryStats stats(String project, String subscriptionId, int days) {
        Monitoring monitoring = access.monitoring();
        Instant start = now.minus(Duration.ofDays(days));
        List<String> groupBy = List.of("metric.label.response_class", "metric.label.response_code");
        List<JsonNode> hourly = monitoring.timeSeries(project,
            Monitoring.Query.sums(PUSH_COUNT, subscriptionId, start, now, Duration.ofHours(1), groupBy));
        Instant lastAckHour = DeliveryStats.lastPositive(hourly.stream()
            .filter(s -> DeliveryStats.ACK.equals(s.path("metric").path("labels").path("response_class").asText()))
            .toList());
        Instant refined = null;
        if (lastAckHour != null) {
            List<JsonNode> minutes = monitoring.timeSeries(project, Monitoring.Query.sums(PUSH_COUNT, subscriptionId,
                lastAckHour.minus(Duration.ofHours(1)), lastAckHour, Duration.ofMinutes(1),
                List.of("metric.label.response_class")));
            refined = DeliveryStats.lastPositive(minutes.stream()
                .filter(s -> DeliveryStats.ACK.equals(s.path("metric").path("labels").path("response_class").asText()))
                .toList());
        }
        return DeliveryStats.of(hourly, refined, latest(project, UNDELIVERED, subscriptionId),
            latest(project, OLDEST_UNACKED, subscriptionId));
    }

    /** A check that Google did not let run: skipped with the reason and fix; exit 3 (refused) or 4 (unreachable). */
    private Check cannot(String id, NotifException e, Step step, Target t) {
        return Check.blocked(id, e instanceof GoogleApiException g
            ? GoogleErrors.explain(g, step, access, t.topic().project()) : e);
    }
}
