package dev.notif.core;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;

/** Durations given and shown in seconds: {@code --timeout 2.5}, "waited 20 s". */
public final class Seconds {
    private Seconds() {
    }

    /** {@code 20 s}, {@code 1.5 s}, {@code 250 ms}. */
    public static String text(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms % 1000 == 0 || ms >= 10_000) {
            return ms / 1000 + " s";
        }
        return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    /** A number of seconds as a person writes it: {@code 0}, {@code 2.5}, never {@code 0.0}. */
    public static String number(double seconds) {
        if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
            return String.valueOf(seconds);
        }
        return BigDecimal.valueOf(seconds).stripTrailingZeros().toPlainString();
    }

    /**
     * {@code seconds} (the value of {@code option}) as a duration: more than 0 (or 0 itself when {@code zero} is
     * allowed) and at most {@code max}; otherwise a usage error that says so with the value as it was typed.
     */
    public static Duration bounded(String option, double seconds, boolean zero, double max, String example) {
        boolean low = zero ? !(seconds >= 0) : !(seconds > 0);
        if (low || seconds > max) {
            throw NotifException.usage(option + " must be " + (zero ? "from 0 to " : "more than 0 and at most ")
                + number(max) + " seconds, got " + number(seconds), "for example " + option + " " + example);
        }
        return Duration.ofMillis((long) (seconds * 1000));
    }
}
