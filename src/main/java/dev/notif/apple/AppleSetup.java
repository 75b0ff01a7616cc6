package dev.notif.apple;

import dev.notif.apple.AppStoreConnect.App;
import dev.notif.core.NotifException;
import java.util.List;

/**
 * {@code setup apple}: read the app by bundle id, plan the changes to its notification URLs and versions, apply
 * them with one PATCH unless it is a dry run or there is nothing to change.
 */
public final class AppleSetup {
    private final AppStoreConnect asc;

    public AppleSetup(AppStoreConnect asc) {
        this.asc = asc;
    }

    public SetupAppleResult run(String bundleId, String keyId, AppleSetupPlan.Wanted wanted, boolean dryRun) {
        App app = asc.findApp(bundleId);
        if (app == null) {
            throw NotifException.usage("App Store Connect has no app with bundle id " + bundleId + " in the team of key "
                    + keyId, "check the bundle id (App Store Connect > the app > App Information > Bundle ID) and that"
                    + " the App Store Connect API key belongs to that app's team");
        }
        List<AppleSetupPlan.Change> changes = AppleSetupPlan.plan(app, wanted);
        App after = AppleSetupPlan.applied(app, wanted);
        if (!dryRun && !changes.isEmpty()) {
            AppleSetupPlan.Wanted patch = AppleSetupPlan.patch(changes, wanted);
            after = asc.update(app.id(), patch.production(), patch.sandbox());
            List<AppleSetupPlan.Change> left = AppleSetupPlan.plan(after, wanted);
            if (!left.isEmpty()) {
                throw NotifException.unavailable("App Store Connect accepted the change but still reports "
                    + left.get(0).environment() + " " + left.get(0).field() + " = " + left.get(0).before(),
                    "run the command again in a minute; if it persists, set the URL in App Store Connect > the app >"
                        + " App Information > App Store Server Notifications", null);
            }
        }
        return SetupAppleResult.of(app, after, AppleSetupPlan.actions(changes, wanted, !dryRun), dryRun);
    }
}
