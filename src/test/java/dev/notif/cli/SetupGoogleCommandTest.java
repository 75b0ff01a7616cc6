package dev.notif.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.testing.FakeGoogle;
import dev.notif.testing.NotifRun;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SetupGoogleCommandTest {
    static final String TOPIC = "projects/acme-prod/topics/play-rtdn";
    static final String PLAY = "serviceAccount:google-play-developer-notifications@system.gserviceaccount.com";
    static final String URL = "https://api.example.com/google";

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

    NotifRun.Result setup(String... extra) throws Exception {
        return google.run(NotifRun.in(home), "setup", extra);
    }

    @Test
    void creates_topic_binding_and_push_subscription_then_prints_the_topic_name_for_play_console() throws Exception {
        NotifRun.Result r = setup("--project", "acme-prod", "--topic", "play-rtdn", "--push-url", URL, "--json");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode json = r.json();
        assertThat(json.path("topic").asText()).isEqualTo(TOPIC);
        assertThat(json.path("play_console").path("topic_name").asText()).isEqualTo(TOPIC);
        assertThat(json.path("play_console").path("where").asText()).contains("Real-time developer notifications");
        assertThat(json.path("actions").findValuesAsText("action")).containsExactly("create", "update", "create");
        assertThat(google.policy(TOPIC).toString()).contains(PLAY, "roles/pubsub.publisher");
        JsonNode sub = google.subscription("projects/acme-prod/subscriptions/play-rtdn-push");
        assertThat(sub.path("topic").asText()).isEqualTo(TOPIC);
        assertThat(sub.path("pushConfig").path("pushEndpoint").asText()).isEqualTo(URL);
        assertThat(sub.path("pushConfig").has("noWrapper")).isFalse();
        assertThat(sub.path("ackDeadlineSeconds").asInt()).isEqualTo(60);
        assertThat(sub.path("messageRetentionDuration").asText()).isEqualTo("604800s");
        assertThat(sub.path("expirationPolicy").path("ttl").isMissingNode()).isTrue();
    }

    @Test
    void a_second_run_changes_nothing() throws Exception {
        setup("--project", "acme-prod", "--topic", "play-rtdn", "--push-url", URL);
        int writes = google.writeCount();

        NotifRun.Result again = setup("--project", "acme-prod", "--topic", "play-rtdn", "--url", URL, "--json");

        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.json().path("actions").findValuesAsText("action")).containsOnly("none");
        assertThat(google.writeCount()).isEqualTo(writes);
    }

    @Test
    void keeps_every_other_binding_and_adds_play_to_the_existing_publisher_binding() throws Exception {
        google.givenTopic(TOPIC);
        google.givenBinding(TOPIC, "roles/pubsub.publisher", "serviceAccount:other@acme-prod.iam.gserviceaccount.com");
        google.givenBinding(TOPIC, "roles/pubsub.viewer", "group:ops@acme.example");

        NotifRun.Result r = setup("--project", "acme-prod", "--topic", "play-rtdn");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode policy = google.policy(TOPIC);
        assertThat(policy.path("bindings")).hasSize(2);
        assertThat(policy.path("bindings").get(0).path("members").toString())
            .contains("serviceAccount:other@acme-prod.iam.gserviceaccount.com", PLAY);
        assertThat(policy.path("bindings").get(1).path("members").toString()).contains("group:ops@acme.example");
    }

    @Test
    void rereads_the_policy_when_its_etag_changed_meanwhile_and_keeps_the_other_change() throws Exception {
        google.givenTopic(TOPIC);
        google.concurrentChanges(1);

        NotifRun.Result r = setup("--project", "acme-prod", "--topic", "play-rtdn");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains("changed meanwhile");
        String policy = google.policy(TOPIC).toString();
        assertThat(policy).contains(PLAY, "user:someone-else@acme.example");
    }

    @Test
    void dry_run_plans_everything_and_writes_nothing() throws Exception {
        NotifRun.Result r = setup("--project", "acme-prod", "--topic", "play-rtdn", "--push-url", URL, "--dry-run", "--json");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.json().path("dry_run").asBoolean()).isTrue();
        assertThat(r.json().path("actions").findValuesAsText("action")).containsExactly("create", "create", "create");
        assertThat(r.json().path("actions").findValuesAsText("applied")).containsOnly("false");
        assertThat(google.writeCount()).isZero();
    }

    @Test
    void domain_restricted_sharing_is_explained_with_its_fix_and_the_rest_is_still_done() throws Exception {
        google.domainRestricted(true);

        NotifRun.Result r = setup("--project", "acme-prod", "--topic", "play-rtdn", "--url", URL, "--json");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        JsonNode binding = r.json().path("actions").get(1);
        assertThat(binding.path("cause").asText()).contains("Domain restricted sharing",
            "constraints/iam.allowedPolicyMemberDomains");
        assertThat(binding.path("fix").asText()).contains("iam.allowedPolicyMemberDomains", "not retroactive");
        assertThat(r.json().path("actions").get(2).path("applied").asBoolean()).isTrue();
        assertThat(r.json().path("play_console").path("topic_name").asText()).isEqualTo(TOPIC);
    }

    @Test
    void permission_denied_on_the_topic_exits_3_naming_the_missing_role() throws Exception {
        google.deny("PUT", "/topics/play-rtdn");

        NotifRun.Result r = setup("--project", "acme-prod", "--topic", "play-rtdn");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).contains("may not create the topic", "pubsub.topics.create",
            "gcloud projects add-iam-policy-binding acme-prod", "roles/pubsub");
    }

    @Test
    void an_existing_subscription_is_fixed_in_place_keeping_its_push_authentication() throws Exception {
        google.givenTopic(TOPIC);
        google.givenBinding(TOPIC, "roles/pubsub.publisher", PLAY);
        var sub = google.givenSubscription("projects/acme-prod/subscriptions/rtdn", TOPIC, "https://old.example.com/g");
        sub.with("pushConfig").putObject("oidcToken").put("serviceAccountEmail", "push@acme-prod.iam.gserviceaccount.com");

        NotifRun.Result r = setup("--project", "acme-prod", "--topic", "play-rtdn", "--push-url", URL,
            "--subscription", "rtdn", "--json");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode action = r.json().path("actions").get(2);
        assertThat(action.path("action").asText()).isEqualTo("update");
        assertThat(action.path("changes").toString()).contains("https://old.example.com/g -> " + URL, "never expires");
        JsonNode stored = google.subscription("projects/acme-prod/subscriptions/rtdn");
        assertThat(stored.path("pushConfig").path("pushEndpoint").asText()).isEqualTo(URL);
        assertThat(stored.path("pushConfig").path("oidcToken").path("serviceAccountEmail").asText())
            .isEqualTo("push@acme-prod.iam.gserviceaccount.com");
        assertThat(stored.path("ackDeadlineSeconds").asInt()).as("not given, so not changed").isEqualTo(10);
    }

    @Test
    void missing_credentials_exit_3_with_the_hint() throws Exception {
        NotifRun.Result r = NotifRun.in(home).run("setup", "google", "--project", "acme-prod", "--topic", "play-rtdn");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).contains("no Google credentials", "GOOGLE_APPLICATION_CREDENTIALS", "hint:");
    }

    @Test
    void an_incomplete_user_credential_file_is_refused_saying_what_it_lacks() throws Exception {
        Path file = home.resolve("adc.json");
        java.nio.file.Files.writeString(file, "{\"type\":\"authorized_user\",\"client_id\":\"x\",\"refresh_token\":\"y\"}");

        NotifRun.Result r = NotifRun.in(home).run("setup", "google", "--credentials", file.toString(), "--project",
            "acme-prod", "--topic", "play-rtdn");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).contains("authorized_user", "client_secret");
    }

    @Test
    void a_revoked_key_exits_3_saying_so() throws Exception {
        google.tokenError("Invalid JWT Signature.");

        NotifRun.Result r = setup("--project", "acme-prod", "--topic", "play-rtdn");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).contains("refused the service-account key", "deleted or rotated");
    }

    @Test
    void an_http_push_url_is_refused_before_any_call() throws Exception {
        NotifRun.Result r = setup("--project", "acme-prod", "--topic", "play-rtdn", "--push-url", "http://api.example.com/g");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(google.requestCount()).isZero();
    }

    @Test
    void a_pubsub_that_keeps_failing_exits_4_after_the_retries() throws Exception {
        google.fail("GET", "/topics/play-rtdn", 503, "UNAVAILABLE", "The service is currently unavailable.");

        NotifRun.Result r = setup("--project", "acme-prod", "--topic", "play-rtdn");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
        assertThat(r.err()).contains("kept failing", "503");
        assertThat(google.requestCount()).as("the token, then 4 attempts").isEqualTo(5);
    }

    @Test
    void an_unreachable_pubsub_exits_4() throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }

        NotifRun.Result r = NotifRun.in(home).run("setup", "google", "--credentials", google.keyFile().toString(),
            "--pubsub-api-base", "http://127.0.0.1:" + closedPort, "--project", "acme-prod", "--topic", "play-rtdn");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
        assertThat(r.err()).contains("cannot reach the Pub/Sub API");
    }

    @Test
    void the_api_not_enabled_exits_3_with_the_command_that_enables_it() throws Exception {
        google.fail("GET", "/topics/play-rtdn", 403, "PERMISSION_DENIED", "Cloud Pub/Sub API has not been used in"
            + " project 123456789 before or it is disabled. Enable it by visiting"
            + " https://console.developers.google.com/apis/api/pubsub.googleapis.com/overview?project=123456789 then"
            + " retry.");

        NotifRun.Result r = setup("--project", "acme-prod", "--topic", "play-rtdn");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).contains("API is not enabled", "gcloud services enable pubsub.googleapis.com --project acme-prod");
    }

    @Test
    void push_auth_creates_the_subscription_with_an_oidc_token_and_a_second_run_changes_nothing() throws Exception {
        String sa = "rtdn-push@acme-prod.iam.gserviceaccount.com";
        NotifRun.Result r = setup("--project", "acme-prod", "--topic", "play-rtdn", "--push-url", URL, "--push-auth", sa,
            "--json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode oidc = google.subscription("projects/acme-prod/subscriptions/play-rtdn-push").path("pushConfig")
            .path("oidcToken");
        assertThat(oidc.path("serviceAccountEmail").asText()).isEqualTo(sa);
        assertThat(oidc.has("audience")).as("Pub/Sub's default: the push URL").isFalse();
        int writes = google.writeCount();
        assertThat(setup("--project", "acme-prod", "--topic", "play-rtdn", "--push-url", URL, "--push-auth", sa)
            .exitCode()).isZero();
        assertThat(google.writeCount()).isEqualTo(writes);
    }

    @Test
    void push_auth_turns_authentication_on_in_place_with_the_audience() throws Exception {
        google.givenTopic(TOPIC);
        google.givenBinding(TOPIC, "roles/pubsub.publisher", PLAY);
        google.givenSubscription("projects/acme-prod/subscriptions/rtdn", TOPIC, URL).putObject("expirationPolicy");
        NotifRun.Result r = setup("--project", "acme-prod", "--topic", "play-rtdn", "--push-url", URL,
            "--push-auth", "push@acme-prod.iam.gserviceaccount.com", "--push-audience", "rtdn", "--json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.json().path("actions").get(2).path("changes").toString()).contains("push auth off ->");
        JsonNode oidc = google.subscription("projects/acme-prod/subscriptions/rtdn").path("pushConfig").path("oidcToken");
        assertThat(oidc.path("audience").asText()).isEqualTo("rtdn");
    }

    @Test
    void push_auth_that_is_not_a_service_account_is_a_usage_error() throws Exception {
        NotifRun.Result r = setup("--project", "acme-prod", "--topic", "play-rtdn", "--push-url", URL,
            "--push-auth", "not an email");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(google.writeCount()).isZero();
    }

    @Test
    void the_emulator_example_does_not_put_the_emulator_and_notif_listen_on_one_port() {
        String help = NotifRun.in(home).run("setup", "google", "--help").out();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
            "PUBSUB_EMULATOR_HOST=localhost:(\\d+) notif setup google .*--url http://127\\.0\\.0\\.1:(\\d+)/")
            .matcher(help.replaceAll("\\s*\\n\\s*", " "));
        assertThat(m.find()).as(help).isTrue();
        String listenDefault = NotifRun.in(home).run("listen", "--help").out().replaceAll("\\s+", " ")
            .replaceAll(".*--port=PORT Port to bind \\(default: (\\d+).*", "$1");
        assertThat(m.group(2)).isEqualTo(listenDefault);
        assertThat(m.group(1)).isNotEqualTo(m.group(2));
    }
}
