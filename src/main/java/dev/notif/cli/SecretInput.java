package dev.notif.cli;

import dev.notif.core.NotifException;
import dev.notif.core.SecretFiles;
import dev.notif.core.Secrets;
import java.io.Console;
import java.nio.file.Path;

/**
 * Where a command takes a secret from, so that it need not be typed where shell history and {@code ps} keep it:
 * the option itself ({@code --secret VALUE}), standard input ({@code --secret -}; a prompt without echo on a
 * terminal), a file ({@code --secret-file FILE}), else the environment variable of its {@link EnvDefaults} row.
 */
final class SecretInput {
    /** Standard input as a secret option's value. */
    static final String STDIN = "-";

    private SecretInput() {
    }

    /**
     * The secret, or null when none was given: {@code file} wins over a value the environment filled in; a value
     * typed beside {@code fileOption} is refused. Every value is remembered for redaction.
     */
    static String resolve(BaseCommand command, String option, String value, String fileOption, Path file) {
        boolean typed = command.given(option);
        if (file != null) {
            if (typed) {
                throw NotifException.usage(option + " and " + fileOption + " both given", "pass one of them");
            }
            return SecretFiles.readOne(fileOption, file, command::warn);
        }
        if (STDIN.equals(value) && typed) {
            return stdin(command, option);
        }
        Secrets.remember(value);
        return value;
    }

    /** {@code option -}: a hidden prompt on a terminal, else all of standard input. */
    static String stdin(BaseCommand command, String option) {
        Console console = command.ctx.terminal() ? System.console() : null;
        if (console != null) {
            char[] typed = console.readPassword("%s (input hidden): ", option.replaceFirst("^--", ""));
            if (typed == null || typed.length == 0) {
                throw NotifException.usage(option + " -: nothing was typed", "type or paste the secret, then Enter");
            }
            String secret = new String(typed).strip();
            Secrets.remember(secret);
            return secret;
        }
        return SecretFiles.readStdin(option, command.ctx.in());
    }
}
