package dev.notif.fleet;

import dev.notif.core.ExitCode;
import java.util.List;

/**
 * The worst of several exit codes: a bug (70) over a usage error (2: the file asks for something impossible), over
 * credentials (3), over a provider that could not be reached (4), over findings (1), over success.
 */
public final class ExitCodes {
    private static final List<Integer> WORST_FIRST = List.of(ExitCode.INTERNAL, ExitCode.USAGE, ExitCode.CREDENTIALS,
        ExitCode.UNAVAILABLE, ExitCode.FINDINGS, ExitCode.OK);

    private ExitCodes() {
    }

    public static int worst(int a, int b) {
        return rank(a) <= rank(b) ? a : b;
    }

    /** Lower is worse; a code not in the contract counts as a bug. */
    static int rank(int code) {
        int i = WORST_FIRST.indexOf(code);
        return i < 0 ? 0 : i;
    }

    /** What the code means, in a few words, for the report's "exit 3: ..." line. */
    public static String meaning(int code) {
        return switch (code) {
            case ExitCode.OK -> "every check passed";
            case ExitCode.FINDINGS -> "findings";
            case ExitCode.USAGE -> "a value of the file cannot be used";
            case ExitCode.CREDENTIALS -> "credentials missing, rejected or lacking a permission";
            case ExitCode.UNAVAILABLE -> "a provider API could not be reached";
            default -> "internal error";
        };
    }
}
