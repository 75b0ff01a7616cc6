package dev.notif.apple;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notif.apple.AppStoreConnect.App;
import dev.notif.apple.AppStoreConnect.Endpoint;
import dev.notif.output.PlanAction;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code (the app's settings, the wanted ones) -> changes, actions, PATCH}: Apple's setup plan without App Store
 * Connect. A setting is written {@code URL VERSION}, {@code -} for nothing set, and a wanted one {@code keep} for an
 * environment left alone.
 */
class AppleSetupPlanTest {
    static final String A = "https://a.example.com/apple";
    static final String B = "https://b.example.com/apple";

    static Endpoint endpoint(String s) {
        if (s.equals("-")) {
            return new Endpoint(null, null);
        }
        String[] p = s.split(" ");
        return new Endpoint(p[0].replace("A", A).replace("B", B), p[1]);
    }

    static Endpoint wanted(String s) {
        return s.equals("keep") ? null : endpoint(s);
    }

    @ParameterizedTest(name = "[{index}] have {0} / {1}, want {2} / {3}")
    @CsvSource(delimiter = '|', value = {
        // have production | have sandbox | want production | want sandbox | changes | actions | PATCH carries
        "-|-|A V2|A V2|production url: (none) -> A, production version: (none) -> V2, sandbox url: (none) -> A, sandbox version: (none) -> V2|update update|production sandbox",
        "A V2|A V2|A V2|A V2||none none|",
        "A V1|A V2|A V2|A V2|production version: V1 -> V2|update none|production",
        "A V2|B V2|A V2|A V2|sandbox url: B -> A|none update|sandbox",
        "A V2|B V2|keep|A V2|sandbox url: B -> A|update|sandbox",
        "A V2|-|A V2|keep||none|",
        "B V1|B V1|keep|keep|||",
    })
    void the_plan_changes_only_what_differs(String haveProduction, String haveSandbox, String wantProduction,
                                            String wantSandbox, String changes, String actions, String patch) {
        App app = new App("123", "Game", "com.example.game", endpoint(haveProduction), endpoint(haveSandbox));
        AppleSetupPlan.Wanted wanted = new AppleSetupPlan.Wanted(wanted(wantProduction), wanted(wantSandbox));

        List<AppleSetupPlan.Change> plan = AppleSetupPlan.plan(app, wanted);
        assertThat(String.join(", ", plan.stream().map(c -> c.environment() + " " + c.field() + ": "
            + (c.before() == null ? "(none)" : c.before()) + " -> " + c.after()).toList()).replace(A, "A").replace(B, "B"))
            .isEqualTo(changes == null ? "" : changes);

        List<PlanAction> steps = AppleSetupPlan.actions(plan, wanted, false);
        assertThat(String.join(" ", steps.stream().map(PlanAction::action).toList()))
            .isEqualTo(actions == null ? "" : actions);
        assertThat(steps).allSatisfy(s -> {
            assertThat(s.resource()).isEqualTo("notification URL");
            assertThat(s.applied()).isEqualTo(s.action().equals(PlanAction.NONE));
            assertThat(s.reason()).isEqualTo(s.changes().isEmpty() ? "already set"
                : "differs from the wanted URL and version");
        });

        AppleSetupPlan.Wanted body = AppleSetupPlan.patch(plan, wanted);
        String carried = (body.production() == null ? "" : "production ") + (body.sandbox() == null ? "" : "sandbox");
        assertThat(carried.strip()).isEqualTo(patch == null ? "" : patch);

        App after = AppleSetupPlan.applied(app, wanted);
        assertThat(AppleSetupPlan.plan(after, wanted)).as("a second run changes nothing").isEmpty();
        assertThat(after.production()).isEqualTo(wanted.production() == null ? app.production() : wanted.production());
    }

    @org.junit.jupiter.api.Test
    void an_applied_plan_says_so_and_each_action_names_its_environment_url_and_version() {
        App app = new App("123", "Game", "com.example.game", endpoint("A V1"), endpoint("-"));
        AppleSetupPlan.Wanted wanted = new AppleSetupPlan.Wanted(endpoint("A V2"), endpoint("B V2"));
        List<PlanAction> steps = AppleSetupPlan.actions(AppleSetupPlan.plan(app, wanted), wanted, true);
        assertThat(steps).extracting(PlanAction::name).containsExactly("production", "sandbox");
        assertThat(steps).allSatisfy(s -> assertThat(s.applied()).isTrue());
        assertThat(steps.get(1).fields()).containsEntry("environment", "sandbox").containsEntry("url", B)
            .containsEntry("version", "V2");
        assertThat(steps.get(1).changes()).containsExactly("url: (none) -> " + B, "version: (none) -> V2");
    }
}
