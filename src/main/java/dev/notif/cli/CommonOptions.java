package dev.notif.cli;

import picocli.CommandLine.Option;

/** Options every command has: output form, colour, diagnostics. */
public class CommonOptions {
    @Option(names = "--json", description = "Print exactly one JSON document on stdout (warnings and hints go to stderr).")
    public boolean json;

    @Option(names = "--no-color", description = "No colour, even on a terminal (NO_COLOR is honoured too).")
    public boolean noColor;

    @Option(names = "--verbose", description = "More detail on stderr: every HTTP exchange (method, URL, status, time, headers, the start of"
        + " each body; secrets, keys, tokens and signatures masked) and a stack trace with internal errors.")
    public boolean verbose;
}
