package dev.notif.cli;

import dev.notif.core.Context;
import dev.notif.output.Text;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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
        Text t = stderr();
        t.print(question + " [y/N] ");
        t.flush();
        try {
            String answer = new BufferedReader(new InputStreamReader(ctx.in(), StandardCharsets.UTF_8)).readLine();
            return answer != null && answer.strip().toLowerCase(Locale.ROOT).matches("y|yes");
        } catch (IOException e) {
            return false;
        }
    }
}
