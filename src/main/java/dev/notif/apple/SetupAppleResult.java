package dev.notif.apple;

import dev.notif.apple.AppStoreConnect.App;
import dev.notif.apple.AppStoreConnect.Endpoint;
import dev.notif.output.PlanAction;
import dev.notif.output.Result;
import dev.notif.output.Text;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of {@code notif setup apple}: the app, its notification settings before and after, and the plan:
 * one action per environment set, {@code update} or {@code none} (a second run changes nothing).
 */
public record SetupAppleResult(boolean ok, String store, String bundleId, String appId, String appName,
                               boolean dryRun, boolean changed, List<PlanAction> actions, Map<String, Endpoint> before,
                               Map<String, Endpoint> after, String next) implements Result {

    /** What setup apple sets, and what it does not (App Store Connect's own webhooks are another thing). */
    public static final String SETS = "sets the App Store Server Notifications URLs (App Information), not the App Store"
        + " Connect API webhooks (Users and Access > Integrations)";

    public static SetupAppleResult of(App before, App after, List<PlanAction> actions, boolean dryRun) {
        String next = "notif check apple --bundle-id " + before.bundleId()
            + " (asks Apple for a test notification in each environment and reads its delivery history)";
        return new SetupAppleResult(true, "apple", before.bundleId(), before.id(), before.name(), dryRun,
            !dryRun && actions.stream().anyMatch(PlanAction::writes), List.copyOf(actions), settings(before),
            settings(after), next);
    }

    private static Map<String, Endpoint> settings(App app) {
        Map<String, Endpoint> m = new LinkedHashMap<>();
        m.put(AppleEnvironment.PRODUCTION.word(), app.production());
        m.put(AppleEnvironment.SANDBOX.word(), app.sandbox());
        return m;
    }

    @Override
    public void printText(Text out) {
        out.line(out.bold("App Store Server Notifications of " + (appName == null ? bundleId : "\"" + appName + "\"")
            + " (" + bundleId + ", app " + appId + ")"));
        out.line(out.dim("  " + SETS));
        List<List<String>> rows = new ArrayList<>();
        for (String env : before.keySet()) {
            for (String field : List.of("url", "version")) {
                String was = value(before.get(env), field);
                String now = value(after.get(env), field);
                boolean changes = !was.equals(now);
                rows.add(List.of(env, field, was, changes ? out.yellow(now) : now, changes ? out.status("update")
                    : out.status("none")));
            }
        }
        out.table(List.of("environment", "field", "before", "after", "action"), rows);
        int changes = actions.stream().mapToInt(a -> a.changes().size()).sum();
        if (changes == 0) {
            out.line(out.green("already set: nothing to change"));
        } else if (dryRun) {
            out.line(out.yellow("dry run: " + changes + " change(s) planned, nothing sent to App Store Connect"));
        } else {
            out.line(out.green("updated: " + changes + " change(s) applied"));
        }
        out.line("next: " + next);
    }

    private static String value(Endpoint e, String field) {
        String v = e == null ? null : field.equals("url") ? e.url() : e.version();
        return v == null ? "(none)" : v;
    }
}
