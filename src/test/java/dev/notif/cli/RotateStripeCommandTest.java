package dev.notif.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.core.Http;
import dev.notif.probe.HttpProbe;
import dev.notif.probe.Sender;
import dev.notif.stripe.RotateStripeResult;
import dev.notif.stripe.StripeAccount;
import dev.notif.stripe.StripeEvents;
import dev.notif.stripe.StripeKey;
import dev.notif.stripe.StripeRotation;
import dev.notif.stripe.StripeSecretProbe;
import dev.notif.stripe.StripeSetup;
import dev.notif.testing.FakeStripe.Fault;
import dev.notif.testing.FakeStripe;
import dev.notif.testing.NotifRun;
import dev.notif.testing.SigningReceiver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RotateStripeCommandTest {
    static final String[] FOUR = StripeEvents.allowed(false).toArray(String[]::new);
    static final String OLD_SECRET = "whsec_oldSecretTheBackendHoldsToday000000";

    @TempDir
    Path home;
    final FakeStripe stripe = new FakeStripe();
    final SigningReceiver backend = new SigningReceiver().holds(OLD_SECRET);

    @AfterEach
    void stop() throws Exception {
        stripe.close();
        backend.close();
    }

    NotifRun.Result rotate(String... extra) {
        String[] base = {"rotate", "stripe", "--url", backend.url(), "--api-base", stripe.apiBase(), "--json",
            "--interval", "1"};
        return NotifRun.in(home).env("STRIPE_API_KEY", FakeStripe.KEY).run(base, extra);
    }

    String oldEndpoint() {
        return stripe.addEndpoint(backend.url(), "enabled", 1_700_000_000L, FOUR);
    }

    List<Path> stateFiles() throws Exception {
        Path dir = home.resolve("config/rotate");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json")).toList();
        }
    }

    @Test
    void wait_zero_creates_the_new_endpoint_beside_the_old_and_a_rerun_after_deploying_finishes() throws Exception {
        String old = oldEndpoint();
        Path file = home.resolve("new-secret.txt");
        NotifRun.Result first = rotate("--wait", "0", "--secret-file", file.toString(), "--api-version", "2025-09-30.clover");

        assertThat(first.exitCode()).as(first.toString()).isEqualTo(1);
        JsonNode j = first.json();
        assertThat(j.get("phase").asText()).isEqualTo(RotateStripeResult.WAITING);
        String created = j.get("new_endpoint_id").asText();
        assertThat(stripe.endpointsFor(backend.url())).hasSize(2);
        assertThat(stripe.endpointsFor(backend.url())).filteredOn(e -> e.get("id").asText().equals(created))
            .singleElement().satisfies(e -> assertThat(e.get("api_version").asText()).isEqualTo("2025-09-30.clover"));
        String secret = stripe.secretOf(created);
        assertThat(Files.readString(file)).isEqualTo(secret + "\n");
        assertThat(first.out() + first.err()).doesNotContain(secret);
        assertThat(stateFiles()).singleElement().satisfies(p -> assertThat(
            PosixFilePermissions.toString(Files.getPosixFilePermissions(p))).isEqualTo("rw-------"));
        assertThat(j.get("next").asText()).contains("rerun");

        backend.holds(OLD_SECRET, secret); // the user pastes the new secret beside the old one
        NotifRun.Result second = rotate();
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.json().get("phase").asText()).isEqualTo(RotateStripeResult.COMPLETED);
        assertThat(stripe.endpointsFor(backend.url())).extracting(e -> e.get("id").asText()).containsExactly(created);
        assertThat(stripe.endpoints()).noneMatch(e -> e.get("id").asText().equals(old));
        assertThat(stateFiles()).isEmpty();
        assertThat(second.json().get("probe").get("status").asText()).isEqualTo("pass");
    }

    @Test
    void one_run_waits_until_the_backend_holds_the_new_secret_then_deletes_the_old_endpoint() throws Exception {
        String old = oldEndpoint();
        StripeKey key = StripeKey.parse(FakeStripe.KEY);
        StripeAccount account = new StripeAccount(key, stripe.apiBase(), Http.apiClient(Duration.ofSeconds(5),
            new dev.notif.core.RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(20))));
        StripeSecretProbe probe = new StripeSecretProbe(new Sender(new HttpProbe(Http.client(Duration.ofSeconds(5)))));
        List<String> progress = new ArrayList<>();
        int[] pauses = {0};
        StripeRotation rotation = new StripeRotation(account, ui(progress),
            (u, s, live, now) -> probe.run(u, s, null, null, live, now),
            d -> { // the pause is where a person pastes the secret; nothing sleeps
                pauses[0]++;
                if (pauses[0] == 2) {
                    String created = stripe.endpointsFor(backend.url()).stream().map(e -> e.get("id").asText())
                        .filter(id -> !id.equals(old)).findFirst().orElseThrow();
                    backend.holds(stripe.secretOf(created));
                }
            }, Clock.systemUTC(), home.resolve("config"));

        RotateStripeResult r = rotation.run(new StripeRotation.Request(backend.url(), false, null, null, false,
            Duration.ofMinutes(10), Duration.ofSeconds(10), false, false));

        assertThat(r.phase()).isEqualTo(RotateStripeResult.COMPLETED);
        assertThat(pauses[0]).isEqualTo(2);
        assertThat(stripe.endpointsFor(backend.url())).singleElement()
            .satisfies(e -> assertThat(e.get("id").asText()).isEqualTo(r.newEndpointId()));
        assertThat(progress).anyMatch(l -> l.contains("new signing secret of " + r.newEndpointId()));
        // never a moment without an endpoint: the only DELETE came after the POST that created the new one
        List<FakeStripe.Call> writes = stripe.writes();
        assertThat(writes.get(writes.size() - 1).method()).isEqualTo("DELETE");
        assertThat(writes.get(writes.size() - 1).path()).endsWith(old);
        assertThat(writes.stream().filter(c -> c.method().equals("DELETE"))).hasSize(1);
    }

    /** Progress lines into {@code lines}; no questions. */
    static StripeSetup.Ui ui(List<String> lines) {
        return lines::add;
    }

    @Test
    void a_rerun_after_the_old_endpoint_was_deleted_finishes_without_another_write() throws Exception {
        String old = oldEndpoint();
        String created = rotate("--wait", "0").json().get("new_endpoint_id").asText();
        stripe.deleteEndpoint(old); // interrupted right after the DELETE went through
        stripe.forgetCalls();
        NotifRun.Result r = rotate();
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.json().get("phase").asText()).isEqualTo(RotateStripeResult.COMPLETED);
        assertThat(r.json().get("new_endpoint_id").asText()).isEqualTo(created);
        assertThat(stripe.writes()).isEmpty();
        assertThat(stateFiles()).isEmpty();
    }

    @Test
    void a_lost_answer_to_the_creation_still_makes_one_new_endpoint() {
        oldEndpoint();
        stripe.inject("POST", "/v1/webhook_endpoints", 1, Fault.ANSWER_LOST);
        NotifRun.Result r = rotate("--wait", "0");
        assertThat(r.json().get("phase").asText()).as(r.toString()).isEqualTo(RotateStripeResult.WAITING);
        assertThat(stripe.endpointsFor(backend.url())).hasSize(2);
        assertThat(rotate("--wait", "0").json().get("new_endpoint_id").asText())
            .isEqualTo(r.json().get("new_endpoint_id").asText());
        assertThat(stripe.endpointsFor(backend.url())).hasSize(2);
    }

    @Test
    void abort_deletes_the_new_endpoint_and_keeps_the_old_one() throws Exception {
        String old = oldEndpoint();
        rotate("--wait", "0");
        NotifRun.Result r = rotate("--abort");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.json().get("phase").asText()).isEqualTo(RotateStripeResult.ABORTED);
        assertThat(stripe.endpointsFor(backend.url())).extracting(e -> e.get("id").asText()).containsExactly(old);
        assertThat(stateFiles()).isEmpty();
        assertThat(rotate("--abort").exitCode()).isEqualTo(2);
    }

    @Test
    void a_backend_that_accepts_any_signature_cannot_confirm_and_confirmed_finishes_on_the_users_word() {
        oldEndpoint();
        backend.acceptsAnything();
        NotifRun.Result r = rotate("--wait", "0");
        assertThat(r.json().get("phase").asText()).isEqualTo(RotateStripeResult.WAITING);
        assertThat(r.json().get("next").asText()).contains("--confirmed");
        assertThat(stripe.endpointsFor(backend.url())).hasSize(2);
        NotifRun.Result done = rotate("--confirmed");
        assertThat(done.exitCode()).as(done.toString()).isZero();
        assertThat(stripe.endpointsFor(backend.url())).hasSize(1);
    }

    @Test
    void nothing_to_rotate_several_endpoints_and_a_full_account_are_refused_before_any_write() {
        NotifRun.Result none = rotate();
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("notif setup stripe --url " + backend.url());
        oldEndpoint();
        oldEndpoint();
        assertThat(rotate().err()).contains("--prune");
        assertThat(stripe.writes()).isEmpty();
    }

    @Test
    void the_account_limit_leaves_no_room_for_the_second_endpoint() {
        oldEndpoint();
        for (int i = 1; i < FakeStripe.ENDPOINT_LIMIT; i++) {
            stripe.addEndpoint("https://other.example.com/" + i, "enabled", 1_700_000_000L, "charge.failed");
        }
        NotifRun.Result r = rotate();
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("16 webhook endpoints");
        assertThat(stripe.writes()).isEmpty();
    }

    @Test
    void another_api_version_while_a_rotation_is_in_progress_is_refused() {
        oldEndpoint();
        rotate("--wait", "0", "--api-version", "2025-09-30.clover");
        NotifRun.Result r = rotate("--api-version", "2024-06-20");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("in progress").contains("--abort");
    }

    @Test
    void during_a_rotation_check_points_at_rotate_and_setup_prune_is_refused() {
        oldEndpoint();
        rotate("--wait", "0");
        NotifRun run = NotifRun.in(home).env("STRIPE_API_KEY", FakeStripe.KEY);
        NotifRun.Result check = run.run("check", "stripe", "--url", backend.url(), "--api-base", stripe.apiBase(),
            "--json");
        JsonNode single = CheckStripeCurrentTest.byId(check, "stripe.endpoint.single");
        assertThat(single.get("status").asText()).isEqualTo("fail");
        assertThat(single.get("fix").asText()).contains("notif rotate stripe --url " + backend.url());
        stripe.forgetCalls();
        NotifRun.Result prune = run.run("setup", "stripe", "--url", backend.url(), "--api-base", stripe.apiBase(),
            "--prune", "--yes", "--json");
        assertThat(prune.exitCode()).as(prune.toString()).isEqualTo(1);
        assertThat(prune.json().get("problem").asText()).contains("rotation").contains("in progress");
        assertThat(stripe.writes()).isEmpty();
    }
}
