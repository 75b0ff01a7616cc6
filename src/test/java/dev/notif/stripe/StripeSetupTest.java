package dev.notif.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.notif.core.Http;
import dev.notif.core.NotifException;
import dev.notif.core.RetryPolicy;
import dev.notif.testing.FakeStripe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The confirmation step, which the command-line tests cannot reach (they never run on a terminal). */
class StripeSetupTest {
    static final String URL = "https://api.example.com/stripe";
    final FakeStripe stripe = new FakeStripe();
    final List<String> questions = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        stripe.close();
    }

    StripeSetup setup(boolean answer) {
        RetryPolicy policy = new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(2));
        StripeAccount account = new StripeAccount(StripeKey.parse(FakeStripe.KEY), stripe.apiBase(),
            Http.apiClient(Duration.ofSeconds(5), policy));
        return new StripeSetup(account, new StripeSetup.Ui() {
            @Override
            public void progress(String line) {
            }

            @Override
            public boolean interactive() {
                return true;
            }

            @Override
            public boolean confirm(String question) {
                questions.add(question);
                return answer;
            }
        }, null);
    }

    static StripeSetup.Request prune(String keep) {
        return new StripeSetup.Request(URL, false, false, true, false, keep, false, null, false, null, null, null);
    }

    @Test
    void on_a_terminal_deletions_are_asked_for_and_a_no_changes_nothing() {
        String a = stripe.addEndpoint(URL, "enabled", 1, "charge.refunded");
        String b = stripe.addEndpoint(URL, "enabled", 2, "invoice.updated");
        assertThatThrownBy(() -> setup(false).run(prune(a))).isInstanceOf(NotifException.class)
            .hasMessageContaining("cancelled");
        assertThat(questions).singleElement().asString().contains("deletes " + b);
        assertThat(stripe.writes()).isEmpty();
        assertThat(stripe.endpointsFor(URL)).hasSize(2);
    }

    @Test
    void on_a_terminal_a_yes_prunes() {
        String a = stripe.addEndpoint(URL, "enabled", 1, "charge.refunded");
        stripe.addEndpoint(URL, "enabled", 2, "invoice.updated");
        SetupStripeResult r = setup(true).run(prune(a));
        assertThat(r.ok()).isTrue();
        assertThat(stripe.endpointsFor(URL)).extracting(e -> e.get("id").asText()).containsExactly(a);
    }

    @Test
    void an_update_needs_no_confirmation() {
        stripe.addEndpoint(URL, "disabled", 1, "charge.refunded");
        assertThat(setup(false).run(prune(null)).ok()).isTrue();
        assertThat(questions).isEmpty();
    }

    @Test
    void without_evidence_prune_deletes_nothing_and_asks_nothing() {
        stripe.addEndpoint(URL, "enabled", 1, "charge.refunded");
        stripe.addEndpoint(URL, "enabled", 2, "invoice.updated");
        SetupStripeResult r = setup(true).run(prune(null));
        assertThat(r.ok()).isFalse();
        assertThat(r.problem()).contains("--prune deletes none of them").contains("cannot be told");
        assertThat(questions).isEmpty();
        assertThat(stripe.writes()).isEmpty();
    }
}
