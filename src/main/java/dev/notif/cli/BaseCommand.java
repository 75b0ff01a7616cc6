package dev.notif.cli;

import dev.notif.core.Context;
import dev.notif.core.Http;
import dev.notif.core.Json;
import dev.notif.core.Secrets;
import dev.notif.output.Result;
import dev.notif.output.Text;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * A leaf command: parse options (picocli), call one service, print its one result record as text or JSON.
 * Subclasses implement {@link #execute()} and nothing else.
 */
public abstract class BaseCommand implements Callable<Integer> {
    protected final Context ctx;

    @Mixin
    protected CommonOptions common;

    @Spec
    protected CommandSpec spec;

    /** The parse this command's options come from when not its command line's last one (a run over notif.toml). */
    ParseResult parsed;

    protected BaseCommand(Context ctx) {
        this.ctx = ctx;
    }

    protected abstract Result execute() throws Exception;

    @Override
    public final Integer call() throws Exception {
        if (common.json || common.verbose) { // a line redrawn in place would be torn by the trace, or is not wanted
            ctx.progress().plain();
        }
        if (!common.verbose) {
            return run();
        }
        try (Http.Scope trace = Http.trace(ctx.err())) { // --verbose: every HTTP exchange on stderr
            return run();
        }
    }

    private int run() throws Exception {
        Result result = execute();
        Result.Notice notice = result.notice();
        if (notice != null) {
            Cli.printError(ctx, color(), false, result.exitCode(), notice.message(), notice.hint());
        }
        print(result);
        afterPrint();
        return result.exitCode();
    }

    /** Called once the result is on stdout (the receiver lets its shutdown hook finish then). */
    protected void afterPrint() {
    }

    protected void print(Result result) {
        if (common.json) {
            ctx.out().println(Secrets.scrub(Json.pretty(result)));
        } else {
            Text text = new Text(ctx.out(), color(), ctx.width(), ctx.clock().instant());
            result.printText(text);
        }
        ctx.out().flush();
    }

    protected boolean color() {
        return Cli.color(ctx, common.noColor);
    }

    /** Text on stderr: warnings, progress, hints, one line each (never wrapped); the same in text and JSON modes. */
    protected Text stderr() {
        return new Text(ctx.err(), color(), 0, ctx.clock().instant());
    }

    /** Whether the option was on the command line (not a default, nor from the environment). */
    protected boolean given(String option) {
        return (parsed != null ? parsed : spec.commandLine().getParseResult()).hasMatchedOption(option);
    }

    protected void warn(String message) {
        Text t = stderr();
        t.line(t.yellow("warning: ") + message);
        t.flush();
    }
}
