package dev.notif.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notif.testing.AppleTestKeys;
import dev.notif.testing.FakeAppStoreConnect;
import dev.notif.testing.NotifRun;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.KeyPair;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** setup apple never replaces a production URL unasked, and refuses a URL Apple cannot deliver to unless forced. */
class SetupAppleSafetyTest {
    static final String KEY_ID = "2X9R4HXF34";
    static final String ISSUER = "57246542-96fe-1a63-e053-0824d011072a";
    static final String OLD = "https://old.example.com/a";

    @TempDir
    Path home;
    MockWebServer server;
    FakeAppStoreConnect asc;
    Path keyFile;
    /** A loopback https URL nothing listens on: probed at once, never the internet. */
    String url;

    @BeforeEach
    void start() throws Exception {
        KeyPair pair = AppleTestKeys.generate();
        keyFile = AppleTestKeys.writeP8(home, "AuthKey_" + KEY_ID + ".p8", pair);
        asc = new FakeAppStoreConnect(pair.getPublic(), KEY_ID, ISSUER)
            .app("1234567891", "Example", "com.example.app", OLD, "V2", OLD, "V2");
        server = new MockWebServer();
        server.setDispatcher(asc);
        server.start();
        try (ServerSocket s = new ServerSocket(0)) {
            url = "https://localhost:" + s.getLocalPort() + "/apple";
        }
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    NotifRun.Result setup(NotifRun run, String target, String... extra) {
        String[] base = {"setup", "apple", "--bundle-id", "com.example.app", "--url", target, "--asc-api-base",
            server.url("/").toString(), "--no-color"};
        return run.env("ASC_KEY_FILE", keyFile.toString()).env("ASC_KEY_ID", KEY_ID).env("ASC_ISSUER_ID", ISSUER)
            .env("COLUMNS", "300").run(base, extra);
    }

    @Test
    void replacing_the_production_url_off_a_terminal_needs_yes_and_changes_nothing_without_it() {
        NotifRun.Result r = setup(NotifRun.in(home), url);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("replaces the production notification URL " + OLD + " with " + url)
            .contains("confirm with --yes").contains("--dry-run");
        assertThat(asc.patches).isEmpty();

        NotifRun.Result yes = setup(NotifRun.in(home), url, "--yes", "--json");
        assertThat(yes.exitCode()).as(yes.toString()).isZero();
        assertThat(asc.attributes("1234567891").get("subscriptionStatusUrl").asText()).isEqualTo(url);
    }

    @Test
    void on_a_terminal_it_asks_and_a_no_changes_nothing() {
        NotifRun.Result no = setup(NotifRun.in(home).terminal().stdin("n\n"), url);
        assertThat(no.exitCode()).as(no.toString()).isEqualTo(1);
        assertThat(no.err()).contains("replaces the production notification URL " + OLD).contains("Go ahead? [y/N]")
            .contains("cancelled: nothing was changed");
        assertThat(asc.patches).isEmpty();

        NotifRun.Result yes = setup(NotifRun.in(home).terminal().stdin("y\n"), url);
        assertThat(yes.exitCode()).as(yes.toString()).isZero();
        assertThat(asc.patches).hasSize(1);
    }

    @Test
    void a_dry_run_says_it_would_replace_the_production_url() {
        NotifRun.Result r = setup(NotifRun.in(home), url, "--dry-run", "--json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains("replaces the production URL " + OLD).contains("needs --yes");
        assertThat(r.json().at("/actions/0/reason").asText()).contains("replaces the production URL " + OLD);
        assertThat(asc.patches).isEmpty();
    }

    @Test
    void only_the_sandbox_url_changing_needs_no_confirmation() {
        NotifRun.Result r = setup(NotifRun.in(home), url, "--environment", "sandbox");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(asc.patches).hasSize(1);
    }

    @Test
    void a_url_that_does_not_answer_here_is_said_not_refused() {
        NotifRun.Result r = setup(NotifRun.in(home), url, "--yes");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains("could not reach " + url + " from here").contains("cannot be told");
    }

    @Test
    void a_url_apple_cannot_use_is_refused_before_any_call_unless_forced() {
        String[][] cases = {
            {"http://api.example.com/apple", "is not https: Apple delivers"},
            {"https://api.example.com:444/apple", "port 444 is neither 443 nor 1024 or above; Apple does not deliver"
                + " to it; hint: serve the endpoint on port 443 (or 1024 and up) and pass that URL; --force"},
        };
        for (String[] c : cases) {
            NotifRun.Result r = setup(NotifRun.in(home), c[0], "--yes");
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
            assertThat(r.err().replace("\n", "; ")).contains(c[1]);
        }
        assertThat(asc.requests).isEmpty();

        NotifRun.Result http = setup(NotifRun.in(home), "http://api.example.com/apple", "--yes", "--force");
        assertThat(http.exitCode()).as("Apple refuses http:// whatever notif is told").isEqualTo(2);

        NotifRun.Result forced = setup(NotifRun.in(home), "https://localhost:444/apple", "--yes", "--force");
        assertThat(forced.exitCode()).as(forced.toString()).isZero();
        assertThat(forced.err()).contains("port 444").contains("set anyway: --force");
        assertThat(asc.attributes("1234567891").get("subscriptionStatusUrl").asText())
            .isEqualTo("https://localhost:444/apple");
    }
}
