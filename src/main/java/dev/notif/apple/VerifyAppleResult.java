package dev.notif.apple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.output.Result;
import dev.notif.output.Step;
import dev.notif.output.Text;
import dev.notif.output.Times;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The result of {@code notif verify apple}: valid or not, the failed step with its reason and fix, every step, and
 * the decoded notification (with its transaction and renewal info). Exit 0 when valid, 1 when not.
 * JSON: {@code {ok, store, valid, failed_step, reason, fix, steps: [{name, status, detail}], notification: {…},
 * payload, transaction, renewal_info, chain: [{subject, issuer, not_before, not_after}], roots}}.
 */
public record VerifyAppleResult(boolean ok, String store, boolean valid, String failedStep, String reason, String fix,
                                List<Step> steps, Map<String, Object> notification, JsonNode payload,
                                JsonNode transaction, JsonNode renewalInfo, List<AppleSignedPayloads.Cert> chain,
                                List<String> roots) implements Result {

    public static VerifyAppleResult of(AppleSignedPayloads.Verification v, List<AppleRoots.Root> roots) {
        return new VerifyAppleResult(v.valid(), "apple", v.valid(), v.failedStep(), v.reason(), v.fix(), v.steps(),
            AppleSignedPayloads.summary(v), v.payload(), v.transaction(), v.renewalInfo(), v.chain(),
            roots.stream().map(AppleRoots.Root::source).toList());
    }

    @Override
    public void printText(Text out) {
        Object type = notification.get("notification_type");
        if (type != null) {
            Object subtype = notification.get("subtype");
            StringBuilder head = new StringBuilder(out.bold(type + (subtype == null ? "" : "/" + subtype)));
            for (String key : List.of("environment", "bundle_id", "notification_uuid")) {
                if (notification.get(key) != null) {
                    head.append("  ").append(notification.get(key));
                }
            }
            out.line(head.toString());
        }
        if (Boolean.FALSE.equals(notification.get("known_type")) && type != null) {
            out.line(out.dim("  " + type + " is a type this notif release does not know: decoded and accepted"
                + " (Apple adds types; a receiver should accept them too)"));
        }
        if (notification.get("billing_plan_type") != null || notification.get("commitment") != null) {
            out.line("  billing: " + notification.get("billing_plan_type")
                + (notification.get("commitment") instanceof Map<?, ?> c ? "; commitment: period "
                    + c.get("billing_period_number") + " of " + c.get("total_billing_periods") + ", until "
                    + c.get("commitment_expires_date") : "")
                + (notification.get("renewal_billing_plan_type") == null ? ""
                    : "; renews as " + notification.get("renewal_billing_plan_type")));
        }
        Object signed = notification.get("signed_date");
        Instant signedAt = signed == null ? null : Times.parse(signed.toString());
        out.line(out.dim("  " + (signed == null ? "" : "signed " + (signedAt == null ? signed : out.time(signedAt)) + "; ")
            + "trusted roots: "
            + String.join(", ", roots)));
        Step.print(out, steps);
        if (valid) {
            out.line(out.green("valid: signed by a chain to a trusted root"
                + (transaction == null ? "" : "; transaction " + transaction.path("transactionId").asText()
                    + " (" + transaction.path("productId").asText() + ")")));
        } else {
            out.line(out.red("not valid (" + failedStep + "): ") + reason);
            out.line("  fix: " + fix);
            if (payload != null) {
                out.line(out.dim("  decoded anyway (unverified): use --json to see the payload"));
            }
        }
    }
}
