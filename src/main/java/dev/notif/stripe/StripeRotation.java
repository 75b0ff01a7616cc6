package dev.notif.stripe;

import dev.notif.core.NotifException;
import dev.notif.core.Progress;
import dev.notif.core.SecretFiles;
import dev.notif.core.Secrets;
import dev.notif.core.Urls;
import dev.notif.output.Check;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * {@code notif rotate stripe}: replaces the endpoint for a URL by a new one (a new signing secret, optionally a new
 * pinned API version, exactly the allowed events) without a moment with no endpoint:
 * <ol>
 *   <li>create the new endpoint (idempotently) and save the state, with its secret, in the config directory;</li>
 *   <li>hand the secret over (redacted, whole with --show-secret, or into --secret-file);</li>
 *   <li>wait, bounded by --wait, until the differential probe shows the backend holds the new secret;</li>
 *   <li>delete the old endpoint and forget the state.</li>
 * </ol>
 * Each step can be interrupted: a rerun reads the state and goes on from where it stopped. Both endpoints exist only
 * between 1 and 4; {@code --abort} deletes the new one instead.
 */
public final class StripeRotation {
    static final String DESCRIPTION = "Created by notif rotate stripe";

    public record Request(String url, boolean trackNewPurchases, String apiVersion, Path secretFile, boolean showSecret,
                          Duration maxWait, Duration interval, boolean abort, boolean confirmed) {
        /** Refused before anything else: a URL that is not http(s), an unknown API version, waits out of range. */
        public Request {
            Urls.http("--url", url);
            apiVersion = StripeApiVersions.parse("--api-version", apiVersion);
            if (maxWait.isNegative() || maxWait.toSeconds() > 86_400) {
                throw NotifException.usage("--wait must be between 0 and 86400 seconds, got " + maxWait.toSeconds(),
                    "for example --wait 600, or --wait 0 to create the endpoint and return");
            }
            if (interval.toSeconds() < 1 || interval.toSeconds() > 3600) {
                throw NotifException.usage("--interval must be between 1 and 3600 seconds, got "
                    + interval.toSeconds(), "for example --interval 10");
            }
            if (abort && (confirmed || apiVersion != null)) {
                throw NotifException.usage("--abort takes no --confirmed or --api-version",
                    "run notif rotate stripe --url " + url + " --abort");
            }
        }
    }

    /** Waiting between probes; tests replace it. */
    public interface Pause {
        void sleep(Duration d) throws InterruptedException;
    }

    /** Probes the URL with a secret: the differential probe of check stripe. */
    public interface Probe {
        Check run(String url, String secret, boolean livemode, Instant now);
    }

    private final StripeAccount account;
    private final StripeSetup.Ui ui;
    private final Probe probe;
    private final Pause pause;
    private final Clock clock;
    private final Path configDir;

    public StripeRotation(StripeAccount account, StripeSetup.Ui ui, Probe probe, Pause pause, Clock clock,
                          Path configDir) {
        this.account = account;
        this.ui = ui;
        this.probe = probe;
        this.pause = pause;
        this.clock = clock;
        this.configDir = configDir;
    }

    public RotateStripeResult run(Request r) {
        StripeKey key = account.key();
        List<StripeEndpoint> all = account.endpoints();
        StripeAccount.Identity who = account.identity();
        String accountRef = who != null ? who.id() : key.fingerprint();
        Path file = RotationState.file(configDir, accountRef, key.mode(), r.url());
        RotationState state = RotationState.load(file);
        RotateStripeResult.Builder result = new RotateStripeResult.Builder(key, r, file);
        if (r.abort()) {
            return abort(state, file, result, r);
        }
        List<String> steps = new ArrayList<>();
        if (state == null) {
            state = start(all, r, accountRef, key, file, steps);
        } else {
            if (r.apiVersion() != null && !r.apiVersion().equals(state.apiVersion())) {
                throw NotifException.usage("a rotation of " + r.url() + " to " + StripeApiVersions.describe(
                    state.apiVersion()) + " is in progress (since " + state.startedAt() + "), not to " + r.apiVersion(),
                    "finish it with notif rotate stripe --url " + r.url() + ", or undo it with --abort, then rerun");
            }
            steps.add("resumed the rotation started " + state.startedAt() + " (state " + file + ")");
            if (account.find(state.newEndpointId()) == null) {
                RotationState.remove(file);
                return result.lost(state, "the new endpoint " + state.newEndpointId() + " no longer exists (deleted"
                    + " outside notif); its secret signs nothing. The rotation was forgotten: rerun to start over with"
                    + " a new endpoint and secret", steps);
            }
        }
        result.state(state);
        if (r.secretFile() != null) {
            SecretFiles.write(r.secretFile(), state.secret() + "\n");
            result.secretWritten(r.secretFile());
        }
        handOver(state, r);
        StripeEndpoint old = account.find(state.oldEndpointId());
        if (old == null) {
            steps.add("the old endpoint " + state.oldEndpointId() + " is already deleted");
            RotationState.remove(file);
            return result.completed(steps, null);
        }
        Check confirmation = r.confirmed() ? null : waitForSecret(state, r, key, steps);
        if (!r.confirmed() && !StripeSecretProbe.confirmed(confirmation)) {
            return result.waiting(steps, confirmation);
        }
        if (r.confirmed()) {
            steps.add("--confirmed: the backend's hold of the new secret was not probed");
        }
        if (!account.delete(state.oldEndpointId())) {
            ui.progress(state.oldEndpointId() + " was already deleted");
        }
        steps.add("deleted the old endpoint " + state.oldEndpointId());
        RotationState.remove(file);
        return result.completed(steps, confirmation);
    }

