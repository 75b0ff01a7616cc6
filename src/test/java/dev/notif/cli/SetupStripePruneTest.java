package dev.notif.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notif.stripe.StripeEvents;
import dev.notif.testing.FakeStripe;
import dev.notif.testing.NotifRun;
import dev.notif.testing.SigningReceiver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --prune keeps the endpoint whose secret the backend holds, by the differential probe, and never deletes on a guess. */
class SetupStripePruneTest {
    static final String[] FOUR = StripeEvents.allowed(false).toArray(String[]::new);
    /** The signing secrets of the two endpoints, as Stripe showed them at creation (the fake makes none up). */
    static final String OLDER_SECRET = "whsec_OlderEndpointSecret0000000000000";
    static final String HELD_SECRET = "whsec_HeldEndpointSecret00000000000000";

    @TempDir
    Path home;
    final FakeStripe stripe = new FakeStripe();
    final SigningReceiver backend = new SigningReceiver().holds(HELD_SECRET);
    String url;
    String older;
    String held;

    @BeforeEach
    void start() throws Exception {
        url = backend.url();
        // the older one looks the better keeper by every heuristic: enabled, oldest, exactly the events
        older = stripe.addEndpoint(url, "enabled", 1_700_000_000L, FOUR);
        held = stripe.addEndpoint(url, "enabled", 1_700_000_100L, FOUR);
    }

    @AfterEach
    void stop() throws Exception {
        stripe.close();
        backend.close();
    }

    NotifRun.Result setup(NotifRun run, String... extra) {
        String[] base = {"setup", "stripe", "--url", url, "--api-base", stripe.apiBase(), "--json"};
        return run.env("STRIPE_API_KEY", FakeStripe.KEY).run(base, extra);
    }

    void saved(String id) throws Exception {
        Path f = home.resolve("config").resolve("stripe").resolve(id + ".secret");
        Files.createDirectories(f.getParent());
        Files.writeString(f, (id.equals(held) ? HELD_SECRET : OLDER_SECRET) + "\n");
        Files.setPosixFilePermissions(f, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    }

    List<String> left() {
        return stripe.endpointsFor(url).stream().map(e -> e.get("id").asText()).toList();
    }

    @Test
    void the_given_secret_and_the_saved_one_that_matches_it_tell_which_to_keep() throws Exception {
        saved(held);
        NotifRun.Result dry = setup(NotifRun.in(home), "--prune", "--secret", HELD_SECRET, "--dry-run");
        assertThat(dry.json().at("/actions/0/endpoint_id").asText()).as(dry.toString()).isEqualTo(held);

        NotifRun.Result r = setup(NotifRun.in(home).stdin(HELD_SECRET + "\n"), "--prune", "--secret", "-", "--yes");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(left()).containsExactly(held);
        assertThat(r.err()).contains("--prune keeps " + held + ": the backend holds its signing secret");
        assertThat(r.out() + r.err()).doesNotContain(HELD_SECRET);
    }

    @Test
    void without_a_secret_the_saved_secrets_are_probed() throws Exception {
        saved(older);
        saved(held);
        NotifRun.Result r = setup(NotifRun.in(home), "--prune", "--yes");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(left()).containsExactly(held);
        assertThat(r.err()).contains("probing " + url + " with the saved secret of " + older);
    }

    @Test
    void a_held_secret_no_endpoint_is_known_to_sign_with_deletes_nothing_and_says_why() {
        NotifRun.Result r = setup(NotifRun.in(home), "--prune", "--secret", HELD_SECRET, "--yes");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(left()).containsExactlyInAnyOrder(older, held);
        assertThat(stripe.writes()).isEmpty();
        assertThat(r.json().get("problem").asText()).contains("--prune deletes none of them")
            .contains("the backend holds the given secret, but none of ").contains(older).contains(held)
            .contains("--keep ENDPOINT_ID");
        assertThat(r.json().get("actions").findValuesAsText("action")).containsOnly("none");
    }

    @Test
    void no_secret_at_all_deletes_nothing_and_says_what_it_could_not_tell() {
        NotifRun.Result r = setup(NotifRun.in(home), "--prune", "--yes");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(left()).hasSize(2);
        assertThat(r.json().get("problem").asText()).contains("no secret to probe with");
        assertThat(backend.requestCount()).isZero();
    }

    @Test
    void a_backend_that_does_not_answer_is_inconclusive_and_nothing_is_deleted() throws Exception {
        saved(held);
        backend.close();
        NotifRun.Result r = setup(NotifRun.in(home), "--prune", "--secret", HELD_SECRET, "--yes", "--timeout", "2");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(left()).hasSize(2);
        assertThat(r.json().get("problem").asText()).contains("the given secret: ").contains("cannot be told");
    }

    @Test
    void a_secret_the_backend_does_not_hold_deletes_nothing() throws Exception {
        saved(older);
        NotifRun.Result r = setup(NotifRun.in(home), "--prune", "--secret", OLDER_SECRET, "--yes");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(left()).hasSize(2);
        assertThat(r.json().get("problem").asText()).contains("the given secret: ");
    }

    @Test
    void keep_is_the_user_s_own_evidence() {
        NotifRun.Result r = setup(NotifRun.in(home), "--prune", "--keep", older, "--yes");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(left()).containsExactly(older);
        assertThat(backend.requestCount()).isZero();
    }
}
