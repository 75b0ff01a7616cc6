package dev.notif.core;

/**
 * An expected failure with its exit code, a one-line message and a hint naming what to do next.
 * The message and hint are scrubbed of secrets when printed.
 */
public class NotifException extends RuntimeException {
    private final int exitCode;
    private final String hint;

    public NotifException(int exitCode, String message, String hint) {
        this(exitCode, message, hint, null);
    }

    public NotifException(int exitCode, String message, String hint, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
        this.hint = hint;
    }

    public static NotifException usage(String message, String hint) {
        return new NotifException(ExitCode.USAGE, message, hint);
    }

    public static NotifException credentials(String message, String hint) {
        return new NotifException(ExitCode.CREDENTIALS, message, hint);
    }

    public static NotifException unavailable(String message, String hint, Throwable cause) {
        return new NotifException(ExitCode.UNAVAILABLE, message, hint, cause);
    }

    public int exitCode() {
        return exitCode;
    }

    public String hint() {
        return hint;
    }
}
