package dev.notif.apple;

import dev.notif.apple.AppStoreConnect.App;
import dev.notif.apple.AppStoreConnect.Endpoint;
import dev.notif.output.PlanAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What {@code setup apple} must change: a pure function of the app's current settings and the wanted ones.
 * An environment left null is not touched; an empty plan means the app is already set (a second run is a no-op).
 */
public final class AppleSetupPlan {
    private AppleSetupPlan() {
    }

    /** The wanted settings; null leaves an environment as it is. */
    public record Wanted(Endpoint production, Endpoint sandbox) {
        public Endpoint of(AppleEnvironment env) {
            return env == AppleEnvironment.PRODUCTION ? production : sandbox;
        }
    }

    /** One field to change in one environment. */
    public record Change(String environment, String field, String before, String after) {
    }

    public static List<Change> plan(App app, Wanted wanted) {
        List<Change> changes = new ArrayList<>();
        for (AppleEnvironment env : AppleEnvironment.values()) {
            Endpoint want = wanted.of(env);
            if (want == null) {
                continue;
            }
            Endpoint have = app.endpoint(env);
            if (!Objects.equals(have.url(), want.url())) {
                changes.add(new Change(env.word(), "url", have.url(), want.url()));
            }
            if (!Objects.equals(have.version(), want.version())) {
                changes.add(new Change(env.word(), "version", have.version(), want.version()));
            }
        }
        return changes;
    }

    /**
     * The plan in the shape every setup shares: one action per environment set ({@code update} or {@code none}) on
     * its notification URL, the changed fields in words, and the wanted {@code url} and {@code version}.
     */
    public static List<PlanAction> actions(List<Change> changes, Wanted wanted, boolean applied) {
        return actions(changes, wanted, applied, null);
    }

    /** The same, the production action saying that it replaces the URL {@code replaced} (null: it replaces none). */
    public static List<PlanAction> actions(List<Change> changes, Wanted wanted, boolean applied, String replaced) {
        List<PlanAction> actions = new ArrayList<>();
        for (AppleEnvironment env : AppleEnvironment.values()) {
            Endpoint want = wanted.of(env);
            if (want == null) {
                continue;
            }
            List<String> words = changes.stream().filter(c -> c.environment().equals(env.word()))
                .map(c -> c.field() + ": " + (c.before() == null ? "(none)" : c.before()) + " -> " + c.after())
                .toList();
            String action = words.isEmpty() ? PlanAction.NONE : PlanAction.UPDATE;
            actions.add(PlanAction.of(action, "notification URL", env.word(), words,
                    words.isEmpty() ? "already set" : replaced != null && env == AppleEnvironment.PRODUCTION
                        ? "replaces the production URL " + replaced + " (needs --yes or a yes on a terminal)"
                        : "differs from the wanted URL and version")
                .applied(applied || words.isEmpty()).field("environment", env.word()).field("url", want.url())
                .field("version", want.version()));
        }
        return actions;
    }

    /** The app as it will be once the plan is applied. */
    public static App applied(App app, Wanted wanted) {
        return new App(app.id(), app.name(), app.bundleId(),
            wanted.production() == null ? app.production() : wanted.production(),
            wanted.sandbox() == null ? app.sandbox() : wanted.sandbox());
    }

    /** The endpoints the PATCH must carry: only environments that change (both fields, as the API pairs them). */
    public static Wanted patch(List<Change> changes, Wanted wanted) {
        boolean production = changes.stream().anyMatch(c -> c.environment().equals(AppleEnvironment.PRODUCTION.word()));
        boolean sandbox = changes.stream().anyMatch(c -> c.environment().equals(AppleEnvironment.SANDBOX.word()));
        return new Wanted(production ? wanted.production() : null, sandbox ? wanted.sandbox() : null);
    }
}
