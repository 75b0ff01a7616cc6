package dev.notif.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.stripe.StripeEvents;
import dev.notif.testing.AppleTestKeys;
import dev.notif.testing.FakeAppStoreConnect;
import dev.notif.testing.FakeGoogle;
import dev.notif.testing.FakeStripe;
import dev.notif.testing.NotifRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** plan and apply: every app's set-up as one plan, carried out idempotently, secrets to one 0600 file. */
class PlanApplyTest {
    static final String KEY_ID = "2X9R4HXF34";
    static final String ISSUER = "69a6de70-03db-47e3-e053-5b8c7c11a4d1";

    @TempDir
    Path home;
    final FakeStripe stripe = new FakeStripe();
    FakeGoogle google;
    FakeAppStoreConnect asc;
    final MockWebServer ascServer = new MockWebServer();
    Path config;
    String drifted;

    /** setup apple probes a URL it sets: a loopback port nothing listens on answers at once (never the internet). */
    String appleUrl;

    @BeforeEach
    void start() throws Exception {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            appleUrl = "https://localhost:" + s.getLocalPort() + "/apple";
        }
        KeyPair pair = AppleTestKeys.generate();
        Path ascKey = AppleTestKeys.writeP8(home, "AuthKey_" + KEY_ID + ".p8", pair);
        asc = new FakeAppStoreConnect(pair.getPublic(), KEY_ID, ISSUER)
            .app("1234567890", "Game", "com.example.game", "https://old.example.com/apple", "V1", null, null);
        ascServer.setDispatcher(asc);
        ascServer.start();
        google = new FakeGoogle(home);
        long t = Instant.now().getEpochSecond() - 1000;
        stripe.addEndpoint("https://ok.example.com/stripe", "enabled", t, StripeEvents.allowed(false)
            .toArray(String[]::new));
        drifted = stripe.addEndpoint("https://drift.example.com/stripe", "disabled", t, "customer.subscription.updated",
            "payment_intent.succeeded");
        config = home.resolve("notif.toml");
        Files.writeString(config, """
            [[app]]
            name = "ok"
              [app.stripe]
              url = "https://ok.example.com/stripe"
              api_key = "${STRIPE_API_KEY}"
              api_base = "%1$s"
            [[app]]
            name = "drift"
              [app.stripe]
              url = "https://drift.example.com/stripe"
              api_key = "${STRIPE_API_KEY}"
              api_base = "%1$s"
            [[app]]
            name = "new-game"
              [app.stripe]
              url = "https://new.example.com/stripe"
              api_key = "${STRIPE_API_KEY}"
              api_base = "%1$s"
              track_new_purchases = true
              [app.apple]
              bundle_id = "com.example.game"
              url = "%8$s"
              asc_key_file = "%2$s"
              asc_key_id = "%3$s"
              asc_issuer_id = "%4$s"
              asc_api_base = "%5$s"
              [app.google]
              project = "acme-prod"
              topic = "play-rtdn"
              url = "https://new.example.com/google"
              credentials = "%6$s"
              pubsub_api_base = "%7$s"
              [app.amazon]
              url = "https://new.example.com/amazon"
            """.formatted(stripe.apiBase(), ascKey, KEY_ID, ISSUER, ascServer.url("/"), google.keyFile(), google.base(),
                appleUrl));
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
    }

    @AfterEach
    void stop() throws Exception {
        stripe.close();
        google.close();
        ascServer.shutdown();
    }

    NotifRun run() {
        return NotifRun.in(home).env("STRIPE_API_KEY", FakeStripe.KEY);
    }

    @Test
    void plan_shows_every_change_writes_nothing_and_exit_code_tells_drift() throws Exception {
        NotifRun.Result r = run().run("plan", "--config", config.toString(), "--json", "--exit-code");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        JsonNode plan = r.json();
        assertThat(plan.get("applied").asBoolean()).isFalse();
        List<String> lines = new ArrayList<>();
        plan.get("apps").forEach(a -> a.get("stores").forEach(s -> s.get("actions").forEach(x -> lines.add(
            a.get("name").asText() + "/" + s.get("store").asText() + " " + x.get("action").asText() + " "
                + x.get("resource").asText()))));
        assertThat(lines).contains("ok/stripe none endpoint", "drift/stripe update endpoint",
            "new-game/stripe create endpoint", "new-game/google create topic", "new-game/google create push subscription");
        assertThat(lines.stream().filter(l -> l.equals("new-game/apple update notification URL"))).hasSize(2);
        assertThat(lines).noneMatch(l -> l.startsWith("new-game/amazon"));
        assertThat(plan.get("changes").asInt()).isGreaterThanOrEqualTo(6);
        assertThat(stripe.writes()).isEmpty();
        assertThat(asc.patches).isEmpty();
        assertThat(google.writeCount()).isZero();

        NotifRun.Result text = run().run("plan", "--config", config.toString());
        assertThat(text.exitCode()).isZero();
        assertThat(text.out().replaceAll("\\s+", " ")).contains("ok / stripe", "= up to date", "~ update", "+ create",
            "apply it: notif apply --config");
    }

    @Test
    void apply_asks_for_yes_then_converges_and_keeps_the_new_secret_in_one_private_file() throws Exception {
        NotifRun.Result refused = run().run("apply", "--config", config.toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("confirm with --yes");
        assertThat(stripe.writes()).isEmpty();
        NotifRun.Result no = run().terminal().stdin("n\n").run("apply", "--config", config.toString());
        assertThat(no.exitCode()).as(no.toString()).isEqualTo(1);
        assertThat(no.err()).contains("7 changes in 4 of 5 stores").contains("changes? [y/N] ").contains("cancelled: nothing was changed");
        assertThat(no.err()).contains(" endpoint (new): 6 events").doesNotContain("null");
        assertThat(stripe.writes()).isEmpty();

        Path secrets = home.resolve("secrets.env");
        NotifRun.Result r = run().run("apply", "--config", config.toString(), "--yes", "--secrets-file",
            secrets.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out().replaceAll("\\s+", " ")).contains("written to " + secrets + " (mode 0600)");
        String created = stripe.endpointsFor("https://new.example.com/stripe").get(0).get("id").asText();
        String secret = stripe.secretOf(created);
        assertThat(Files.readString(secrets)).contains("NEW_GAME_STRIPE_WEBHOOK_SECRET=" + secret);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets))).isEqualTo("rw-------");
        assertThat(r.out() + r.err()).doesNotContain(secret, FakeStripe.KEY);
        assertThat(stripe.endpointsFor("https://drift.example.com/stripe").get(0).get("status").asText())
            .isEqualTo("enabled");
        assertThat(asc.attributes("1234567890").toString()).contains(appleUrl);

        NotifRun.Result again = run().run("plan", "--config", config.toString(), "--exit-code");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        NotifRun.Result json = run().run("apply", "--config", config.toString(), "--yes", "--json");
        assertThat(json.exitCode()).isZero();
        assertThat(json.json().get("changes").asInt()).isZero();
    }

    @Test
    void each_table_is_planned_with_its_own_key_url_and_flags_when_one_command_line_serves_them_all()
        throws Exception {
        // one set-up at a time per store: the tables of a store go through the same command line, one after another
        Path file = home.resolve("reuse.toml");
        Files.writeString(file, """
            [[app]]
            name = "ok"
              [app.stripe]
              url = "https://ok.example.com/stripe"
              api_key = "${STRIPE_API_KEY}"
              api_base = "%1$s"
            [[app]]
            name = "other-account"
              [app.stripe]
              url = "https://other.example.com/stripe"
              api_key = "%2$s"
              api_base = "%1$s"
            [[app]]
            name = "new-game"
              [app.stripe]
              url = "https://new.example.com/stripe"
              api_key = "${STRIPE_API_KEY}"
              api_base = "%1$s"
              track_new_purchases = true
            [[app]]
            name = "drift"
              [app.stripe]
              url = "https://drift.example.com/stripe"
              api_key = "${STRIPE_API_KEY}"
              api_base = "%1$s"
            """.formatted(stripe.apiBase(), FleetCheckTest.WRONG_KEY));
        NotifRun.Result r = run().run("plan", "--config", file.toString(), "--json", "--concurrency", "1");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        Map<String, JsonNode> stores = new LinkedHashMap<>();
        r.json().get("apps").forEach(a -> a.get("stores").forEach(s -> stores.put(a.get("name").asText(), s)));
        assertThat(stores.get("other-account").get("exit_code").asInt()).as(stores.toString()).isEqualTo(3);
        assertThat(stores.get("ok").get("exit_code").asInt()).isZero();
        assertThat(stores.get("ok").get("target").asText()).contains("ok.example.com");
        assertThat(stores.get("new-game").get("target").asText()).contains("new.example.com");
        assertThat(stores.get("new-game").get("actions").get(0).get("action").asText()).isEqualTo("create");
        assertThat(stores.get("new-game").get("actions").toString()).contains("checkout.session.completed");
        assertThat(stores.get("drift").get("actions").get(0).get("action").asText()).isEqualTo("update");
        assertThat(stores.get("drift").get("actions").toString()).doesNotContain("checkout.session.completed");

        run().run("apply", "--config", file.toString(), "--json", "--yes", "--concurrency", "1", "--secrets-file",
            home.resolve("secrets.env").toString());
        assertThat(stripe.endpointsFor("https://new.example.com/stripe")).hasSize(1);
        assertThat(stripe.endpointsFor("https://other.example.com/stripe")).isEmpty();
        assertThat(stripe.endpointsFor("https://drift.example.com/stripe").get(0).toString())
            .doesNotContain("checkout.session.completed");
    }

    @Test
    void apply_applies_what_it_can_and_still_fails_on_a_store_whose_plan_failed() throws Exception {
        Files.writeString(config, Files.readString(config) + """
            [[app]]
            name = "broken"
              [app.stripe]
              url = "https://broken.example.com/stripe"
              api_key = "${OTHER_STRIPE_KEY}"
              api_base = "%s"
            """.formatted(stripe.apiBase()));
        NotifRun broken = run().env("OTHER_STRIPE_KEY", FleetCheckTest.WRONG_KEY);
        NotifRun.Result plan = broken.run("plan", "--config", config.toString());
        assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(3);

        NotifRun.Result r = broken.run("apply", "--config", config.toString(), "--yes", "--json", "--secrets-file",
            home.resolve("secrets.env").toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        JsonNode report = r.json();
        assertThat(report.get("ok").asBoolean()).isFalse();
        assertThat(report.get("applied").asBoolean()).isTrue();
        assertThat(report.get("exit_set_by").get("app").asText()).isEqualTo("broken");
        List<String> stores = new ArrayList<>();
        report.get("apps").forEach(a -> a.get("stores").forEach(s -> stores.add(a.get("name").asText() + "/"
            + s.get("store").asText() + " " + s.get("exit_code").asInt())));
        assertThat(stores).contains("ok/stripe 0", "drift/stripe 0", "new-game/stripe 0", "broken/stripe 3");
        assertThat(stripe.endpointsFor("https://drift.example.com/stripe").get(0).get("status").asText())
            .as("the other stores are applied").isEqualTo("enabled");
        assertThat(stripe.endpointsFor("https://broken.example.com/stripe")).isEmpty();
        assertThat(r.out() + r.err()).doesNotContain(FakeStripe.KEY, FleetCheckTest.WRONG_KEY);

        NotifRun.Result text = broken.run("apply", "--config", config.toString(), "--yes", "--secrets-file",
            home.resolve("secrets.env").toString());
        assertThat(text.exitCode()).as(text.toString()).isEqualTo(3);
        assertThat(text.out() + text.err()).contains("broken");
    }
}
