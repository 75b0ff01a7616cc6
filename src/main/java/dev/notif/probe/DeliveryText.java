package dev.notif.probe;

import dev.notif.output.Text;

/** How every {@code send X} prints what came back: the answer, the start of its body, the verdict, its fix. */
public final class DeliveryText {
    private DeliveryText() {
    }

    public static void print(Text out, Integer httpStatus, long latencyMs, String responseBody, String verdict,
                             String cause, String fix) {
        out.line("  " + (httpStatus == null ? "no HTTP answer" : "HTTP " + httpStatus) + " in " + latencyMs + " ms");
        if (responseBody != null && !responseBody.isEmpty()) {
            out.line("  body: " + responseBody.replace("\n", " "));
        }
        out.line(out.status(verdict) + ": " + cause);
        out.line("  fix: " + fix);
    }
}
