package dev.notif.probe;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.notif.output.Text;

/**
 * What came back from one delivery and the verdict on it, the same in every {@code send} result and the demo (each
 * embeds it unwrapped: {@code http_status, latency_ms, verdict, cause, fix, response_body}). {@code http_status} is
 * null when no HTTP answer came back; {@code response_body} is the start of the body, secrets scrubbed.
 */
public record DeliveryAnswer(Integer httpStatus, Long latencyMs, String verdict, String cause, String fix,
                             String responseBody) {
    public static DeliveryAnswer of(Outcome outcome, Verdict v) {
        return new DeliveryAnswer(outcome.status(), outcome.latencyMs(), v.verdict(), v.cause(), v.fix(),
            outcome.shownBody());
    }

    /** A verdict reached without sending anything over HTTP (a publish to a topic, say). */
    public static DeliveryAnswer without(String verdict, String cause, String fix) {
        return new DeliveryAnswer(null, null, verdict, cause, fix, null);
    }

    @JsonIgnore
    public boolean accepted() {
        return Verdict.ACCEPTED.equals(verdict);
    }

    /** The answer, the start of its body, the verdict and its fix, under the result's own heading lines. */
    public void printText(Text out) {
        out.line("  " + (httpStatus == null ? "no HTTP answer" : "HTTP " + httpStatus) + " in " + latencyMs + " ms");
        if (responseBody != null && !responseBody.isEmpty()) {
            out.line("  body: " + responseBody.replace("\n", " "));
        }
        out.line(out.status(verdict) + ": " + cause);
        out.line("  fix: " + fix);
    }
}
