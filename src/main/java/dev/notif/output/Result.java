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

    /**
     * A line for stderr when the result is whole but could not say everything (the exit code is then above 1):
     * printed as {@code notif: <message>} and {@code hint: <hint>}, in text and JSON modes alike. Null: none.
     */
    default Notice notice() {
        return null;
    }

    /** See {@link #notice()}. */
    record Notice(String message, String hint) {
    }
}
