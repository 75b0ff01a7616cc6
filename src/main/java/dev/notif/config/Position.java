package dev.notif.config;

/** Where something is in the file: 1-based line and column (0 when unknown). */
public record Position(int line, int column) {
    public static final Position UNKNOWN = new Position(0, 0);

    public boolean known() {
        return line > 0;
    }
}
