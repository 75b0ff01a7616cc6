package dev.notif.output;

/**
 * What {@code --json} prints on stdout when a command fails before it has a result (exit 2, 3, 4, 70):
 * {@code {"ok": false, "error": {"exit_code", "message", "hint"}}}, message and hint scrubbed of secrets.
 */
public record ErrorDocument(boolean ok, Error error) {

    /** The failure: its exit code, one line, what to do next. */
    public record Error(int exitCode, String message, String hint) {
    }

    public static ErrorDocument of(int exitCode, String message, String hint) {
        return new ErrorDocument(false, new Error(exitCode, message, hint));
    }
}
