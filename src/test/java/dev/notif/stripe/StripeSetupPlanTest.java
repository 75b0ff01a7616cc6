package dev.notif.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.notif.core.NotifException;
import java.util.List;
import org.junit.jupiter.api.Test;

class StripeSetupPlanTest {
    static final String URL = "https://api.example.com/stripe";
    static final List<String> FOUR = StripeEvents.allowed(false);

    static StripeEndpoint endpoint(String id, String url, String status, long created, String... events) {
        return new StripeEndpoint(id, url, status, List.of(events), null, created);
    }

    static StripeSetupPlan plan(List<StripeEndpoint> all, boolean prune, boolean recreate, String keep) {
        return StripeSetupPlan.of(all, new StripeSetupPlan.Wish(URL, FOUR, prune, recreate, keep));
    }

    static StripeSetupPlan plan(StripeEndpoint... all) {
        return plan(List.of(all), false, false, null);
    }

    @Test
    void no_endpoint_for_the_url_means_one_creation_with_the_allowed_events() {
        StripeSetupPlan p = plan(endpoint("we_o", "https://other.example.com/stripe", "enabled", 1, "charge.refunded"));
        assertThat(p.matches()).isEmpty();
        assertThat(p.actions()).singleElement().satisfies(a -> {
            assertThat(a.action()).isEqualTo("create");
            assertThat(a.endpointId()).isNull();
            assertThat(a.addEvents()).isEqualTo(FOUR);
        });
    }

    @Test
    void an_exact_enabled_endpoint_needs_nothing() {
        StripeSetupPlan p = plan(endpoint("we_1", URL, "enabled", 1, FOUR.toArray(String[]::new)));
        assertThat(p.noop()).isTrue();
        assertThat(p.actions()).singleElement().extracting(StripeSetupPlan.Action::action).isEqualTo("none");
    }

    @Test
    void event_order_does_not_matter() {
        List<String> reversed = new java.util.ArrayList<>(FOUR);
        java.util.Collections.reverse(reversed);
        assertThat(plan(endpoint("we_1", URL, "enabled", 1, reversed.toArray(String[]::new))).noop()).isTrue();
    }

    @Test
    void a_disabled_endpoint_with_other_events_is_updated_with_the_difference_and_re_enabled() {
        StripeSetupPlan p = plan(endpoint("we_1", URL, "disabled", 1, "charge.refunded", "charge.failed", "*"));
        StripeSetupPlan.Action a = p.actions().get(0);
        assertThat(a.action()).isEqualTo("update");
        assertThat(a.addEvents()).containsExactly("customer.subscription.updated", "customer.subscription.deleted",
            "invoice.updated");
        assertThat(a.removeEvents()).containsExactly("charge.failed", "*");
        assertThat(a.enable()).isTrue();
    }

    @Test
    void urls_are_compared_normalised_and_other_urls_never_appear() {
        StripeSetupPlan p = plan(endpoint("we_1", "HTTPS://API.EXAMPLE.COM:443/stripe/", "enabled", 1, "charge.refunded"),
            endpoint("we_2", "https://api.example.com/stripe/v2", "enabled", 1, "charge.refunded"),
            endpoint("we_3", "http://api.example.com/stripe", "enabled", 1, "charge.refunded"));
        assertThat(p.matches()).extracting(StripeEndpoint::id).containsExactly("we_1");
        assertThat(p.actions()).extracting(StripeSetupPlan.Action::endpointId).containsExactly("we_1");
    }

    @Test
    void several_endpoints_are_blocked_without_prune_and_the_plan_shows_what_prune_would_do() {
        StripeSetupPlan p = plan(endpoint("we_a", URL, "enabled", 1, "charge.refunded"),
            endpoint("we_b", URL, "enabled", 2, "invoice.updated"));
        assertThat(p.blocked()).contains("one per event");
        assertThat(p.onePerEvent()).isTrue();
        assertThat(p.actions()).extracting(StripeSetupPlan.Action::action).containsExactly("update", "delete");
    }

    @Test
    void prune_keeps_the_right_one_then_the_enabled_one_then_the_fewest_changes_then_the_oldest() {
        StripeEndpoint right = endpoint("we_right", URL, "enabled", 9, FOUR.toArray(String[]::new));
        StripeEndpoint disabledRight = endpoint("we_dis", URL, "disabled", 1, FOUR.toArray(String[]::new));
        StripeEndpoint close = endpoint("we_close", URL, "enabled", 5, "charge.refunded", "invoice.updated",
            "customer.subscription.updated");
        StripeEndpoint far = endpoint("we_far", URL, "enabled", 2, "charge.failed");
        StripeEndpoint older = endpoint("we_older", URL, "enabled", 1, "charge.failed");

        assertThat(plan(List.of(disabledRight, close, right), true, false, null).kept()).isEqualTo(right);
        assertThat(plan(List.of(disabledRight, close), true, false, null).kept()).isEqualTo(close);
        assertThat(plan(List.of(far, close), true, false, null).kept()).isEqualTo(close);
        assertThat(plan(List.of(far, older), true, false, null).kept()).isEqualTo(older);
        assertThat(plan(List.of(far, older), true, false, "we_far").kept()).isEqualTo(far);
    }

    @Test
    void prune_fixes_the_kept_endpoint_before_deleting_the_others() {
        StripeSetupPlan p = plan(List.of(endpoint("we_a", URL, "enabled", 1, "charge.refunded"),
            endpoint("we_b", URL, "enabled", 2, "invoice.updated"),
            endpoint("we_c", URL, "enabled", 3, "customer.subscription.updated")), true, false, null);
        assertThat(p.blocked()).isNull();
        assertThat(p.actions()).extracting(a -> a.action() + " " + a.endpointId())
            .containsExactly("update we_a", "delete we_b", "delete we_c");
    }

    @Test
    void recreate_creates_first_then_deletes_every_endpoint_for_the_url() {
        StripeSetupPlan p = plan(List.of(endpoint("we_a", URL, "enabled", 1, FOUR.toArray(String[]::new))), false, true,
            null);
        assertThat(p.actions()).extracting(a -> a.action() + " " + a.endpointId())
            .containsExactly("create null", "delete we_a");
        assertThat(p.actions().get(0).reason()).isEqualTo("--recreate: a new endpoint with a new signing secret replaces we_a")
            .doesNotContain("no endpoint");
        assertThat(p.kept()).isNull();
    }

    @Test
    void keep_must_name_an_endpoint_for_the_url() {
        assertThatThrownBy(() -> plan(List.of(endpoint("we_a", URL, "enabled", 1, "charge.refunded")), true, false,
            "we_zzz")).isInstanceOf(NotifException.class).hasMessageContaining("we_zzz");
    }
}
