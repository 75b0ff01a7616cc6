package dev.notif.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.core.Json;
import dev.notif.testing.FakeGoogle;
import dev.notif.testing.FakeGoogleAuth;
import dev.notif.testing.NotifRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of credential Google's own tools accept (Application Default Credentials), through google-auth-library,
 * against loopback stand-ins for the token endpoint, the Security Token Service, the IAM Credentials API and the
 * metadata server; the Pub/Sub stand-in takes only the token they issue. Each refusal keeps its own hint.
 */
class GoogleCredentialsTest {
    static final String TOPIC = "projects/acme-prod/topics/play-rtdn";

    @TempDir
    Path home;
    FakeGoogle google;
    FakeGoogleAuth auth;

    @BeforeEach
    void start() throws Exception {
        google = new FakeGoogle(home);
        google.givenTopic(TOPIC);
        auth = new FakeGoogleAuth();
    }

    @AfterEach
    void stop() throws Exception {
        google.close();
        auth.close();
    }

    NotifRun.Result check(NotifRun run, String... extra) {
        String[] base = {"check", "google", "--topic", TOPIC, "--pubsub-api-base", google.base(),
            "--monitoring-api-base", google.base(), "--resourcemanager-api-base", google.base(), "--json"};
        return run.run(base, extra);
    }

    static JsonNode byId(NotifRun.Result r, String id) {
        return r.check(id);
    }

    Path write(String name, Object json) throws Exception {
        Path f = home.resolve(name);
        Files.writeString(f, Json.pretty(json));
        return f;
    }

    /** The credentials check passed and Pub/Sub took the token they got (the topic was read). */
    static void signedIn(NotifRun.Result r, String type) {
        JsonNode c = byId(r, "google.credentials");
        assertThat(c.get("status").asText()).as(r.toString()).isEqualTo("pass");
        assertThat(c.at("/details/type").asText()).isEqualTo(type);
        assertThat(byId(r, "google.topic.exists").get("status").asText()).as(r.toString()).isEqualTo("pass");
    }

    @Test
    void gcloud_user_credentials_in_the_well_known_file_are_found_and_refreshed() throws Exception {
        Path gcloud = home.resolve(".config/gcloud");
        Files.createDirectories(gcloud);
        Files.writeString(gcloud.resolve("application_default_credentials.json"), Json.pretty(auth.userCredentials()));
        NotifRun.Result r = check(NotifRun.in(home));
        signedIn(r, "authorized_user");
        assertThat(byId(r, "google.credentials").at("/details/origin").asText()).contains("gcloud");
        assertThat(auth.requests).anyMatch(q -> q.getPath().equals("/token"));
    }

    @Test
    void revoked_user_credentials_say_to_log_in_again() throws Exception {
        auth.revoked = true;
        NotifRun.Result r = check(NotifRun.in(home).env("GOOGLE_APPLICATION_CREDENTIALS",
            write("adc.json", auth.userCredentials()).toString()));
        assertThat(r.exitCode()).isEqualTo(3);
        JsonNode c = byId(r, "google.credentials");
        assertThat(c.get("summary").asText()).contains("invalid_grant");
        assertThat(c.get("fix").asText()).contains("gcloud auth application-default login");
    }

    @Test
    void workload_identity_federation_exchanges_the_oidc_token_at_sts_then_impersonates() throws Exception {
        Path token = home.resolve("github-oidc-token");
        Files.writeString(token, FakeGoogleAuth.SUBJECT_TOKEN);
        Path config = write("wif.json", auth.externalAccount(token.toString(), true));
        NotifRun.Result r = check(NotifRun.in(home), "--credentials", config.toString(), "--google-auth-api-base",
            auth.url("/"));
        signedIn(r, "external_account");
        assertThat(byId(r, "google.credentials").at("/details/client_email").asText()).isEqualTo(FakeGoogleAuth.TARGET);
        assertThat(auth.requests).extracting(q -> q.getRequestUrl().encodedPath())
            .containsSubsequence("/v1/token", "/v1/projects/-/serviceAccounts/" + FakeGoogleAuth.TARGET
                + ":generateAccessToken");
    }

    @Test
    void a_subject_token_sts_refuses_names_the_pool_provider_and_a_missing_token_file_the_auth_step() throws Exception {
        Path token = home.resolve("github-oidc-token");
        Files.writeString(token, "eyJ.not-the-token.x");
        NotifRun.Result refused = check(NotifRun.in(home), "--credentials",
            write("wif.json", auth.externalAccount(token.toString(), false)).toString(), "--google-auth-api-base",
            auth.url("/"));
        assertThat(refused.exitCode()).isEqualTo(3);
        assertThat(byId(refused, "google.credentials").get("fix").asText()).contains("attribute condition");

        NotifRun.Result missing = check(NotifRun.in(home), "--credentials",
            write("wif2.json", auth.externalAccount(home.resolve("absent").toString(), false)).toString(),
            "--google-auth-api-base", auth.url("/"));
        assertThat(missing.exitCode()).isEqualTo(3);
        assertThat(byId(missing, "google.credentials").get("fix").asText()).contains("id-token: write");
    }

    @Test
    void impersonation_with_a_flag_and_its_refusal_naming_the_token_creator_role() throws Exception {
        Path adc = write("adc.json", auth.userCredentials());
        NotifRun run = NotifRun.in(home).env("GOOGLE_APPLICATION_CREDENTIALS", adc.toString());
        NotifRun.Result r = check(run, "--impersonate-service-account", FakeGoogleAuth.TARGET,
            "--google-auth-api-base", auth.url("/"));
        signedIn(r, "impersonated_service_account");

        auth.mayImpersonate.clear();
        NotifRun.Result denied = check(run, "--impersonate-service-account", FakeGoogleAuth.TARGET,
            "--google-auth-api-base", auth.url("/"));
        assertThat(denied.exitCode()).isEqualTo(3);
        assertThat(byId(denied, "google.credentials").get("fix").asText())
            .contains("roles/iam.serviceAccountTokenCreator").contains(FakeGoogleAuth.TARGET);
    }

    @Test
    void the_metadata_server_gives_the_token_and_one_without_a_service_account_says_so() throws Exception {
        NotifRun run = NotifRun.in(home).env("GCE_METADATA_HOST", auth.hostPort());
        signedIn(check(run), "metadata_server");
        assertThat(auth.requests).anyMatch(q -> q.getPath().startsWith("/computeMetadata/v1/instance/service-accounts"
            + "/default/token") && "Google".equals(q.getHeader("Metadata-Flavor")));

        auth.noServiceAccount = true;
        NotifRun.Result r = check(NotifRun.in(home).env("GCE_METADATA_HOST", auth.hostPort()));
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(byId(r, "google.credentials").get("fix").asText()).contains("no service account attached");
    }

    @Test
    void no_credentials_anywhere_lists_every_way_google_accepts() {
        NotifRun.Result r = check(NotifRun.in(home));
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("no Google credentials").contains("gcloud auth application-default login")
            .contains("GOOGLE_APPLICATION_CREDENTIALS");
    }
}
