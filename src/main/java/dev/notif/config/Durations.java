package dev.notif.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them in the file: {@code "24h"}, {@code "90m"}, {@code "7d"}, {@code "1d12h"}, {@code "45s"}. */
public final class Durations {
    private static final Pattern WHOLE = Pattern.compile("(\\d+[dhms])+");
    private static final Pattern PART = Pattern.compile("(\\d+)([dhms])");

    private Durations() {
    }

    /** The duration, or null when the text is not one. */
    public static Duration parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip().toLowerCase(java.util.Locale.ROOT).replace(" ", "");
        if (!WHOLE.matcher(t).matches()) {
            return null;
        }
        Duration d = Duration.ZERO;
        Matcher m = PART.matcher(t);
        while (m.find()) {
            long n = Long.parseLong(m.group(1));
            d = d.plus(switch (m.group(2)) {
                case "d" -> Duration.ofDays(n);
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofSeconds(n);
            });
        }
        return d;
    }

    /** {@code 2d 3h}, {@code 5h 12m}, {@code 40s}: the two largest units, for messages. */
    public static String human(Duration d) {
        long s = Math.max(0, d.getSeconds());
        long days = s / 86400;
        long hours = s % 86400 / 3600;
        long minutes = s % 3600 / 60;
        if (days >= 2) {
            return days + "d" + (hours > 0 ? " " + hours + "h" : "");
        }
        hours += days * 24;
        if (hours > 0) {
            return hours + "h" + (minutes > 0 ? " " + minutes + "m" : "");
        }
        if (minutes > 0) {
            return minutes + "m";
        }
        return s + "s";
    }
}
