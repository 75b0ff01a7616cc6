package dev.notif.core;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a command may touch of the outside world: environment, streams, clock, terminal, where it says what it
 * is waiting for ({@link Progress}, on stderr), and what the commands of the process share ({@link Shared}).
 * Built once by {@code Main} (or by a test with its own values) and handed to every command.
 */
public record Context(Map<String, String> env, PrintWriter out, PrintWriter err, InputStream in, Clock clock,
                      boolean terminal, Progress progress, Shared shared) {

    public Context(Map<String, String> env, PrintWriter out, PrintWriter err, InputStream in, Clock clock,
                   boolean terminal, Progress progress) {
        this(env, out, err, in, clock, terminal, progress, new Shared());
    }

    /** A context whose progress is drawn on {@code err} when on a terminal outside CI, else one line per wait. */
    public Context(Map<String, String> env, PrintWriter out, PrintWriter err, InputStream in, Clock clock,
                   boolean terminal) {
        this(env, out, err, in, clock, terminal, Progress.on(err, terminal && blank(env.get("CI")), clock,
            width(env.get("COLUMNS"))));
    }

    /** This context sharing {@code shared} (a store command of a fleet run shares its parent's). */
    public Context sharing(Shared with) {
        return new Context(env, out, err, in, clock, terminal, progress, with);
    }

    /** The process's one {@code kind} ({@link Shared#get}). */
    public <T> T shared(Class<T> kind, Supplier<? extends T> make) {
        return shared.get(kind, make);
    }

    private static boolean blank(String s) {
        return s == null || s.isEmpty();
    }

    public String env(String name) {
        String v = env.get(name);
        return v == null || v.isEmpty() ? null : v;
    }

    /**
     * The columns text output may fill: {@code $COLUMNS} (the launcher sets it from the terminal stdout is on), else
     * 80 (also when it is 0, as in a terminal of unknown size); 20 at least.
     */
    public int width() {
        return width(env("COLUMNS"));
    }

    private static int width(String columns) {
        if (columns != null && !columns.isBlank()) {
            try {
                int width = Integer.parseInt(columns.strip());
                return width <= 0 ? DEFAULT_WIDTH : Math.max(20, width);
            } catch (NumberFormatException e) {
                return DEFAULT_WIDTH;
            }
        }
        return DEFAULT_WIDTH;
    }

    /** The width when the terminal's is unknown. */
    public static final int DEFAULT_WIDTH = 80;

    /** Prompts are allowed only on a terminal outside CI. */
    public boolean interactive() {
        return terminal && env("CI") == null;
    }

    /** notif's configuration directory: {@code $NOTIF_CONFIG_DIR}, else {@code $XDG_CONFIG_HOME/notif}, else {@code ~/.config/notif}. */
    public Path configDir() {
        String dir = env("NOTIF_CONFIG_DIR");
        if (dir != null) {
            return Path.of(dir);
        }
        String xdg = env("XDG_CONFIG_HOME");
        if (xdg != null) {
            return Path.of(xdg, "notif");
        }
        String home = env("HOME");
        return Path.of(home != null ? home : System.getProperty("user.home"), ".config", "notif");
    }

    /** Where the receiver keeps its event log unless told otherwise: {@code $XDG_DATA_HOME/notif} or {@code ~/.local/share/notif}. */
    public Path dataDir() {
        String dir = env("NOTIF_DATA_DIR");
        if (dir != null) {
            return Path.of(dir);
        }
        String xdg = env("XDG_DATA_HOME");
        if (xdg != null) {
            return Path.of(xdg, "notif");
        }
        String home = env("HOME");
        return Path.of(home != null ? home : System.getProperty("user.home"), ".local", "share", "notif");
    }
}
