package dev.notif.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notif.testing.NotifRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The one flag-then-environment table: each row is an option that exists, whose help names its variable. */
class EnvDefaultsTest {
    @TempDir
    Path home;

    static List<OptionSpec> optionsOf(EnvDefaults.Row row) {
        List<OptionSpec> found = new ArrayList<>();
        for (CommandLine cl : CommandTreeTest.everyCommand(CommandTreeTest.full())) {
            OptionSpec o = cl.getCommandSpec().findOption(row.option());
            if (o != null && EnvDefaults.row(o) == row) {
                found.add(o);
            }
        }
        return found;
    }

    @Test
    void every_row_is_an_option_whose_help_names_the_variable_and_never_shows_its_value() {
        for (EnvDefaults.Row row : EnvDefaults.ROWS) {
            List<OptionSpec> options = optionsOf(row);
            assertThat(options).as(row + " applies to some option").isNotEmpty();
            if (!row.commands().isEmpty()) {
                assertThat(options).as(row + " applies to exactly its commands").hasSameSizeAs(row.commands());
            }
            for (OptionSpec o : options) {
                String help = String.join(" ", o.description());
                assertThat(help).as(o.command().qualifiedName(" ") + " " + row.option()).contains("$" + row.variable());
                assertThat(help).as("a value from the environment is never a help default").doesNotContain(
                    "${DEFAULT-VALUE}");
                assertThat(o.defaultValue()).as(row.option() + " has no annotated default besides the variable").isNull();
            }
        }
    }

    @Test
    void the_environment_fills_a_left_out_flag_and_a_given_flag_wins() {
        NotifRun.Result fromEnv = NotifRun.in(home).env("STRIPE_WEBHOOK_SECRET", "whsec_" + "e".repeat(32))
            .run("send", "stripe", "--url", "http://127.0.0.1:1/stripe", "--json");
        assertThat(fromEnv.json().get("secret").asText()).endsWith("eeee");
        NotifRun.Result flag = NotifRun.in(home).env("STRIPE_WEBHOOK_SECRET", "whsec_" + "e".repeat(32))
            .run("send", "stripe", "--url", "http://127.0.0.1:1/stripe", "--secret", "whsec_" + "f".repeat(32),
                "--json");
        assertThat(flag.json().get("secret").asText()).endsWith("ffff");
    }

    @Test
    void a_secret_in_the_environment_stays_out_of_help() {
        String secret = "whsec_" + "s3cr3t".repeat(6);
        NotifRun run = NotifRun.in(home).env("STRIPE_WEBHOOK_SECRET", secret).env("STRIPE_API_KEY", "sk_test_" + secret)
            .env("APPLE_SHARED_SECRET", secret);
        for (String[] args : List.of(new String[] {"send", "stripe", "--help"}, new String[] {"check", "stripe", "--help"},
            new String[] {"send", "apple", "--help"}, new String[] {"listen", "--help"})) {
            NotifRun.Result r = run.run(args);
            assertThat(r.exitCode()).isZero();
            assertThat(r.out() + r.err()).as(String.join(" ", args)).doesNotContain("s3cr3t");
        }
    }

    @Test
    void a_password_from_the_environment_is_not_a_password_given_for_v2() {
        NotifRun.Result r = NotifRun.in(home).env("APPLE_SHARED_SECRET", "0123456789abcdef0123456789abcdef")
            .run("send", "apple", "--url", "http://127.0.0.1:1/apple", "--bundle-id", "com.example.app", "--json");
        assertThat(r.err()).doesNotContain("--password is for V1 notifications only");
        assertThat(r.json().get("version").asText()).isEqualTo("V2");
    }
}
