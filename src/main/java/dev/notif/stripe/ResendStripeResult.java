package dev.notif.stripe;

import dev.notif.core.NotifException;
import dev.notif.core.Secrets;
import dev.notif.output.Result;
import dev.notif.output.Text;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of {@code notif resend stripe}: the plan (every undelivered allowed-type event, {@code status}
 * planned), then what Stripe said to each resend ({@code resent}: Stripe queued the delivery; {@code failed}, with
 * its error). Stripe's answer is not the endpoint's: {@code check stripe} tells later whether they arrived.
 */
public record ResendStripeResult(boolean ok, String store, String mode, String url, String endpointId, boolean dryRun,
                                 String since, List<Item> events, Map<String, Integer> counts, List<String> notes,
                                 SetupStripeResult.Failure error) implements Result {
    public static final String PLANNED = "planned";
    public static final String RESENT = "resent";
    public static final String FAILED = "failed";

    /** One event of the plan and what became of it. */
    public record Item(String id, String type, String createdAt, long pendingWebhooks, String status, String error) {
    }

    /** 0 when every resend was accepted (or there was nothing to resend), 1 when some failed, else the failure's. */
    @Override
    public int exitCode() {
        return error != null ? error.exitCode() : Result.super.exitCode();
    }

    @Override
    public void printText(Text out) {
        String modeWord = "live".equals(mode) ? out.red(out.bold("LIVE MODE")) : out.yellow("test mode");
        out.line("Stripe " + modeWord + "  resend to " + endpointId + "  " + out.bold(url));
        if (events.isEmpty()) {
            out.line(out.green("nothing to resend") + ": Stripe lists no undelivered allowed-type event since " + since);
        } else {
            out.line((dryRun ? "Plan " + out.dim("(dry run: nothing was sent to Stripe)") : "Events") + ":");
            List<List<String>> rows = new ArrayList<>();
            for (Item i : events) {
                String word = switch (i.status()) {
                    case RESENT -> out.green(RESENT);
                    case PLANNED -> out.yellow(PLANNED);
                    default -> out.red(i.status());
                };
                rows.add(List.of(word, i.id(), i.type(), i.createdAt(), i.error() == null ? "" : i.error()));
            }
            out.table(List.of("status", "event", "type", "created", "error"), rows);
            out.line(counts.get(PLANNED) + " planned, " + counts.get(RESENT) + " resent, " + counts.get(FAILED)
                + " failed");
        }
        if (error != null) {
            out.line(out.red("error: ") + error.message());
            out.line("  hint: " + error.hint());
        }
        for (String n : notes) {
            out.line(out.yellow("note: ") + n);
        }
    }

    static final class Builder {
        private final StripeKey key;
        private final StripeResend.Request request;
        private final StripeEndpoint endpoint;
        private final List<String> notes;
        private final Map<String, Item> items = new LinkedHashMap<>();
        private final Instant since;

        Builder(StripeKey key, StripeResend.Request request, StripeEndpoint endpoint, Instant since, List<String> notes) {
            this.key = key;
            this.since = since;
            this.request = request;
            this.endpoint = endpoint;
            this.notes = new ArrayList<>(notes);
        }

        void planned(StripeAccount.EventSummary e) {
            items.put(e.id(), new Item(e.id(), e.type(), Instant.ofEpochSecond(e.created()).toString(),
                e.pendingWebhooks(), PLANNED, null));
        }

        void resent(String id) {
            items.computeIfPresent(id, (k, i) -> new Item(i.id(), i.type(), i.createdAt(), i.pendingWebhooks(), RESENT,
                null));
        }

        void failed(String id, String error) {
            items.computeIfPresent(id, (k, i) -> new Item(i.id(), i.type(), i.createdAt(), i.pendingWebhooks(), FAILED,
                error));
        }

        ResendStripeResult planOnly() {
            return make(null, true);
        }

        ResendStripeResult done() {
            boolean anyFailed = items.values().stream().anyMatch(i -> FAILED.equals(i.status()));
            if (!anyFailed) {
                notes.add("Stripe queued the deliveries; in a few minutes notif check stripe --url " + request.url()
                    + " (stripe.deliveries) shows whether the backend acknowledged them");
            }
            return make(null, !anyFailed);
        }

        ResendStripeResult stopped(NotifException e) {
            long left = items.values().stream().filter(i -> PLANNED.equals(i.status())).count();
            return make(new SetupStripeResult.Failure(Secrets.scrub(e.getMessage()), Secrets.scrub(e.hint())
                + "; " + left + " event" + (left == 1 ? "" : "s") + " not resent: rerun the same command", e.exitCode()),
                false);
        }

        private ResendStripeResult make(SetupStripeResult.Failure failure, boolean ok) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            counts.put(PLANNED, items.size());
            counts.put(RESENT, (int) items.values().stream().filter(i -> RESENT.equals(i.status())).count());
            counts.put(FAILED, (int) items.values().stream().filter(i -> FAILED.equals(i.status())).count());
            return new ResendStripeResult(ok, "stripe", key.mode(), request.url(), endpoint.id(),
                request.dryRun(), since.toString(), List.copyOf(items.values()), counts, notes, failure);
        }
    }
}
