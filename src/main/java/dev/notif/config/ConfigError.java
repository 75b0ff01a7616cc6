package dev.notif.config;

import dev.notif.core.ExitCode;
import dev.notif.core.NotifException;

/**
 * A mistake in notif.toml: exit 2, one line {@code FILE:LINE:COLUMN: KEY: what is wrong; expected WHAT}, and a hint.
 */
public final class ConfigError extends NotifException {
    private final String file;
    private final Position position;
    private final String key;

    private ConfigError(String file, Position position, String key, String message, String hint) {
        super(ExitCode.USAGE, message, hint);
        this.file = file;
        this.position = position;
        this.key = key;
    }

    /**
     * @param key the key as written in the file's terms ({@code app.stripe.url}, with the app's name when known)
     * @param problem what is wrong, in a few words
     * @param expected what the key takes (null when the problem says it all)
     */
    public static ConfigError at(String file, Position at, String key, String problem, String expected, String hint) {
        String where = file + (at != null && at.known() ? ":" + at.line() + ":" + at.column() : "");
        String message = where + ": " + (key == null ? "" : key + ": ") + problem
            + (expected == null ? "" : "; expected " + expected);
        return new ConfigError(file, at, key, message, hint);
    }

    public String file() {
        return file;
    }

    public Position position() {
        return position;
    }

    public String key() {
        return key;
    }
}
