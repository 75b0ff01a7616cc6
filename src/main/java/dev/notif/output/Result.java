package dev.notif.output;

import dev.notif.core.ExitCode;

/**
 * What a command produced: one record, printed as JSON (its components, snake_case) or as text
 * ({@link #printText}), so the two forms cannot disagree. The exit code follows from the record.
 */
public interface Result {
    boolean ok();

    default int exitCode() {
        return ok() ? ExitCode.OK : ExitCode.FINDINGS;
    }

    void printText(Text out);
}
