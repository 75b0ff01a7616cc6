package dev.notif.apple;

import dev.notif.apple.AppStoreConnect.App;
import dev.notif.apple.AppStoreConnect.Endpoint;
import dev.notif.core.ExitCode;
import dev.notif.core.NotifException;
import dev.notif.core.Prompt;
import dev.notif.probe.HttpProbe;
import dev.notif.probe.NetworkVerdicts;
import dev.notif.probe.Outcome;
import dev.notif.probe.Verdict;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code setup apple}: read the app by bundle id, plan the changes to its notification URLs and versions, apply
 * them with one PATCH unless it is a dry run or there is nothing to change. Two safeties come first: a URL about to
 * be set is probed (one POST, no redirect followed, as Apple sends) and one that redirects is refused unless forced
 * (Apple does not follow redirects); replacing the production URL the app already has (every live notification
 * goes there) asks first on a terminal and needs {@code yes} otherwise.
 */
public final class AppleSetup {
    /** What was asked: {@code yes} confirms replacing the production URL; {@code force} sets a URL Apple cannot use. */
    public record Request(String bundleId, String keyId, AppleSetupPlan.Wanted wanted, boolean dryRun, boolean yes,
                          boolean force) {
    }

    private final AppStoreConnect asc;
    private final HttpProbe probe;
    private final Prompt prompt;
    private final Consumer<String> warn;

    public AppleSetup(AppStoreConnect asc, HttpProbe probe, Prompt prompt, Consumer<String> warn) {
        this.asc = asc;
        this.probe = probe;
        this.prompt = prompt;
        this.warn = warn;
    }

    public SetupAppleResult run(Request r) {
        App app = asc.findApp(r.bundleId());
        if (app == null) {
            throw NotifException.usage("App Store Connect has no app with bundle id " + r.bundleId()
                    + " in the team of key " + r.keyId(), "check the bundle id (App Store Connect > the app > App"
                    + " Information > Bundle ID) and that the App Store Connect API key belongs to that app's team");
        }
        AppleSetupPlan.Wanted wanted = r.wanted();
        List<AppleSetupPlan.Change> changes = AppleSetupPlan.plan(app, wanted);
        App after = AppleSetupPlan.applied(app, wanted);
        for (String url : newUrls(changes)) {
            redirects(url, r.force());
        }
        String replaced = replacedProduction(app, changes);
        if (replaced != null && r.dryRun()) {
            warn.accept("applying this replaces the production URL " + replaced + ", where Apple delivers every live"
                + " notification: it asks first on a terminal, and needs --yes otherwise");
        }
        if (!r.dryRun() && !changes.isEmpty()) {
            if (replaced != null) {
                confirm(r, replaced, wanted.production().url());
            }
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
        return SetupAppleResult.of(app, after, AppleSetupPlan.actions(changes, wanted, !r.dryRun(), replaced),
            r.dryRun());
    }

    /** The production URL this plan replaces (one the app has and the plan changes), or null. */
    static String replacedProduction(App app, List<AppleSetupPlan.Change> changes) {
        boolean changesUrl = changes.stream().anyMatch(c -> c.environment().equals(AppleEnvironment.PRODUCTION.word())
            && c.field().equals("url"));
        Endpoint have = app.production();
        return changesUrl && have != null && have.configured() ? have.url() : null;
    }

    private static Set<String> newUrls(List<AppleSetupPlan.Change> changes) {
        Set<String> urls = new LinkedHashSet<>();
        changes.stream().filter(c -> c.field().equals("url") && c.after() != null).forEach(c -> urls.add(c.after()));
        return urls;
    }

    /** A URL that answers a redirect is refused unless forced; one that does not answer here is said, not refused. */
    private void redirects(String url, boolean force) {
        Outcome o = probe.post(url, Map.of(), "{}".getBytes(StandardCharsets.UTF_8), "application/json");
        if (!o.answered()) {
            Verdict v = NetworkVerdicts.of(o.failure(), "Apple");
            warn.accept("could not reach " + url + " from here (" + v.cause() + "): whether Apple can deliver to it,"
                + " and whether it redirects, cannot be told");
            return;
        }
        if (o.status() < 300 || o.status() >= 400) {
            return;
        }
        Verdict v = NetworkVerdicts.redirect(o.status(), o.header("location"), "Apple");
        if (!force) {
            throw NotifException.usage(url + ": " + v.cause(), v.fix() + " (--force sets it anyway)");
        }
        warn.accept(url + ": " + v.cause() + " (set anyway: --force)");
    }

    /** Replacing a production URL: --yes, or a yes on a terminal; never silently. */
    private void confirm(Request r, String before, String after) {
        if (r.yes()) {
            return;
        }
        String what = "this replaces the production notification URL " + before + " with " + after
            + " (Apple delivers every live notification there)";
        if (!prompt.interactive()) {
            throw NotifException.usage(what + ": confirm with --yes (notif never prompts when stdin is not a terminal"
                + " or CI is set)", "review it with notif setup apple --bundle-id " + r.bundleId() + " --url " + after
                + " --dry-run, then rerun with --yes");
        }
        if (!prompt.confirm(what + ". Go ahead?")) {
            throw new NotifException(ExitCode.FINDINGS, "cancelled: nothing was changed",
                "review it with notif setup apple --bundle-id " + r.bundleId() + " --url " + after + " --dry-run");
        }
    }
}
