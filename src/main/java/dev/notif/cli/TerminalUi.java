package dev.notif.cli;

import dev.notif.core.Context;
import dev.notif.output.Text;
import dev.notif.stripe.SavedSecrets;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;

/** Progress and warnings on stderr; yes/no questions on stderr answered on stdin, only when prompting is allowed. */
final class TerminalUi extends StderrProgress {
    private final Context ctx;

    TerminalUi(Supplier<Text> stderr, Context ctx) {
        super(stderr, ctx.progress());
        this.ctx = ctx;
    }

    @Override
    public boolean interactive() {
        return ctx.interactive();
    }

    @Override
    public boolean confirm(String question) {
        String answer = ask(question + " [y/N] ");
        return answer != null && answer.matches("y|yes");
    }

    /** On a terminal: save the secret under the config directory unless the answer is no (Enter saves). */
    @Override
    public Path offerToSave(String endpointId) {
        if (!interactive()) {
            return null;
        }
        Path file = SavedSecrets.file(ctx.configDir(), endpointId);
        String answer = ask("Stripe shows this signing secret once. Save it to " + file + " (mode 0600)? [Y/n] ");
        return answer != null && !answer.matches("n|no") ? file : null;
    }

    /** The answer in lower case without spaces; null at the end of input. */
    private String ask(String question) {
        Text t = stderr();
        t.print(question);
        t.flush();
        try {
            String answer = new BufferedReader(new InputStreamReader(ctx.in(), StandardCharsets.UTF_8)).readLine();
            return answer == null ? null : answer.strip().toLowerCase(Locale.ROOT);
        } catch (IOException e) {
            return null;
        }
    }
}
