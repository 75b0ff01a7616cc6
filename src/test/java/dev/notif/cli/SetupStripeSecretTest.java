package dev.notif.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.testing.FakeStripe;
import dev.notif.testing.NotifRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** setup stripe and the one-time signing secret: saved 0600 when the user agrees on a terminal. */
class SetupStripeSecretTest {
    static final String URL = "https://api.example.com/stripe";

    @TempDir
    Path home;
    final FakeStripe stripe = new FakeStripe();

    @AfterEach
    void stop() throws Exception {
        stripe.close();
    }

    NotifRun.Result setup(NotifRun run, String... extra) {
        String[] base = {"setup", "stripe", "--url", URL, "--api-base", stripe.apiBase()};
        return run.env("STRIPE_API_KEY", FakeStripe.KEY).run(base, extra);
    }

    String created() {
        return stripe.endpointsFor(URL).get(0).get("id").asText();
    }

    @Test
    void on_a_terminal_enter_saves_the_secret_0600_in_the_config_directory_and_names_the_file() throws Exception {
        NotifRun.Result r = setup(NotifRun.in(home).terminal().stdin("\n").env("COLUMNS", "400"), "--no-color");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        String id = created();
        Path file = home.resolve("config").resolve("stripe").resolve(id + ".secret");
        String secret = stripe.secretOf(id);
        assertThat(r.err()).contains("Save it to " + file + " (mode 0600)? [Y/n]");
        assertThat(Files.readString(file)).isEqualTo(secret + "\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
            .isEqualTo("rwx------");
        assertThat(r.out()).contains("(written to " + file + ", mode 0600)")
            .contains("--secret-file " + file).doesNotContain(secret);
        // the saved file is what send/check read
        NotifRun.Result check = NotifRun.in(home).run("verify", "stripe", "--payload", "-", "--header", "t=1,v1=00",
            "--secret-file", file.toString());
        assertThat(check.err()).doesNotContain("warning").doesNotContain("cannot be read");
    }

    @Test
    void no_keeps_it_redacted_and_off_a_terminal_nothing_is_asked() throws Exception {
        NotifRun.Result declined = setup(NotifRun.in(home).terminal().stdin("n\n"), "--json");
        assertThat(declined.exitCode()).as(declined.toString()).isZero();
        assertThat(declined.json().get("secret").asText()).startsWith("whsec_****");
        assertThat(declined.json().get("secret_file").isNull()).isTrue();
        assertThat(home.resolve("config").resolve("stripe")).doesNotExist();

        stripe.deleteEndpoint(created());
        NotifRun.Result script = setup(NotifRun.in(home).stdin("y\n"), "--json");
        assertThat(script.err()).doesNotContain("Save it");
        assertThat(script.json().get("secret_file").isNull()).isTrue();
        assertThat(script.json().get("secret_note").asText()).contains("--secret-file FILE");
    }

    @Test
    void secret_file_and_show_secret_are_not_second_guessed_by_a_question() throws Exception {
        Path file = home.resolve("mine.txt");
        NotifRun.Result r = setup(NotifRun.in(home).terminal().stdin("n\n"), "--secret-file", file.toString(),
            "--json");
        assertThat(r.err()).doesNotContain("Save it");
        JsonNode json = r.json();
        assertThat(json.get("secret_file").asText()).isEqualTo(file.toString());
        assertThat(Files.readString(file)).isEqualTo(stripe.secretOf(created()) + "\n");
    }
}
