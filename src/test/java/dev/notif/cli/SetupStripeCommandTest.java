package dev.notif.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.stripe.StripeEvents;
import dev.notif.testing.FakeStripe;
import dev.notif.testing.FakeStripe.Fault;
import dev.notif.testing.NotifRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SetupStripeCommandTest {
    static final String URL = "https://api.example.com/stripe";
    static final String OTHER = "https://other.example.com/hooks";
    static final List<String> FOUR = StripeEvents.allowed(false);
    static final List<String> SIX = StripeEvents.allowed(true);
    static final long LONG_AGO = 1_700_000_000L;

    @TempDir
    Path home;
    final FakeStripe stripe = new FakeStripe();

    @AfterEach
    void stop() throws Exception {
        stripe.close();
    }

    NotifRun.Result setup(String... extra) {
        return run(FakeStripe.KEY, extra);
    }

    NotifRun.Result run(String key, String... extra) {
        List<String> args = new ArrayList<>(List.of("setup", "stripe", "--url", URL, "--api-base", stripe.apiBase(),
            "--json"));
        args.addAll(List.of(extra));
        NotifRun run = NotifRun.in(home);
        if (key != null) {
            run.env("STRIPE_API_KEY", key);
        }
        return run.run(args.toArray(String[]::new));
    }

    static List<String> events(JsonNode endpoint) {
        return StreamSupport.stream(endpoint.get("enabled_events").spliterator(), false).map(JsonNode::asText).toList();
    }

    JsonNode onlyEndpointFor(String url) {
        assertThat(stripe.endpointsFor(url)).hasSize(1);
        return stripe.endpointsFor(url).get(0);
    }

    @Test
    void creates_one_enabled_endpoint_with_exactly_the_four_events_and_writes_the_secret_0600() throws Exception {
        String other = stripe.addEndpoint(OTHER, "enabled", LONG_AGO, "charge.failed");
        Path file = home.resolve("secret.txt");
        NotifRun.Result r = setup("--secret-file", file.toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode e = onlyEndpointFor(URL);
        assertThat(events(e)).containsExactlyInAnyOrderElementsOf(FOUR);
        assertThat(e.get("status").asText()).isEqualTo("enabled");
        String secret = stripe.secretOf(e.get("id").asText());
        assertThat(Files.readString(file)).isEqualTo(secret + "\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        JsonNode json = r.json();
        assertThat(json.get("mode").asText()).isEqualTo("test");
        assertThat(json.get("actions").get(0).get("action").asText()).isEqualTo("create");
        assertThat(json.get("actions").get(0).get("endpoint_id").asText()).isEqualTo(e.get("id").asText());
        assertThat(json.get("endpoint").get("id").asText()).isEqualTo(e.get("id").asText());
        assertThat(json.get("secret").asText()).isEqualTo("whsec_****" + secret.substring(secret.length() - 4));
        assertThat(json.get("secret_file").asText()).isEqualTo(file.toString());
        assertThat(r.out() + r.err()).doesNotContain(secret);
        assertThat(stripe.endpoints()).extracting(x -> x.get("id").asText()).contains(other);
        assertThat(events(stripe.endpointsFor(OTHER).get(0))).containsExactly("charge.failed");
    }

    @Test
    void track_new_purchases_creates_the_six_events() {
        NotifRun.Result r = setup("--track-new-purchases");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(events(onlyEndpointFor(URL))).containsExactlyInAnyOrderElementsOf(SIX);
    }

    @Test
    void show_secret_prints_it_whole() {
        NotifRun.Result r = setup("--show-secret");
        String secret = stripe.secretOf(onlyEndpointFor(URL).get("id").asText());
        assertThat(r.json().get("secret").asText()).isEqualTo(secret);
    }

    @Test
    void a_second_run_is_a_no_op_that_sends_no_write_and_says_the_secret_cannot_be_read_back() {
        assertThat(setup().exitCode()).isZero();
        String id = onlyEndpointFor(URL).get("id").asText();
        stripe.forgetCalls();

        NotifRun.Result r = setup("--secret-file", home.resolve("s").toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(stripe.writes()).isEmpty();
        JsonNode json = r.json();
        assertThat(json.get("actions")).hasSize(1);
        assertThat(json.get("actions").get(0).get("action").asText()).isEqualTo("none");
        assertThat(json.get("endpoint").get("id").asText()).isEqualTo(id);
        assertThat(json.get("secret").isNull()).isTrue();
        assertThat(json.get("secret_note").asText()).contains("cannot read back").contains("Reveal").contains("--recreate")
            .contains("was not written");
        assertThat(Files.exists(home.resolve("s"))).isFalse();
    }

    @Test
    void an_existing_endpoint_gets_exactly_the_allowed_events_and_is_re_enabled_in_place() {
        String id = stripe.addEndpoint(URL, "disabled", LONG_AGO, "charge.failed", "invoice.updated", "charge.refunded");
        NotifRun.Result r = setup();

        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode e = onlyEndpointFor(URL);
        assertThat(e.get("id").asText()).isEqualTo(id);
        assertThat(e.get("status").asText()).isEqualTo("enabled");
        assertThat(events(e)).containsExactlyInAnyOrderElementsOf(FOUR);
        JsonNode action = r.json().get("actions").get(0);
        assertThat(action.get("action").asText()).isEqualTo("update");
        assertThat(action.get("add_events")).extracting(JsonNode::asText)
            .containsExactlyInAnyOrder("customer.subscription.updated", "customer.subscription.deleted");
        assertThat(action.get("remove_events")).extracting(JsonNode::asText).containsExactly("charge.failed");
        assertThat(action.get("enable").asBoolean()).isTrue();
        assertThat(stripe.writes()).hasSize(1);
    }

    @Test
    void a_wildcard_endpoint_is_narrowed_to_the_allowed_events() {
        stripe.addEndpoint(URL, "enabled", LONG_AGO, "*");
        assertThat(setup().exitCode()).isZero();
        assertThat(events(onlyEndpointFor(URL))).containsExactlyInAnyOrderElementsOf(FOUR);
    }

    @Test
    void the_url_matches_whatever_the_host_case_and_trailing_slash() {
        String written = "https://API.Example.com/stripe/";
        String id = stripe.addEndpoint(written, "enabled", LONG_AGO, "charge.refunded");
        NotifRun.Result r = setup();
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(stripe.endpoints()).hasSize(1);
        assertThat(stripe.endpoints().get(0).get("id").asText()).isEqualTo(id);
        assertThat(events(stripe.endpoints().get(0))).containsExactlyInAnyOrderElementsOf(FOUR);
        assertThat(r.json().get("notes").toString()).contains(written);
    }

    @Test
    void dry_run_prints_the_exact_plan_and_sends_no_write() {
        String dup1 = stripe.addEndpoint(URL, "disabled", LONG_AGO, "charge.failed");
        NotifRun.Result r = setup("--dry-run");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(stripe.writes()).isEmpty();
        JsonNode json = r.json();
        assertThat(json.get("dry_run").asBoolean()).isTrue();
        assertThat(json.get("applied").asBoolean()).isFalse();
        JsonNode a = json.get("actions").get(0);
        assertThat(a.get("action").asText()).isEqualTo("update");
        assertThat(a.get("endpoint_id").asText()).isEqualTo(dup1);
        assertThat(a.get("add_events")).hasSize(4);
        assertThat(a.get("remove_events")).extracting(JsonNode::asText).containsExactly("charge.failed");
        assertThat(events(onlyEndpointFor(URL))).containsExactly("charge.failed");
    }

    @Test
    void dry_run_of_a_creation_creates_nothing() {
        NotifRun.Result r = setup("--dry-run", "--secret-file", home.resolve("s").toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.json().get("actions").get(0).get("action").asText()).isEqualTo("create");
        assertThat(stripe.writes()).isEmpty();
        assertThat(stripe.endpoints()).isEmpty();
        assertThat(Files.exists(home.resolve("s"))).isFalse();
    }

    @Test
    void one_endpoint_per_event_is_reported_with_a_plan_and_exit_1_without_writing() {
        for (String event : FOUR) {
            stripe.addEndpoint(URL, "enabled", LONG_AGO, event);
        }
        NotifRun.Result r = setup();
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(stripe.writes()).isEmpty();
        assertThat(stripe.endpointsFor(URL)).hasSize(4);
        JsonNode json = r.json();
        assertThat(json.get("ok").asBoolean()).isFalse();
        assertThat(json.get("problem").asText()).contains("one per event").contains("--prune");
        assertThat(json.get("actions")).extracting(a -> a.get("action").asText())
            .containsExactly("update", "delete", "delete", "delete");
    }

    @Test
    void prune_keeps_one_fixes_it_deletes_the_rest_and_leaves_other_urls_alone() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < FOUR.size(); i++) {
            ids.add(stripe.addEndpoint(URL, "enabled", LONG_AGO + i, FOUR.get(i)));
        }
        String other = stripe.addEndpoint(OTHER, "enabled", LONG_AGO, "charge.refunded");
        NotifRun.Result r = setup("--prune", "--keep", ids.get(0), "--yes");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode kept = onlyEndpointFor(URL);
        assertThat(kept.get("id").asText()).isEqualTo(ids.get(0));
        assertThat(events(kept)).containsExactlyInAnyOrderElementsOf(FOUR);
        assertThat(stripe.endpointsFor(OTHER)).extracting(e -> e.get("id").asText()).containsExactly(other);
        assertThat(stripe.writes().get(0).method()).isEqualTo("POST"); // fix first, then delete
        assertThat(setup().json().get("actions").get(0).get("action").asText()).isEqualTo("none");
    }

    @Test
    void the_blocked_plan_shows_keeping_the_endpoint_that_is_already_right_and_keep_overrides_it() {
        String wrong = stripe.addEndpoint(URL, "enabled", LONG_AGO, "charge.failed");
        String right = stripe.addEndpoint("https://API.EXAMPLE.com/stripe", "enabled", LONG_AGO + 5,
            FOUR.toArray(String[]::new));
        NotifRun.Result dry = setup("--dry-run");
        assertThat(dry.json().get("actions").get(0).get("endpoint_id").asText()).isEqualTo(right);

        NotifRun.Result r = setup("--prune", "--keep", wrong, "--yes");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(stripe.endpoints()).extracting(e -> e.get("id").asText()).containsExactly(wrong);
        assertThat(events(stripe.endpoints().get(0))).containsExactlyInAnyOrderElementsOf(FOUR);
    }

    @Test
    void prune_without_yes_when_not_interactive_is_refused_before_any_write() {
        stripe.addEndpoint(URL, "enabled", LONG_AGO, FOUR.toArray(String[]::new));
        stripe.addEndpoint(URL, "enabled", LONG_AGO + 1, FOUR.toArray(String[]::new));
        NotifRun.Result r = setup("--prune", "--keep", stripe.endpointsFor(URL).get(0).get("id").asText());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("--yes");
        assertThat(stripe.writes()).isEmpty();
    }

    @Test
    void recreate_replaces_the_endpoint_with_a_new_one_and_returns_its_secret() {
        String old = stripe.addEndpoint(URL, "enabled", LONG_AGO, FOUR.toArray(String[]::new));
        NotifRun.Result r = setup("--recreate", "--yes", "--show-secret");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode e = onlyEndpointFor(URL);
        assertThat(e.get("id").asText()).isNotEqualTo(old);
        assertThat(r.json().get("secret").asText()).isEqualTo(stripe.secretOf(e.get("id").asText()));
        assertThat(r.json().get("actions")).extracting(a -> a.get("action").asText()).containsExactly("create", "delete");
    }

    @Test
    void recreate_asks_for_yes_when_not_interactive() {
        stripe.addEndpoint(URL, "enabled", LONG_AGO, FOUR.toArray(String[]::new));
        NotifRun.Result r = setup("--recreate");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(stripe.writes()).isEmpty();
    }

    @Test
    void every_page_of_endpoints_is_read_before_deciding() {
        stripe.pageSize(3);
        for (int i = 0; i < 10; i++) {
            stripe.addEndpoint("https://other" + i + ".example.com/x", "enabled", LONG_AGO + 100 + i, "charge.failed");
        }
        String id = stripe.addEndpoint(URL, "enabled", LONG_AGO, FOUR.toArray(String[]::new)); // oldest: last page
        NotifRun.Result r = setup();
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(stripe.writes()).isEmpty();
        assertThat(r.json().get("endpoint").get("id").asText()).isEqualTo(id);
        assertThat(stripe.calls().stream().filter(c -> c.path().equals("/v1/webhook_endpoints")).count()).isEqualTo(4);
    }

    @Test
    void rate_limits_and_server_errors_are_retried_with_the_same_idempotency_key_and_make_one_endpoint() {
        stripe.inject("POST", "/v1/webhook_endpoints", 1, Fault.RATE_LIMITED)
            .inject("POST", "/v1/webhook_endpoints", 1, Fault.SERVER_ERROR)
            .inject("GET", "/v1/webhook_endpoints", 1, Fault.UNAVAILABLE);
        NotifRun.Result r = setup();
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(stripe.endpoints()).hasSize(1);
        List<FakeStripe.Call> posts = stripe.writes();
        assertThat(posts).hasSize(3);
        assertThat(posts).extracting(FakeStripe.Call::idempotencyKey).allMatch(k -> k.equals(posts.get(0).idempotencyKey()));
    }

    @Test
    void a_creation_whose_answer_was_lost_is_replayed_not_repeated() {
        stripe.inject("POST", "/v1/webhook_endpoints", 1, Fault.ANSWER_LOST);
        Path file = home.resolve("secret");
        NotifRun.Result r = setup("--secret-file", file.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode e = onlyEndpointFor(URL);
        assertThat(stripe.writes()).hasSize(2);
        assertThat(r.json().get("endpoint").get("id").asText()).isEqualTo(e.get("id").asText());
        assertThat(file).hasContent(stripe.secretOf(e.get("id").asText()));
    }

    @Test
    void the_idempotency_key_is_the_same_across_runs_for_the_same_account_url_and_events() {
        setup();
        String first = stripe.writes().get(0).idempotencyKey();
        stripe.deleteEndpoint(stripe.endpoints().get(0).get("id").asText());
        stripe.forgetCalls();
        // the same key is replayed by Stripe for a deleted endpoint: notif notices and creates a new one
        NotifRun.Result r = setup();
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(stripe.writes().get(0).idempotencyKey()).isEqualTo(first);
        JsonNode e = onlyEndpointFor(URL);
        assertThat(r.json().get("endpoint").get("id").asText()).isEqualTo(e.get("id").asText());
        assertThat(r.json().get("actions").get(0).get("endpoint_id").asText()).isEqualTo(e.get("id").asText());
    }

    @Test
    void connection_resets_are_retried() {
        stripe.inject("GET", "/v1/webhook_endpoints", 2, Fault.RESET).inject("POST", "/v1/webhook_endpoints", 1,
            Fault.RESET);
        NotifRun.Result r = setup();
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(stripe.endpoints()).hasSize(1);
    }

    @Test
    void stripe_failing_after_retries_exits_4_with_the_request_id() {
        stripe.inject("GET", "/v1/webhook_endpoints", 100, Fault.UNAVAILABLE);
        NotifRun.Result r = setup();
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
        assertThat(r.err()).containsPattern("notif: .*request req_").contains("hint: ");
        assertThat(r.err()).doesNotContain("Exception\n\tat");
        assertThat(stripe.writes()).isEmpty();
        // every retry was shown on stderr as it came: what, why, which attempt, how soon
        assertThat(r.err()).containsPattern("GET [^ ]+/v1/webhook_endpoints: HTTP 503; attempt 2 of 4 in \\d+ ms")
            .contains("attempt 3 of 4", "attempt 4 of 4").doesNotContain("attempt 5");
    }

    @Test
    void stripe_unreachable_exits_4() throws Exception {
        String base = stripe.apiBase();
        stripe.close();
        NotifRun.Result r = NotifRun.in(home).env("STRIPE_API_KEY", FakeStripe.KEY)
            .run("setup", "stripe", "--url", URL, "--api-base", base);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
        assertThat(r.err()).contains("could not be reached");
    }

    @Test
    void a_rejected_key_exits_3_with_the_hint_to_set_stripe_api_key() {
        NotifRun.Result r = run("sk_test_51NotAValidKeyAtAll00000000x999");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).contains("rejected the API key sk_test_****x999").contains("hint: set STRIPE_API_KEY");
        assertThat(r.err()).doesNotContain("51NotAValidKey");
    }

    @Test
    void a_missing_key_exits_3() {
        NotifRun.Result r = run(null);
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("STRIPE_API_KEY");
        assertThat(stripe.calls()).isEmpty();
    }

    @Test
    void a_restricted_key_without_webhook_write_is_explained_and_exits_3() {
        NotifRun.Result r = run(FakeStripe.READ_ONLY_KEY);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).contains("rak_webhook_write").contains("restricted key");
        assertThat(stripe.endpoints()).isEmpty();
    }

    @Test
    void an_http_url_with_a_live_key_is_refused_before_any_request() {
        NotifRun.Result r = NotifRun.in(home).env("STRIPE_API_KEY", FakeStripe.LIVE_KEY)
            .run("setup", "stripe", "--url", "http://api.example.com/stripe", "--api-base", stripe.apiBase());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("live");
        assertThat(stripe.calls()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"http://[fe80::1]:8080/stripe,fe80::1", "http://169.254.10.20:8080/stripe,169.254.10.20",
        "http://0.0.0.0:8080/stripe,0.0.0.0", "https://[fd00::1]/stripe,fd00::1"})
    void a_link_local_or_private_host_gets_the_note_that_stripe_cannot_reach_it(String url, String host) {
        NotifRun.Result r = NotifRun.in(home).env("STRIPE_API_KEY", FakeStripe.KEY)
            .run("setup", "stripe", "--url", url, "--api-base", stripe.apiBase(), "--dry-run", "--json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.json().get("notes").toString()).contains(host + " is not reachable from Stripe's servers");
    }

    @Test
    void live_mode_is_shown_prominently() {
        NotifRun.Result r = NotifRun.in(home).env("STRIPE_API_KEY", FakeStripe.LIVE_KEY)
            .run("setup", "stripe", "--url", URL, "--api-base", stripe.apiBase(), "--dry-run");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("Stripe LIVE MODE");
    }

    @Test
    void a_failure_after_the_creation_still_reports_the_new_endpoint_and_its_secret() {
        String old = stripe.addEndpoint(URL, "enabled", LONG_AGO, FOUR.toArray(String[]::new));
        stripe.inject("DELETE", "/v1/webhook_endpoints/", 100, Fault.UNAVAILABLE);
        Path file = home.resolve("secret");
        NotifRun.Result r = setup("--recreate", "--yes", "--secret-file", file.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
        JsonNode json = r.json();
        String created = json.get("endpoint").get("id").asText();
        assertThat(created).isNotEqualTo(old);
        assertThat(file).hasContent(stripe.secretOf(created));
        assertThat(json.get("error").get("hint").asText()).contains("delete " + old);
    }

    @Test
    void an_unwritable_secret_file_is_refused_before_anything_is_created() {
        NotifRun.Result r = setup("--secret-file", home.resolve("no/such/dir/secret").toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(stripe.calls()).isEmpty();
    }

    /** Issue 11: two runs at once, each with its own spelling of the URL, make one endpoint, and both succeed. */
    @Test
    void two_concurrent_runs_with_two_spellings_of_one_url_create_one_endpoint() {
        NotifRun.Result first = setup();
        assertThat(first.exitCode()).as(first.toString()).isZero();
        // the second run read the endpoints before the first one's creation landed: it plans a creation too
        stripe.inject("GET", "/v1/webhook_endpoints", 1, Fault.STALE);
        String spelled = URL.replace("https://", "HTTPS://").replaceFirst("(://[^/]+)", "$1:443").toUpperCase()
            .replace("/STRIPE", "/stripe") + "/";
        NotifRun.Result second = NotifRun.in(home).env("STRIPE_API_KEY", FakeStripe.KEY).run("setup", "stripe", "--url",
            spelled, "--api-base", stripe.apiBase(), "--json");
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(stripe.endpoints()).hasSize(1);
        assertThat(second.json().at("/endpoint/id").asText()).isEqualTo(first.json().at("/endpoint/id").asText());
        assertThat(second.err()).contains("another notif run created");
        assertThat(stripe.writes().stream().filter(c -> c.path().equals("/v1/webhook_endpoints")).map(c -> c.idempotencyKey())
            .distinct()).hasSize(1);
    }
}
