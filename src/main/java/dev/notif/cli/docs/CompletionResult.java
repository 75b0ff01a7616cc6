package dev.notif.cli.docs;

import dev.notif.output.Result;
import dev.notif.output.Text;

/** A completion script: printed as it is, so it can be sourced or saved. */
public record CompletionResult(boolean ok, String shell, String script) implements Result {
    @Override
    public void printText(Text out) {
        out.print(script);
    }
}
