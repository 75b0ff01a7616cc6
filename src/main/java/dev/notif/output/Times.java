package dev.notif.output;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Times in human output, one format everywhere: {@code 2026-03-01 14:05:09Z} (UTC, to the second), with how long
 * ago where that helps ({@code 3 h ago}). JSON keeps ISO-8601 UTC ({@code Instant.toString()}).
 */
public final class Times {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
        .withZone(ZoneOffset.UTC);

    private Times() {
    }

    /** {@code 2026-03-01 14:05:09Z}. */
    public static String human(Instant at) {
        return FORMAT.format(at.truncatedTo(ChronoUnit.SECONDS));
    }

    /** {@code 2026-03-01 14:05:09Z (3 h ago)}; without the part in brackets when {@code now} is null. */
    public static String when(Instant at, Instant now) {
        return now == null ? human(at) : human(at) + " (" + ago(at, now) + ")";
    }

    /** {@code just now}, {@code 42 s ago}, {@code 5 min ago}, {@code 3 h ago}, {@code 4 days ago}; {@code in 5 min} ahead. */
    public static String ago(Instant at, Instant now) {
        Duration d = Duration.between(at, now);
        if (d.isNegative()) {
            return d.abs().getSeconds() < 1 ? "just now" : "in " + span(d.abs());
        }
        return d.getSeconds() < 1 ? "just now" : span(d) + " ago";
    }

    /** A duration in the largest unit that keeps it readable: {@code 42 s}, {@code 5 min}, {@code 3 h}, {@code 4 days}. */
    public static String span(Duration d) {
        long s = d.getSeconds();
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min";
        }
        if (s < 86400 * 2) {
            return s / 3600 + " h";
        }
        return s / 86400 + " days";
    }

    /** The instant an ISO-8601 string such as {@code 2026-03-01T14:05:09.123Z} names, or null if it names none. */
    public static Instant parse(String text) {
        if (text == null || text.length() < 20 || text.charAt(4) != '-' || text.charAt(10) != 'T') {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
