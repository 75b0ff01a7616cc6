package dev.notif.demo;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.notif.listen.StoreStatus;
import dev.notif.listen.StatusTable;
import dev.notif.output.Result;
import dev.notif.output.Text;
import dev.notif.stripe.StripeEvents;
import dev.notif.probe.DeliveryAnswer;
import dev.notif.probe.Sent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What {@code notif demo} did: each delivery with its expected and actual verdict, and the last-received table. */
public record DemoResult(boolean ok, String receiverUrl, String secret, Instant finishedAt, List<Delivery> deliveries,
                        Map<String, StoreStatus> stores) implements Result {

    /** One delivery of the demo. */
    public record Delivery(String store, String eventType, String signedWith, String expected,
                           @JsonUnwrapped DeliveryAnswer answer, boolean asExpected) {
        static Delivery of(String store, String eventType, String signedWith, String expected, Sent<?> sent) {
            return new Delivery(store, eventType, signedWith, expected, sent.answer(),
                expected.equals(sent.verdict().verdict()));
        }

        String verdict() {
            return answer.verdict();
        }
    }

    @Override
    public void printText(Text out) {
        boolean appStores = deliveries.stream().anyMatch(d -> !d.store().equals("stripe"));
        out.line(out.bold("notif demo") + ": " + (appStores ? "Stripe and app-store notifications" : "Stripe deliveries")
            + " sent to a local ingestion endpoint the way the stores send them, and the verdict on each."
            + " Offline: nothing leaves this machine.");
        out.line();
        out.line(out.bold("Receiver") + "  " + receiverUrl + "  POST /stripe (secret " + secret + ", "
            + StripeEvents.allowed(true).size() + " event types with \"track new purchases\")"
            + (appStores ? ", /apple, /google, /amazon" : ""));
        if (appStores) {
            out.line(out.dim("  Apple and Amazon messages are signed by notif's own test keys, which this receiver"
                + " trusts; real backends refuse them by design."));
        }
        out.line();
        out.line(out.bold("Deliveries"));
        List<List<String>> rows = new ArrayList<>();
        for (Delivery d : deliveries) { // what was expected, only where it differs: the table fits 80 columns
            Integer status = d.answer().httpStatus();
            rows.add(List.of(d.store(), d.eventType(), d.signedWith(), status == null ? "-" : status.toString(),
                !d.asExpected() ? out.red(d.verdict() + " (expected " + d.expected() + ")")
                    : d.verdict().equals("accepted") ? out.green(d.verdict()) : d.verdict() + " " + out.dim("(expected)")));
        }
        out.table(List.of("STORE", "EVENT", "SIGNED WITH", "HTTP", "VERDICT"), rows);
        out.line();
        out.line(out.bold("Why the rejected ones were rejected"));
        for (Delivery d : deliveries) {
            if (!d.verdict().equals("accepted")) {
                out.line("  " + out.status(d.verdict()) + " (" + d.store() + " " + d.eventType() + ", " + d.signedWith() + ")");
                out.line("    cause: " + d.answer().cause());
                out.line("    fix:   " + d.answer().fix());
            }
        }
        out.line();
        out.line(out.bold("Last received") + out.dim("  (GET " + receiverUrl + "/status)"));
        StatusTable.print(out, stores, finishedAt);
        out.line();
        if (ok) {
            out.line(out.green("Every delivery got the verdict it should.") + " Next, with your own backend:");
        } else {
            out.line(out.red("Some deliveries did not get the verdict they should (see above).") + " Next:");
        }
        out.command("  notif listen                                          # keep this receiver running");
        out.command("  notif send stripe --url https://YOUR-BACKEND/stripe --secret whsec_...");
        out.command("  notif setup stripe --url https://YOUR-BACKEND/stripe  # exactly the accepted events");
    }
}
