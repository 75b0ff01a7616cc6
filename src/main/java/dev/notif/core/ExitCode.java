package dev.notif.core;

/** The exit codes of the command-line contract; the one place that knows them. */
public final class ExitCode {
    public static final int OK = 0;
    /** Findings: a check failed, a delivery was rejected, an endpoint could not be reached. */
    public static final int FINDINGS = 1;
    /** Usage: invalid flags or input values. */
    public static final int USAGE = 2;
    /** Credentials missing, rejected (401) or lacking permission (403) at a provider API. */
    public static final int CREDENTIALS = 3;
    /** A provider API could not be reached or kept failing after retries. */
    public static final int UNAVAILABLE = 4;
    /** A bug in notif. */
    public static final int INTERNAL = 70;

    /** From least to most telling: what {@link #worst} keeps when several reasons to exit meet. */
    private static final int[] RANK = {OK, FINDINGS, USAGE, UNAVAILABLE, CREDENTIALS, INTERNAL};

    private ExitCode() {
    }

    /**
     * The one precedence rule, for a report whose checks stopped for several reasons and for a run of several
     * reports: a bug (70) outweighs credentials (3), which outweigh an unreachable provider (4), which outweighs
     * a refused input (2), which outweighs findings (1), which outweigh success (0). Codes it does not know rank
     * with findings.
     */
    public static int worst(int a, int b) {
        return rank(b) > rank(a) ? b : a;
    }

    private static int rank(int code) {
        for (int i = 0; i < RANK.length; i++) {
            if (RANK[i] == code) {
                return i;
            }
        }
        return 1;
    }

    /** The exit-code table shown in every command's help. */
    public static String[][] table() {
        return new String[][] {
            {"0", "done; every check passed; the delivery was accepted"},
            {"1", "findings: a check failed, a delivery was rejected or the endpoint could not be reached"},
            {"2", "usage: invalid flags or input values (a bad URL, a malformed secret, an unknown event type)"},
            {"3", "credentials: missing, rejected (401) or lacking permission (403) at a provider API"},
            {"4", "a provider API could not be reached or kept failing after retries"},
            {"70", "internal error (a bug); the message says how to report it"},
        };
    }
}
