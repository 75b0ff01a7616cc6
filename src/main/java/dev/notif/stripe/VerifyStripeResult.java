package dev.notif.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.core.Json;
import dev.notif.core.Secrets;
import dev.notif.output.Result;
import dev.notif.output.Step;
import dev.notif.output.Text;
import dev.notif.output.Times;
import java.time.Instant;
import java.util.List;

/**
 * The result of {@code notif verify stripe}: whether a secret verifies the captured delivery, which one, the
 * signature's timestamp and age, every step, and when it does not verify, the named cause ({@code cause_code}:
 * valid, wrong_secret, body_altered, body_altered_or_wrong_secret, timestamp_outside_tolerance, header_mangled,
 * not_a_signing_secret, secret_quoted_or_spaced) and its fix.
 */
public record VerifyStripeResult(boolean ok, String store, boolean valid, String matchedSecret,
                                 String matchedSecretSource, Long timestamp, String signedAt, Long ageSeconds,
                                 long toleranceSeconds, String causeCode, String cause, String fix, String eventId,
                                 String eventType, Boolean livemode, Integer signatures, Integer matchedSignature,
                                 String bodyAlteration, List<Step> steps) implements Result {

    public static VerifyStripeResult of(StripeVerification.Report r, long tolerance, boolean showSecret) {
        JsonNode e = r.event();
        return new VerifyStripeResult(r.valid(), "stripe", r.valid(),
            r.matched() == null ? null : Secrets.show(r.matched().value(), showSecret),
            r.matched() == null ? null : r.matched().source(), r.timestamp(),
            r.timestamp() == null ? null : Instant.ofEpochSecond(r.timestamp()).toString(), r.ageSeconds(), tolerance,
            r.causeCode(), Secrets.scrub(r.cause()), r.fix(), Json.text(e, "id"), Json.text(e, "type"),
            e == null || !e.has("livemode") ? null : e.path("livemode").asBoolean(), r.signatures(),
            r.matchedSignature(), r.bodyAlteration(), r.steps().stream()
                .map(s -> new Step(s.name(), s.status(), Secrets.scrub(s.detail()))).toList());
    }

    @Override
    public void printText(Text out) {
        out.line(out.bold("notif verify stripe") + "  " + (eventType == null ? "" : eventType + "  ")
            + out.dim(eventId == null ? "" : eventId));
        Step.print(out, steps);
        if (valid) {
            out.line(out.green("valid") + ": signed by " + matchedSecretSource + " (" + matchedSecret + ")"
                + (timestamp == null ? "" : ", at " + Times.human(Instant.ofEpochSecond(timestamp))
                    + (ageSeconds == null ? "" : " (" + Times.ago(Instant.ofEpochSecond(timestamp),
                    Instant.ofEpochSecond(timestamp + ageSeconds)) + ")")));
            return;
        }
        out.line(out.red("invalid") + ": " + cause);
        out.line("  fix: " + fix);
    }
}
