package dev.notif.stripe;

import dev.notif.core.NotifException;
import dev.notif.core.Secrets;
import dev.notif.core.Urls;
import dev.notif.output.PlanAction;
import dev.notif.output.Result;
import dev.notif.output.Text;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;

/**
 * The result of {@code notif setup stripe}. {@code actions} is the plan: applied ({@code applied}), or only shown
 * ({@code dry_run}, or {@code problem} when several endpoints need --prune). {@code endpoint} is the endpoint as it is
 * (or would be) afterwards; {@code secret} is set only when an endpoint was created, redacted unless --show-secret.
 */
public record SetupStripeResult(boolean ok, String store, String mode, boolean dryRun, boolean applied, String url, String account,
                                String apiKey, List<String> events, List<PlanAction> actions,
                                StripeEndpoint endpoint, String secret, String secretFile, String secretNote,
                                String problem, List<String> notes, Failure error) implements Result {

    /** What went wrong after some actions were applied; its exit code is the result's. */
    public record Failure(String message, String hint, int exitCode) {
    }

    @Override
    public int exitCode() {
        return error != null ? error.exitCode() : Result.super.exitCode();
    }

    @Override
    public void printText(Text out) {
        String modeWord = "live".equals(mode) ? out.red(out.bold("LIVE MODE")) : out.yellow("test mode");
        out.line("Stripe " + modeWord + "  account " + (account == null ? "(not readable with this key)" : account)
            + "  key " + apiKey);
        out.line(out.bold(url));
        if (problem != null) {
            out.line(out.red("problem: ") + problem);
            out.line(problem.contains("--prune") ? "What --prune would do (nothing was changed):"
                : "The plan (nothing was changed):");
        } else if (dryRun) {
            out.line("Plan " + out.dim("(dry run: nothing was sent to Stripe)") + ":");
        } else if (actions.stream().noneMatch(PlanAction::writes)) {
            out.line(out.green("nothing to change") + ": the endpoint is enabled with exactly the allowed events");
        } else {
            out.line(error == null ? "Done:" : out.red("Stopped part way") + "; done so far:");
        }
        for (PlanAction a : actions) {
            if (!a.writes() && problem == null && !dryRun) {
                continue;
            }
            List<String> what = new ArrayList<>(a.changes());
            what.add(out.dim(a.reason()));
            out.line("  " + out.status(a.action()) + " ".repeat(Math.max(1, 8 - a.action().length()))
                + (a.name() == null ? "(new)" : a.name()) + "  " + String.join("; ", what));
        }
        if (error != null) {
            out.line(out.red("error: ") + error.message());
            out.line("  hint: " + error.hint());
        }
        if (endpoint != null) {
            String status = String.valueOf(endpoint.status());
            out.line("Endpoint " + (endpoint.id() == null ? "(new)" : endpoint.id()) + "  "
                + (endpoint.enabled() ? out.green(status) : out.red(status)) + "  " + endpoint.url());
            out.line("  events: " + String.join(", ", endpoint.enabledEvents()));
        }
        if (secret != null) {
            out.line(out.bold("Signing secret: ") + secret + (secretFile == null ? "" : "  (written to " + secretFile
                + ", mode 0600)"));
        }
        if (secretNote != null) {
            out.line("  " + secretNote);
        }
        for (String note : notes) {
            out.line(out.yellow("note: ") + note);
        }
    }

    /** Gathers what {@link StripeSetup} learns and makes the one result. */
    static final class Builder {
        private final StripeKey key;
        private final StripeAccount.Identity who;
        private final StripeSetup.Request request;
        private final StripeSetupPlan plan;
        private final List<String> events;
        private StripeEndpoint endpoint;
        private StripeAccount.Created created;
        private Path secretFile;
        private String refusal;

        Builder(StripeKey key, StripeAccount.Identity who, StripeSetup.Request request, StripeSetupPlan plan,
                List<String> events) {
            this.key = key;
            this.who = who;
            this.request = request;
            this.plan = plan;
            this.events = events;
            this.endpoint = plan.kept();
        }

        void created(StripeAccount.Created c) {
            created = c;
            endpoint = c.endpoint();
        }

        void secretWritten(Path file) {
            secretFile = file;
        }

        void endpoint(StripeEndpoint e) {
            endpoint = e;
        }

        /** Nothing applied: a dry run, a no-op, or blocked by several endpoints. */
        SetupStripeResult planned() {
            StripeEndpoint after = null;
            if (plan.blocked() == null) {
                after = plan.creates() ? new StripeEndpoint(null, request.url(), StripeEndpoint.ENABLED, events,
                    StripeSetup.DESCRIPTION, null) : projected(plan.kept());
            }
            return make(plan.blocked() == null, plan.actions(), after, false, null);
        }

        /** Nothing applied: Stripe would refuse the plan, or it cannot give what was asked (the reason has the fix). */
        SetupStripeResult refused(String why) {
            refusal = why;
            return make(false, plan.actions(), plan.kept(), false, null);
        }

        SetupStripeResult applied(List<StripeSetupPlan.Action> done) {
            return make(true, done, endpoint, true, null);
        }

        SetupStripeResult failedAfter(List<StripeSetupPlan.Action> done, NotifException e) {
            List<String> left = plan.actions().subList(done.size(), plan.actions().size()).stream()
                .map(a -> a.action() + " " + (a.endpointId() == null ? "(new)" : a.endpointId())).toList();
            String hint = e.hint() + "; not done: " + String.join(", ", left) + ". Rerunning the same command finishes"
                + " the job" + (created == null ? "" : " (and keeps " + created.endpoint().id() + ": pass --prune --keep "
                + created.endpoint().id() + " if it reports duplicates)");
            return make(false, done, endpoint, true,
                new Failure(Secrets.scrub(e.getMessage()), Secrets.scrub(hint), e.exitCode()));
        }

        private StripeEndpoint projected(StripeEndpoint e) {
            return e == null ? null : new StripeEndpoint(e.id(), e.url(), StripeEndpoint.ENABLED, events, e.description(),
                e.created());
        }

        private SetupStripeResult make(boolean ok, List<StripeSetupPlan.Action> steps, StripeEndpoint after,
                                       boolean applied, Failure failure) {
            List<PlanAction> actions = steps.stream().map(a -> a.toPlanAction(applied)).toList();
            String secret = created == null ? null : Secrets.show(created.secret(), request.showSecret());
            String account = who == null ? null : who.id() + (who.name() == null ? "" : " (" + who.name() + ")");
            return new SetupStripeResult(ok, "stripe", key.mode(), request.dryRun(), applied, request.url(), account,
                key.redacted(), events, actions, after, secret, secretFile == null ? null : secretFile.toString(),
                secretNote(after), refusal != null ? refusal : plan.blocked(), notes(after), failure);
        }

        private String secretNote(StripeEndpoint after) {
            String check = "then verify it with `notif check stripe --url " + request.url()
                + (secretFile != null ? " --secret-file " + secretFile : " --secret whsec_...") + "`";
            if (created != null) {
                if (created.secret() == null) {
                    return "Stripe returned no secret; reveal it in " + dashboard(created.endpoint().id())
                        + " and paste it into the backend's Stripe webhook signing secret setting; " + check;
                }
                String whole = request.showSecret() || secretFile != null ? ""
                    : " It is shown redacted: reveal it whole in " + dashboard(created.endpoint().id())
                        + " (or pass --secret-file FILE or --show-secret next time).";
                return "Stripe shows a signing secret only when the endpoint is created. Paste it, character for"
                    + " character, into the backend's Stripe webhook signing secret setting (the ingestion service's"
                    + " Stripe configuration), " + check + "." + whole;
            }
            if (after == null || after.id() == null) {
                return null;
            }
            String file = request.secretFile() == null || request.dryRun() ? ""
                : " --secret-file " + request.secretFile() + " was not written.";
            return "notif cannot read back the signing secret of an existing endpoint: Stripe returns it only at"
                + " creation." + file + " If the backend does not hold it, reveal it in " + dashboard(after.id())
                + ", or rerun with --recreate for a new endpoint and secret (the old secret stops working).";
        }

        private List<String> notes(StripeEndpoint after) {
            List<String> notes = new ArrayList<>();
            if (after != null && after.url() != null && !after.url().equals(request.url())) {
                notes.add("the endpoint's URL is written " + after.url() + "; Stripe delivers to exactly that form");
            }
            List<String> deleted = plan.actions().stream().filter(a -> StripeSetupPlan.DELETE.equals(a.action()))
                .map(StripeSetupPlan.Action::endpointId).toList();
            if (!deleted.isEmpty() && plan.kept() != null) {
                notes.add("the backend must hold the signing secret of " + plan.kept().id() + "; the secrets of "
                    + String.join(", ", deleted) + " sign nothing once they are deleted");
            }
            HttpUrl u = HttpUrl.parse(request.url());
            if (u != null && "http".equals(u.scheme())) {
                notes.add("Stripe delivers to http:// only in test mode; live endpoints need https");
            }
            if (u != null && Urls.unreachableFromInternet(u.host())) {
                notes.add(u.host() + " is not reachable from Stripe's servers; for a local receiver use a public tunnel"
                    + " or `stripe listen --forward-to`");
            }
            return notes;
        }

        static String dashboard(String id) {
            return "Stripe Dashboard > Developers > Webhooks > " + id + " > Signing secret > Reveal";
        }
    }
}
