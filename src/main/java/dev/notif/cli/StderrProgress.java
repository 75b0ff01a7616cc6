package dev.notif.cli;

import dev.notif.core.Progress;
import dev.notif.output.Text;
import dev.notif.stripe.StripeSetup;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Progress lines on stderr for commands that ask nothing (a rerun resumes them, their plan is their dry run): Prompt's
 * defaults, no question asked.
 */
class StderrProgress implements StripeSetup.Ui {
    private final Supplier<Text> stderr;
    private final Progress waits;

    StderrProgress(Supplier<Text> stderr, Progress waits) {
        this.stderr = stderr;
        this.waits = waits;
    }

    @Override
    public Progress.Wait waiting(String what, Duration bound) {
        return waits.waiting(what, bound);
    }

    Text stderr() {
        return stderr.get();
    }

    @Override
    public void progress(String line) {
        Text t = stderr.get();
        t.line(t.dim(line));
        t.flush();
    }

    @Override
    public void warn(String message) {
        Text t = stderr.get();
        t.line(t.yellow("warning: ") + message);
        t.flush();
    }
}
