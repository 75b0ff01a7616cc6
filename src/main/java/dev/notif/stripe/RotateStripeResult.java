package dev.notif.stripe;

import dev.notif.core.Secrets;
import dev.notif.output.Check;
import dev.notif.output.Result;
import dev.notif.output.Text;
import java.nio.file.Path;
import java.util.List;

/**
 * The result of {@code notif rotate stripe}. {@code phase}: {@code completed} (the new endpoint is the only one),
 * {@code waiting} (both exist; the backend does not hold the new secret yet: rerun to resume), {@code aborted} (the
 * new endpoint deleted, the old one kept) or {@code lost} (the new endpoint vanished; the state was forgotten).
 * {@code probe} is the last differential probe, as {@code check stripe} reports it.
 */
public record RotateStripeResult(boolean ok, String store, String mode, String url, String phase, String oldEndpointId,
                                 String newEndpointId, String apiVersion, List<String> events, String secret,
                                 String secretFile, String stateFile, List<String> steps, Check probe, String next)
    implements Result {
    public static final String COMPLETED = "completed";
    public static final String WAITING = "waiting";
    public static final String ABORTED = "aborted";
    public static final String LOST = "lost";

    public RotateStripeResult {
        steps = List.copyOf(steps);
        events = events == null ? List.of() : List.copyOf(events);
    }

    @Override
    public void printText(Text out) {
        String modeWord = "live".equals(mode) ? out.red(out.bold("LIVE MODE")) : out.yellow("test mode");
        out.line("Stripe " + modeWord + "  rotate  " + out.bold(url));
        String word = switch (phase) {
            case COMPLETED -> out.green(phase);
            case WAITING -> out.yellow(phase);
            default -> out.red(phase);
        };
        out.line("  " + word + "  " + (oldEndpointId == null ? "" : oldEndpointId) + " -> "
            + (newEndpointId == null ? "(none)" : newEndpointId) + "  (" + StripeApiVersions.describe(apiVersion) + ")");
        for (String s : steps) {
            out.line("  - " + s);
        }
        if (secret != null && !ABORTED.equals(phase) && !LOST.equals(phase)) {
            out.line(out.bold("New signing secret: ") + secret + (secretFile == null ? ""
                : "  (written to " + secretFile + ", mode 0600)"));
        }
        if (probe != null && !COMPLETED.equals(phase)) {
            out.line("  probe: " + probe.summary());
            if (probe.fix() != null) {
                out.line("    fix: " + probe.fix());
            }
        }
        if (next != null) {
            out.line((ok ? out.green("next: ") : out.yellow("next: ")) + next);
        }
    }

    /** Gathers what {@link StripeRotation} learns. */
    static final class Builder {
        private final StripeKey key;
        private final StripeRotation.Request request;
        private final Path stateFile;
        private RotationState state;
        private Path secretFile;

        Builder(StripeKey key, StripeRotation.Request request, Path stateFile) {
            this.key = key;
            this.request = request;
            this.stateFile = stateFile;
        }

        void state(RotationState s) {
            state = s;
        }

        void secretWritten(Path file) {
            secretFile = file;
        }

        RotateStripeResult completed(List<String> steps, Check probe) {
            return make(true, COMPLETED, steps, probe, "the backend must keep the new secret: "
                + state.oldEndpointId() + " and its secret sign nothing any more; verify with notif check stripe --url "
                + request.url() + " --secret whsec_...");
        }

        RotateStripeResult waiting(List<String> steps, Check probe) {
            String why = probe != null && Check.Status.WARN == probe.status() && !StripeSecretProbe.confirmed(probe)
                ? " The probe cannot tell (" + probe.summary() + "); if you know the backend holds the new secret,"
                    + " finish with --confirmed." : "";
            return make(false, WAITING, steps, probe, "paste the new signing secret into the backend's Stripe webhook"
                + " signing secret setting (beside or instead of the old one), then rerun notif rotate stripe --url "
                + request.url() + " (it resumes; both endpoints deliver meanwhile, and the backend refuses the"
                + " deliveries signed with the secret it lacks). To undo: --abort." + why);
        }

        RotateStripeResult aborted(List<String> steps) {
            return make(true, ABORTED, steps, null, "nothing changed for the backend: it keeps the secret of "
                + state.oldEndpointId());
        }

        RotateStripeResult lost(RotationState s, String why, List<String> steps) {
            state = s;
            List<String> all = new java.util.ArrayList<>(steps);
            all.add(why);
            return make(false, LOST, all, null, "rerun notif rotate stripe --url " + request.url());
        }

        private RotateStripeResult make(boolean ok, String phase, List<String> steps, Check probe, String next) {
            String secret = state == null || state.secret() == null ? null
                : Secrets.show(state.secret(), request.showSecret());
            return new RotateStripeResult(ok, "stripe", key.mode(), request.url(), phase,
                state == null ? null : state.oldEndpointId(), state == null ? null : state.newEndpointId(),
                state == null ? null : state.apiVersion(), state == null ? null : state.events(), secret,
                secretFile == null ? null : secretFile.toString(), WAITING.equals(phase) ? stateFile.toString() : null,
                steps, probe, next);
        }
    }
}
