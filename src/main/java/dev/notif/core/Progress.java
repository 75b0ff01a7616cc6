package dev.notif.core;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a command is waiting for, on stderr. Every long wait (a bounded wait for a peer, a polling loop, the backoff
 * before a provider API call is retried) is a {@link #waiting} scope. On a terminal (outside CI, without --json) one
 * line is drawn in place and redrawn as time passes: what is waited for, the time elapsed and the bound (a retry
 * says which attempt comes next); it is erased when the wait ends, and waits shorter than {@link #QUIET} never show.
 * Anywhere else (CI logs, pipes, --json) each wait and each retry is one plain line when it starts, nothing more.
 */
public final class Progress {
    /** A wait shorter than this is not drawn on a terminal. */
    static final Duration QUIET = Duration.ofMillis(300);
    private static final Duration TICK = Duration.ofMillis(250);
    private static final Progress NONE = new Progress(null, false, Clock.systemUTC(), 0);

    private final PrintWriter err;
    private final Clock clock;
    private final int width;
    private volatile boolean live;
    private final Deque<Wait> waits = new ArrayDeque<>();
    private Thread ticker;
    private boolean drawn;

    private Progress(PrintWriter err, boolean live, Clock clock, int width) {
        this.err = err;
        this.live = live;
        this.clock = clock;
        this.width = width;
    }

    /** Progress on {@code err}: drawn in place when {@code live} (a terminal, not CI), else plain lines. */
    public static Progress on(PrintWriter err, boolean live, Clock clock, int width) {
        return new Progress(err, live, clock, width);
    }

    /** Progress that shows nothing. */
    public static Progress none() {
        return NONE;
    }

    /** From now on plain lines only (a command printing JSON). */
    public void plain() {
        synchronized (this) {
            erase();
            live = false;
        }
    }

    /** One wait: close it when it is over. */
    public final class Wait implements AutoCloseable {
        private final String what;
        private final Duration bound;
        private final boolean countdown;
        private final Instant start;

        private Wait(String what, Duration bound, boolean countdown) {
            this.what = what;
            this.bound = bound;
            this.countdown = countdown;
            this.start = clock.instant();
        }

        /** How long this wait has lasted so far. */
        public Duration elapsed() {
            return Duration.between(start, clock.instant());
        }

        @Override
        public void close() {
            synchronized (Progress.this) {
                waits.remove(this);
                erase();
                if (!waits.isEmpty()) {
                    draw();
                }
            }
        }

        /** {@code waiting for X: 4 s of 20 s}, or for a retry {@code ... attempt 2 of 4 in 1.2 s}. */
        String line() {
            if (countdown) {
                Duration left = bound.minus(elapsed());
                return what + " in " + seconds(left.isNegative() ? Duration.ZERO : left);
            }
            return what + ": " + seconds(elapsed()) + (bound == null ? "" : " of " + seconds(bound));
        }
    }

    /** A wait for {@code what} (a phrase: "the endpoint to fetch the SubscribeURL"), at most {@code bound} long. */
    public Wait waiting(String what, Duration bound) {
        return start(new Wait("waiting for " + what, bound, false),
            "waiting up to " + seconds(bound) + " for " + what + " ...");
    }

    /**
     * The pause before attempt {@code next} of {@code attempts} of a call ({@code what}: "GET api.stripe.com/v1/..."),
     * because of {@code why} ("HTTP 503"): {@code GET api.stripe.com/v1/events: HTTP 503; attempt 2 of 4 in 1.2 s}.
     * Close it when the pause is over.
     */
    public Wait retrying(String what, String why, int next, int attempts, Duration pause) {
        String line = what + ": " + why + "; attempt " + next + " of " + attempts;
        return start(new Wait(line, pause, true), line + " in " + seconds(pause));
    }

    /** Shows {@code w}: drawn in place from now on when live, else {@code plainLine} once. */
    private Wait start(Wait w, String plainLine) {
        if (err == null) {
            return w;
        }
        synchronized (this) {
            if (live) {
                waits.push(w);
                startTicker();
            } else {
                err.println(plainLine);
                err.flush();
            }
        }
        return w;
    }

    /** The line a terminal shows now, or null when nothing is shown (no wait, or none long enough yet). */
    synchronized String current() {
        Wait top = waits.peek();
        if (top == null || top.elapsed().compareTo(QUIET) < 0) {
            return null;
        }
        String text = top.line();
        return width > 1 && text.length() > width - 1 ? text.substring(0, width - 2) + "…" : text;
    }

    /** Redraws the line in place (the ticker does it four times a second). */
    synchronized void draw() {
        String text = current();
        if (text == null || err == null) {
            return;
        }
        err.print("\r" + text + "\u001b[K");
        err.flush();
        drawn = true;
    }

    private void erase() {
        if (drawn && err != null) {
            err.print("\r\u001b[K");
            err.flush();
            drawn = false;
        }
    }

    private void startTicker() {
        if (ticker != null && ticker.isAlive()) {
            return;
        }
        ticker = new Thread(() -> {
            while (true) {
                synchronized (this) {
                    if (waits.isEmpty()) {
                        ticker = null;
                        return;
                    }
                    draw();
                }
                try {
                    Thread.sleep(TICK.toMillis()); // a redraw rate, not a synchronisation
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "notif-progress");
        ticker.setDaemon(true);
        ticker.start();
    }

    private static String seconds(Duration d) {
        return Seconds.text(d);
    }
}