    private RotationState start(List<StripeEndpoint> all, Request r, String accountRef, StripeKey key, Path file,
                                List<String> steps) {
        List<StripeEndpoint> matches = StripeSetupPlan.matching(all, r.url());
        String setup = "notif setup stripe --url " + r.url() + (r.trackNewPurchases() ? " --track-new-purchases" : "");
        if (matches.isEmpty()) {
            throw NotifException.usage("no webhook endpoint of the account delivers to " + r.url() + ": there is nothing"
                + " to rotate", "create it with " + setup + (r.apiVersion() == null ? "" : " --api-version "
                + r.apiVersion()));
        }
        if (matches.size() > 1) {
            throw NotifException.usage(matches.size() + " endpoints deliver to " + r.url() + " ("
                + String.join(", ", matches.stream().map(StripeEndpoint::id).toList()) + "): rotate replaces one",
                "keep one first: " + setup + " --prune --dry-run");
        }
        if (all.size() >= StripeAccount.MAX_ENDPOINTS) {
            throw NotifException.usage(StripeSetup.limitReached(all, "a second endpoint for the rotation"),
                "rotation keeps the old endpoint until the backend holds the new secret, so it needs one free place");
        }
        StripeEndpoint old = matches.get(0);
        String version = r.apiVersion() != null ? r.apiVersion() : old.apiVersion();
        List<String> events = StripeEvents.allowed(r.trackNewPurchases());
        ui.progress("creating the new endpoint for " + r.url() + " (" + StripeApiVersions.describe(version) + ")");
        StripeAccount.Created created = StripeSetup.create(account, ui, accountRef, r.url(), events, version,
            List.of(old.id(), "rotate"), DESCRIPTION);
        if (created.secret() == null) {
            throw NotifException.unavailable("Stripe created " + created.endpoint().id() + " but returned no signing"
                + " secret", "delete " + created.endpoint().id() + " in the Dashboard and rerun", null);
        }
        RotationState state = new RotationState(RotationState.VERSION, r.url(), accountRef, key.mode(), old.id(),
            created.endpoint().id(), version, events, created.secret(), clock.instant().toString());
        state.save(file);
        steps.add("created " + created.endpoint().id() + " for " + r.url() + " (" + StripeApiVersions.describe(version)
            + ", " + events.size() + " events) beside " + old.id());
        if (!new HashSet<>(old.enabledEvents()).equals(new HashSet<>(events))) {
            steps.add("the new endpoint has exactly the allowed events; " + old.id() + " had "
                + String.join(", ", old.enabledEvents()));
        }
        return state;
    }

    /** The secret goes to the user before any wait: on stderr now, in the result at the end. */
    private void handOver(RotationState state, Request r) {
        String where = r.secretFile() != null ? "written to " + r.secretFile() + " (mode 0600)"
            : Secrets.show(state.secret(), r.showSecret()) + (r.showSecret() ? ""
                : " (redacted: rerun with --show-secret or --secret-file FILE to get it whole)");
        ui.progress("new signing secret of " + state.newEndpointId() + ": " + where + "; paste it into the backend's"
            + " Stripe webhook signing secret setting");
    }

    /** Probes until the backend holds the new secret or --wait is over; the last probe's check. */
    private Check waitForSecret(RotationState state, Request r, StripeKey key, List<String> steps) {
        Instant deadline = clock.instant().plus(r.maxWait());
        int probes = 1;
        Check c = probe.run(r.url(), state.secret(), key.live(), clock.instant());
        if (StripeSecretProbe.confirmed(c) || !clock.instant().plus(r.interval()).isBefore(deadline.plusMillis(1))) {
            return probed(c, probes, steps);
        }
        try (Progress.Wait shown = ui.waiting("the backend to hold the new secret (probing every "
            + r.interval().toSeconds() + " s; Ctrl-C is safe: rerun to resume)", r.maxWait())) {
            while (true) {
                try {
                    pause.sleep(r.interval());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    steps.add("interrupted while waiting");
                    return c;
                }
                c = probe.run(r.url(), state.secret(), key.live(), clock.instant());
                probes++;
                if (StripeSecretProbe.confirmed(c) || !clock.instant().plus(r.interval()).isBefore(deadline.plusMillis(1))) {
                    return probed(c, probes, steps);
                }
            }
        }
    }

    private static Check probed(Check c, int probes, List<String> steps) {
        if (StripeSecretProbe.confirmed(c)) {
            steps.add("the backend holds the new secret (probe " + probes + ": " + c.summary() + ")");
        } else {
            steps.add("the backend does not show the new secret yet after " + probes + " probe"
                + (probes == 1 ? "" : "s") + ": " + Secrets.scrub(c.summary()));
        }
        return c;
    }

    private RotateStripeResult abort(RotationState state, Path file, RotateStripeResult.Builder result, Request r) {
        if (state == null) {
            throw NotifException.usage("no rotation of " + r.url() + " is in progress", "nothing to abort");
        }
        result.state(state);
        List<String> steps = new ArrayList<>();
        if (account.find(state.oldEndpointId()) == null) {
            throw NotifException.usage("the old endpoint " + state.oldEndpointId() + " is already deleted: the new one"
                + " (" + state.newEndpointId() + ") is the only endpoint for " + r.url() + " and stays",
                "finish with notif rotate stripe --url " + r.url());
        }
        if (account.delete(state.newEndpointId())) {
            steps.add("deleted the new endpoint " + state.newEndpointId() + "; " + state.oldEndpointId() + " and its"
                + " secret stay");
        } else {
            steps.add("the new endpoint " + state.newEndpointId() + " was already deleted");
        }
        RotationState.remove(file);
        return result.aborted(steps);
    }
}
