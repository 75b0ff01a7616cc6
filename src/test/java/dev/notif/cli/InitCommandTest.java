package dev.notif.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notif.config.ConfigReader;
import dev.notif.config.NotifConfig;
import dev.notif.stripe.StripeEvents;
import dev.notif.testing.FakeStripe;
import dev.notif.testing.NotifRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {
    @TempDir
    Path home;

    NotifConfig read(Path file) {
        return ConfigReader.read(file, FleetDocsTest.stores().schema(), Map.of("STRIPE_API_KEY", FakeStripe.KEY));
    }

    @Test
    void flags_make_a_commented_file_that_reads_back_with_references_for_the_credentials() throws Exception {
        Path file = home.resolve("notif.toml");
        NotifRun.Result r = NotifRun.in(home).env("STRIPE_API_KEY", FakeStripe.KEY).run("init", "--config",
            file.toString(), "--app", "game-ios", "--stripe-url", "https://api.example.com/stripe",
            "--track-new-purchases", "--apple-bundle-id", "com.example.game", "--apple-url",
            "https://api.example.com/apple", "--max-silence", "12h");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("wrote " + file, "game-ios  stripe, apple", "notif check --config");
        String text = Files.readString(file);
        assertThat(text).startsWith("# notif.toml").contains("api_key = \"${STRIPE_API_KEY}\"",
            "track_new_purchases = true", "max_silence = \"12h\"", "# secret = \"file:secrets/stripe-whsec\"")
            .doesNotContain(FakeStripe.KEY);
        NotifConfig cfg = read(file);
        assertThat(cfg.apps()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("game-ios");
            assertThat(a.stores()).extracting(NotifConfig.StoreEntry::store).containsExactly("stripe", "apple");
            assertThat(a.stores().get(0).get("api_key")).isEqualTo(FakeStripe.KEY);
        });
    }

    @Test
    void discover_writes_one_app_per_stripe_endpoint_that_receives_the_ingestion_events() throws Exception {
        try (FakeStripe stripe = new FakeStripe()) {
            long t = Instant.now().getEpochSecond() - 1000;
            stripe.addEndpoint("https://api.example.com/stripe", "enabled", t,
                StripeEvents.allowed(true).toArray(String[]::new));
            stripe.addEndpoint("https://eu.example.com/hooks/stripe", "disabled", t,
                StripeEvents.allowed(false).toArray(String[]::new));
            stripe.addEndpoint("https://crm.example.com/payments", "enabled", t, "payment_intent.succeeded");
            Path file = home.resolve("fleet.toml");
            NotifRun.Result r = NotifRun.in(home).env("STRIPE_API_KEY", FakeStripe.KEY).run("init", "--discover",
                "--api-base", stripe.apiBase(), "--config", file.toString());
            assertThat(r.exitCode()).as(r.toString()).isZero();
            NotifConfig cfg = read(file);
            List<String> urls = new ArrayList<>();
            cfg.apps().forEach(a -> urls.add(String.valueOf(a.stores().get(0).get("url"))));
            assertThat(urls).containsExactly("https://api.example.com/stripe", "https://eu.example.com/hooks/stripe");
            assertThat(cfg.apps()).extracting(NotifConfig.App::name)
                .containsExactly("api-example-com-stripe", "eu-example-com-hooks-stripe");
            assertThat(cfg.apps().get(0).stores().get(0).get("track_new_purchases")).isEqualTo(true);
            assertThat(cfg.apps().get(1).stores().get(0).get("track_new_purchases")).isEqualTo(false);
            assertThat(Files.readString(file)).contains("(disabled, 4 event types) found in the test-mode account")
                .doesNotContain(FakeStripe.KEY);
            assertThat(stripe.writes()).isEmpty();
        }
    }

    @Test
    void an_existing_file_is_kept_unless_forced_and_dash_prints_instead() throws Exception {
        Path file = home.resolve("notif.toml");
        Files.writeString(file, "# mine\n");
        NotifRun.Result kept = NotifRun.in(home).run("init", "--config", file.toString(), "--amazon-url",
            "https://api.example.com/amazon");
        assertThat(kept.exitCode()).isEqualTo(2);
        assertThat(kept.err()).contains("already exists", "--force");
        assertThat(Files.readString(file)).isEqualTo("# mine\n");

        NotifRun.Result printed = NotifRun.in(home).run("init", "--config", "-", "--amazon-url",
            "https://api.example.com/amazon");
        assertThat(printed.exitCode()).isZero();
        assertThat(printed.out()).contains("[app.amazon]", "url = \"https://api.example.com/amazon\"",
            "name = \"api-example-com\"");

        NotifRun.Result example = NotifRun.in(home).run("init", "--config", "-");
        assertThat(example.out()).contains("[app.stripe]", "[app.apple]", "[app.google]", "[app.amazon]")
            .doesNotContain("push_url");
    }

    @Test
    void google_s_url_is_written_under_its_current_key_from_either_name_of_the_flag() {
        for (String flag : new String[] {"--google-url", "--google-push-url"}) {
            NotifRun.Result r = NotifRun.in(home).run("init", "--config", "-", "--google-project", "acme-prod",
                "--google-topic", "play-rtdn", flag, "https://api.example.com/google");
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.out()).contains("[app.google]", "url = \"https://api.example.com/google\"")
                .doesNotContain("push_url");
        }
    }
}
