package dev.notif.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notif.core.Json;
import dev.notif.testing.FakeGoogle;
import dev.notif.testing.NotifRun;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckGoogleCommandTest {
    static final String TOPIC = "projects/acme-prod/topics/play-rtdn";
    static final String SUB = "projects/acme-prod/subscriptions/play-rtdn-push";
    static final String PLAY = "serviceAccount:google-play-developer-notifications@system.gserviceaccount.com";
    static final String URL = "https://api.example.com/google";
    static final String PUSH = "pubsub.googleapis.com/subscription/push_request_count";
    static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

    @TempDir
    Path home;
    FakeGoogle google;

    @BeforeEach
    void start() throws Exception {
        google = new FakeGoogle(home);
    }

    @AfterEach
    void stop() throws Exception {
        google.close();
    }

    NotifRun.Result check(String... extra) throws Exception {
        return google.run(NotifRun.in(home).clock(Clock.fixed(NOW, ZoneOffset.UTC)), "check", extra);
    }

    static JsonNode check(JsonNode report, String id) {
        for (JsonNode c : report.path("checks")) {
            if (c.path("id").asText().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no check " + id + " in " + report);
    }

    /** A timeSeries.list answer: one series per {class, code, [endTime, value]...}. */
    static JsonNode series(Object[]... rows) {
        ObjectNode answer = Json.object();
        ArrayNode list = answer.putArray("timeSeries");
        for (Object[] row : rows) {
            ObjectNode s = list.addObject();
            ObjectNode metric = s.putObject("metric");
            metric.put("type", PUSH);
            ObjectNode labels = metric.putObject("labels");
            labels.put("response_class", (String) row[0]);
            if (row[1] != null) {
                labels.put("response_code", (String) row[1]);
            }
            s.putObject("resource").put("type", "pubsub_subscription");
            s.put("metricKind", "DELTA");
            s.put("valueType", "INT64");
            ArrayNode points = s.putArray("points");
            for (int i = 2; i < row.length; i += 2) {
                ObjectNode p = points.addObject();
                Instant end = Instant.parse((String) row[i]);
                p.putObject("interval").put("startTime", end.minusSeconds(3600).toString()).put("endTime", end.toString());
                p.putObject("value").put("int64Value", String.valueOf(row[i + 1]));
            }
        }
        return answer;
    }

    static JsonNode gauge(String metric, String valueEnd, long value) {
        ObjectNode answer = Json.object();
        ObjectNode s = answer.putArray("timeSeries").addObject();
        s.putObject("metric").put("type", metric);
        ObjectNode p = s.putArray("points").addObject();
        p.putObject("interval").put("startTime", valueEnd).put("endTime", valueEnd);
        p.putObject("value").put("int64Value", String.valueOf(value));
        return answer;
    }

    void healthyTopic() {
        google.givenTopic(TOPIC);
        google.givenBinding(TOPIC, "roles/pubsub.publisher", PLAY);
        ObjectNode sub = google.givenSubscription(SUB, TOPIC, URL);
        sub.put("ackDeadlineSeconds", 60);
        sub.putObject("expirationPolicy");
    }

    @Test
    void a_healthy_setup_passes_every_check_with_the_last_delivery_to_the_minute() throws Exception {
        healthyTopic();
        google.givenTimeSeries(PUSH, series(new Object[] {"ack", "200", "2026-03-10T11:00:00Z", 3, "2026-03-09T08:00:00Z", 5}));
        google.givenTimeSeries(PUSH, "60s", series(new Object[] {"ack", null, "2026-03-10T10:42:00Z", 1, "2026-03-10T10:17:00Z", 2}));

        NotifRun.Result r = check("--topic", TOPIC, "--push-url", URL, "--json");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode json = r.json();
        assertThat(json.path("checks").findValuesAsText("status")).containsOnly("pass");
        assertThat(json.path("checks").findValuesAsText("id")).containsExactly("google.credentials",
            "google.topic.exists", "google.topic.publisher", "google.subscription", "google.deliveries");
        JsonNode deliveries = check(json, "google.deliveries");
        assertThat(deliveries.path("details").path("last_delivered_at").asText()).isEqualTo("2026-03-10T10:42:00Z");
        assertThat(deliveries.path("details").path("push_requests").path("ack").asLong()).isEqualTo(8);
        var query = google.monitoringQueries().get(0);
        assertThat(query.encodedPath()).isEqualTo("/v3/projects/acme-prod/timeSeries");
        assertThat(query.queryParameter("filter")).contains("resource.labels.subscription_id = \"play-rtdn-push\"");
        assertThat(query.queryParameterValues("aggregation.groupByFields"))
            .containsExactly("metric.label.response_class", "metric.label.response_code");
        assertThat(query.queryParameter("interval.startTime")).isEqualTo("2026-03-03T12:00:00Z");
    }

    @Test
    void a_topic_without_plays_binding_or_subscription_fails_both_and_skips_deliveries() throws Exception {
        google.givenTopic(TOPIC);

        NotifRun.Result r = check("--topic", TOPIC, "--json");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(check(r.json(), "google.topic.publisher").path("status").asText()).isEqualTo("fail");
        assertThat(check(r.json(), "google.topic.publisher").path("fix").asText()).contains("notif setup google");
        assertThat(check(r.json(), "google.subscription").path("summary").asText()).contains("drops every notification");
        assertThat(check(r.json(), "google.deliveries").path("status").asText()).isEqualTo("skip");
    }

    @Test
    void an_unwrapped_expiring_subscription_fails_with_the_reason() throws Exception {
        healthyTopic();
        ObjectNode sub = google.subscription(SUB);
        sub.with("pushConfig").putObject("noWrapper").put("writeMetadata", true);
        sub.putObject("expirationPolicy").put("ttl", "2678400s");

        NotifRun.Result r = check("--topic", TOPIC, "--push-url", URL, "--json");

        JsonNode c = check(r.json(), "google.subscription");
        assertThat(c.path("status").asText()).as(r.toString()).isEqualTo("fail");
        assertThat(c.path("summary").asText()).contains("unwrapping", "31 d");
        assertThat(c.path("details").path("subscriptions").get(0).path("wrapped").asBoolean()).isFalse();
    }

    @Test
    void no_subscription_pushing_to_the_url_fails_listing_what_exists() throws Exception {
        healthyTopic();

        NotifRun.Result r = check("--topic", TOPIC, "--push-url", "https://other.example.com/google", "--json");

        JsonNode c = check(r.json(), "google.subscription");
        assertThat(c.path("status").asText()).isEqualTo("fail");
        assertThat(c.path("details").path("subscriptions").get(0).path("push_endpoint").asText()).isEqualTo(URL);
        assertThat(r.exitCode()).isEqualTo(1);
    }

    @Test
    void failing_pushes_with_a_backlog_fail_with_their_class_code_and_cause() throws Exception {
        healthyTopic();
        google.givenTimeSeries(PUSH, series(
            new Object[] {"ack", "200", "2026-03-08T10:00:00Z", 4},
            new Object[] {"remote_server_4xx", "401", "2026-03-10T11:00:00Z", 12, "2026-03-10T10:00:00Z", 9}));
        google.givenTimeSeries("pubsub.googleapis.com/subscription/num_undelivered_messages",
            gauge("pubsub.googleapis.com/subscription/num_undelivered_messages", "2026-03-10T11:59:00Z", 7));
        google.givenTimeSeries("pubsub.googleapis.com/subscription/oldest_unacked_message_age",
            gauge("pubsub.googleapis.com/subscription/oldest_unacked_message_age", "2026-03-10T11:59:00Z", 7200));

        NotifRun.Result r = check("--topic", TOPIC, "--push-url", URL, "--json");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        JsonNode c = check(r.json(), "google.deliveries");
        assertThat(c.path("status").asText()).isEqualTo("fail");
        JsonNode failure = c.path("details").path("failures").get(0);
        assertThat(failure.path("response_class").asText()).isEqualTo("remote_server_4xx");
        assertThat(failure.path("count").asLong()).isEqualTo(21);
        assertThat(failure.path("http_codes").path("401").asLong()).isEqualTo(21);
        assertThat(failure.path("cause").asText()).contains("refused", "HTTP 401");
        assertThat(c.path("details").path("undelivered_messages").asLong()).isEqualTo(7);
        assertThat(c.path("details").path("oldest_unacked_age_seconds").asLong()).isEqualTo(7200);
        assertThat(c.path("details").path("last_delivered_at").asText()).isEqualTo("2026-03-08T10:00:00Z");
        assertThat(c.path("fix").asText()).contains("notif send google --url " + URL);
    }

    @Test
    void no_push_in_the_window_is_a_warning_with_the_next_step() throws Exception {
        healthyTopic();

        NotifRun.Result r = check("--topic", TOPIC, "--push-url", URL, "--json");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode c = check(r.json(), "google.deliveries");
        assertThat(c.path("status").asText()).isEqualTo("warn");
        assertThat(c.path("fix").asText()).contains("notif send google --topic " + TOPIC);
    }

    @Test
    void monitoring_permission_denied_skips_deliveries_and_exits_3_naming_the_role() throws Exception {
        healthyTopic();
        google.deny("GET", "/timeSeries");

        NotifRun.Result r = check("--topic", TOPIC, "--push-url", URL, "--json");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        JsonNode c = check(r.json(), "google.deliveries");
        assertThat(c.path("status").asText()).isEqualTo("skip");
        assertThat(c.path("fix").asText()).contains("roles/monitoring.viewer");
        assertThat(check(r.json(), "google.subscription").path("status").asText()).isEqualTo("pass");
    }

    @Test
    void a_missing_topic_fails_and_the_checks_that_need_it_are_skipped() throws Exception {
        NotifRun.Result r = check("--topic", TOPIC, "--json");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(check(r.json(), "google.topic.exists").path("status").asText()).isEqualTo("fail");
        assertThat(check(r.json(), "google.topic.publisher").path("status").asText()).isEqualTo("skip");
        assertThat(check(r.json(), "google.subscription").path("status").asText()).isEqualTo("skip");
    }

    @Test
    void without_credentials_the_report_fails_google_credentials_and_exits_3() {
        NotifRun.Result r = NotifRun.in(home).run("check", "google", "--topic", TOPIC, "--json");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        JsonNode c = check(r.json(), "google.credentials");
        assertThat(c.path("status").asText()).isEqualTo("fail");
        assertThat(c.path("fix").asText()).contains("GOOGLE_APPLICATION_CREDENTIALS");
        assertThat(r.json().path("checks").findValuesAsText("status")).containsExactly("fail", "skip", "skip", "skip", "skip");
    }

    @Test
    void text_output_lists_every_check_with_its_fix() throws Exception {
        google.givenTopic(TOPIC);

        NotifRun.Result r = check("--topic", TOPIC);

        assertThat(r.out()).contains("google.topic.publisher", "fix: notif setup google", "failed");
    }

    @Test
    void a_pull_subscription_with_an_old_backlog_fails_saying_the_backend_is_not_pulling() throws Exception {
        google.givenTopic(TOPIC);
        google.givenBinding(TOPIC, "roles/pubsub.publisher", PLAY);
        google.givenSubscription("projects/acme-prod/subscriptions/backend-pull", TOPIC, null).putObject("expirationPolicy");
        google.givenTimeSeries("pubsub.googleapis.com/subscription/ack_message_count",
            gauge("pubsub.googleapis.com/subscription/ack_message_count", "2026-03-09T09:00:00Z", 4));
        google.givenTimeSeries("pubsub.googleapis.com/subscription/num_undelivered_messages",
            gauge("pubsub.googleapis.com/subscription/num_undelivered_messages", "2026-03-10T11:59:00Z", 3));
        google.givenTimeSeries("pubsub.googleapis.com/subscription/oldest_unacked_message_age",
            gauge("pubsub.googleapis.com/subscription/oldest_unacked_message_age", "2026-03-10T11:59:00Z", 86400));

        NotifRun.Result r = check("--topic", TOPIC, "--json");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(check(r.json(), "google.subscription").path("status").asText()).isEqualTo("pass");
        JsonNode c = check(r.json(), "google.deliveries");
        assertThat(c.path("status").asText()).isEqualTo("fail");
        assertThat(c.path("summary").asText()).contains("backend-pull", "3 message(s) waiting", "1 d", "not pulling");
        assertThat(c.path("details").path("type").asText()).isEqualTo("pull");
        assertThat(c.path("details").path("last_delivered_at").asText()).isEqualTo("2026-03-09T09:00:00Z");
    }

    @Test
    void a_grant_to_play_on_the_project_counts_when_the_topic_has_none() throws Exception {
        google.givenTopic(TOPIC);
        google.givenBinding("projects/acme-prod", "roles/pubsub.editor", PLAY);

        NotifRun.Result r = check("--topic", TOPIC, "--json");

        JsonNode c = check(r.json(), "google.topic.publisher");
        assertThat(c.path("status").asText()).as(r.toString()).isEqualTo("pass");
        assertThat(c.path("details").path("granted_on").asText()).isEqualTo("project");
        assertThat(c.path("details").path("role").asText()).isEqualTo("roles/pubsub.editor");
    }

    @Test
    void an_unreadable_project_policy_leaves_the_missing_topic_grant_a_failure_without_exit_3() throws Exception {
        google.givenTopic(TOPIC);
        google.givenSubscription(SUB, TOPIC, URL).putObject("expirationPolicy");
        google.deny("POST", "/projects/acme-prod:getIamPolicy");

        NotifRun.Result r = check("--topic", TOPIC, "--json");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        JsonNode c = check(r.json(), "google.topic.publisher");
        assertThat(c.path("status").asText()).isEqualTo("fail");
        assertThat(c.path("summary").asText()).contains("grant on the project was not examined");
    }

    @Test
    void a_topic_whose_policy_google_answers_exists_and_is_not_read_again() throws Exception {
        healthyTopic();

        NotifRun.Result r = check("--topic", TOPIC, "--push-url", URL, "--json");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(check(r.json(), "google.topic.exists").path("summary").asText()).isEqualTo(TOPIC + " exists");
        assertThat(google.takeCalls()).as("Pub/Sub answers a topic's policy only for a topic that exists")
            .contains("GET /v1/" + TOPIC + ":getIamPolicy").doesNotContain("GET /v1/" + TOPIC)
            .startsWith("POST /token", "GET /v1/" + TOPIC + ":getIamPolicy", "GET /v1/" + TOPIC + "/subscriptions",
                "GET /v1/" + SUB);
    }

    @Test
    void a_policy_google_refuses_to_show_has_the_topic_read_and_the_publisher_check_blocked() throws Exception {
        healthyTopic();
        google.deny("GET", "/play-rtdn:getIamPolicy");

        NotifRun.Result r = check("--topic", TOPIC, "--push-url", URL, "--json");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(check(r.json(), "google.topic.exists").path("status").asText()).isEqualTo("pass");
        JsonNode publisher = check(r.json(), "google.topic.publisher");
        assertThat(publisher.path("status").asText()).isEqualTo("skip");
        assertThat(publisher.path("cause").asText()).isEqualTo("credentials");
        assertThat(check(r.json(), "google.subscription").path("status").asText()).isEqualTo("pass");
        assertThat(google.takeCalls()).containsSubsequence("GET /v1/" + TOPIC + ":getIamPolicy", "GET /v1/" + TOPIC,
            "GET /v1/" + TOPIC + "/subscriptions");
    }

    @Test
    void pub_sub_failing_on_the_policy_after_its_retries_blocks_the_topic_check_without_retrying_again()
        throws Exception {
        healthyTopic();
        google.fail("GET", ":getIamPolicy", 503, "UNAVAILABLE", "The service is currently unavailable.");

        NotifRun.Result r = check("--topic", TOPIC, "--push-url", URL, "--json");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
        JsonNode topic = check(r.json(), "google.topic.exists");
        assertThat(topic.path("status").asText()).isEqualTo("skip");
        assertThat(topic.path("cause").asText()).isEqualTo("unavailable");
        assertThat(check(r.json(), "google.topic.publisher").path("summary").asText())
            .isEqualTo("the topic could not be read");
        assertThat(google.takeCalls()).as("the policy's attempts, then nothing more of Pub/Sub")
            .containsExactly("POST /token", "GET /v1/" + TOPIC + ":getIamPolicy", "GET /v1/" + TOPIC + ":getIamPolicy",
                "GET /v1/" + TOPIC + ":getIamPolicy", "GET /v1/" + TOPIC + ":getIamPolicy");
    }

    @Test
    void push_auth_is_reported_and_fails_only_against_the_expected_service_account() throws Exception {
        healthyTopic();
        NotifRun.Result off = check("--topic", TOPIC, "--push-url", URL, "--json");
        JsonNode c = check(off.json(), "google.subscription");
        assertThat(c.path("summary").asText()).contains("push auth off");
        NotifRun.Result expected = check("--topic", TOPIC, "--push-url", URL, "--push-auth",
            "rtdn@acme-prod.iam.gserviceaccount.com", "--json");
        JsonNode fail = check(expected.json(), "google.subscription");
        assertThat(fail.path("status").asText()).isEqualTo("fail");
        assertThat(fail.path("summary").asText()).contains("without authentication");
        assertThat(fail.path("fix").asText()).contains("--push-auth rtdn@acme-prod.iam.gserviceaccount.com");
        google.subscription(SUB).with("pushConfig").putObject("oidcToken")
            .put("serviceAccountEmail", "rtdn@acme-prod.iam.gserviceaccount.com");
        JsonNode on = check(check("--topic", TOPIC, "--push-url", URL, "--push-auth",
            "rtdn@acme-prod.iam.gserviceaccount.com", "--json").json(), "google.subscription");
        assertThat(on.path("status").asText()).isEqualTo("pass");
        assertThat(on.path("summary").asText()).contains("push auth as rtdn@");
    }

    /** Issue 11, item 6: exit 3 says why on stderr, one line and a hint, as check stripe and check apple do. */
    @Test
    void refused_credentials_exit_3_with_the_reason_and_a_hint_on_stderr() throws Exception {
        google.tokenError("Invalid JWT Signature.");
        for (String mode : new String[] {"--json", "--no-color"}) {
            NotifRun.Result r = check("--topic", "projects/acme-prod/topics/play-rtdn", mode);
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
            assertThat(r.err()).startsWith("notif: ").contains("hint: ");
            assertThat(r.err().lines().count()).isEqualTo(2);
        }
    }
}
