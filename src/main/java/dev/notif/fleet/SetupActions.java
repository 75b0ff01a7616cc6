package dev.notif.fleet;

import dev.notif.apple.AppleSetupPlan;
import dev.notif.apple.SetupAppleResult;
import dev.notif.google.SetupGoogleResult;
import dev.notif.output.Result;
import dev.notif.stripe.SetupStripeResult;
import dev.notif.stripe.StripeSetupPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The steps of a store's {@code setup} result in one shape for the plan of every app: create, update, delete,
 * none (already as wanted) or skip, on a resource, with the changes in words. Read from the store's own result
 * record; nothing is planned here.
 */
public final class SetupActions {
    public static final List<String> WRITES = List.of("create", "update", "delete");

    /** One step: {@code action} on {@code resource} named {@code name}, with what changes. */
    public record Action(String action, String resource, String name, List<String> changes) {
        public boolean writes() {
            return WRITES.contains(action);
        }
    }

    private SetupActions() {
    }

    public static List<Action> of(Result setup) {
        if (setup instanceof SetupStripeResult s) {
            return stripe(s);
        }
        if (setup instanceof SetupAppleResult a) {
            return apple(a);
        }
        if (setup instanceof SetupGoogleResult g) {
            return g.actions().stream().map(x -> new Action(x.action(), x.resource(), x.name(),
                x.cause() == null ? x.changes() : List.of(x.cause()))).toList();
        }
        throw new IllegalArgumentException("not a setup result: " + setup.getClass().getSimpleName());
    }

    private static List<Action> stripe(SetupStripeResult s) {
        List<Action> out = new ArrayList<>();
        for (StripeSetupPlan.Action a : s.actions()) {
            List<String> changes = new ArrayList<>();
            if (a.action().equals("create")) {
                changes.add(a.addEvents().size() + " events: " + String.join(", ", a.addEvents()));
            } else {
                if (!a.addEvents().isEmpty()) {
                    changes.add("add " + String.join(", ", a.addEvents()));
                }
                if (!a.removeEvents().isEmpty()) {
                    changes.add("remove " + String.join(", ", a.removeEvents()));
                }
                if (a.enable()) {
                    changes.add("re-enable");
                }
            }
            if (a.reason() != null) {
                changes.add(a.reason());
            }
            out.add(new Action(a.action(), "webhook endpoint", a.endpointId() != null ? a.endpointId()
                : Objects.requireNonNullElse(a.url(), s.url()), changes));
        }
        return out;
    }

    private static List<Action> apple(SetupAppleResult a) {
        Map<String, List<String>> byEnv = new LinkedHashMap<>();
        for (AppleSetupPlan.Change c : a.changes()) {
            byEnv.computeIfAbsent(c.environment(), k -> new ArrayList<>()).add(c.field() + ": "
                + (c.before() == null ? "(none)" : c.before()) + " -> " + c.after());
        }
        List<Action> out = new ArrayList<>();
        for (String env : a.after().keySet()) {
            List<String> changes = byEnv.get(env);
            out.add(new Action(changes == null ? "none" : "update", "notification settings (" + env + ")",
                a.bundleId(), changes == null ? List.of("as wanted") : changes));
        }
        return out;
    }
}
