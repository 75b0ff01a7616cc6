package dev.notif.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.cli.Cli;
import dev.notif.core.Context;
import dev.notif.core.Json;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs notif in-process through the same factory as main, with its own environment and streams. */
public final class NotifRun {
    private final Map<String, String> env = new HashMap<>();
    private InputStream stdin = InputStream.nullInputStream();
    private Clock clock = Clock.systemUTC();
    private boolean terminal;

    /** A run whose config and data directories live under {@code home}. */
    public static NotifRun in(Path home) {
        NotifRun run = new NotifRun();
        run.env.put("HOME", home.toString());
        run.env.put("NOTIF_CONFIG_DIR", home.resolve("config").toString());
        run.env.put("NOTIF_DATA_DIR", home.resolve("data").toString());
        run.env.put("NOTIF_RETRY_BASE_MS", "5");
        return run;
    }

    public NotifRun env(String name, String value) {
        env.put(name, value);
        return this;
    }

    public NotifRun stdin(String text) {
        stdin = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** As if stdin and stdout were a terminal (prompts allowed unless CI is set); answers come from {@link #stdin}. */
    public NotifRun terminal() {
        terminal = true;
        return this;
    }

    public NotifRun clock(Clock c) {
        clock = c;
        return this;
    }

    /** Runs {@code base} followed by {@code extra}: a test's fixed arguments plus the ones a case adds. */
    public Result run(String[] base, String... extra) {
        String[] args = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return run(args);
    }

    public Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Context ctx = new Context(Map.copyOf(env), new PrintWriter(out, true), new PrintWriter(err, true), stdin, clock,
            terminal);
        int code = Cli.run(ctx, args);
        Result result = new Result(code, out.toString(), err.toString());
        // a fix never names a command notif refuses: every notif command printed goes through notif's parser
        boolean live = String.valueOf(env.get("STRIPE_API_KEY")).startsWith("sk_live_")
            || java.util.Arrays.stream(args).anyMatch(a -> a.startsWith("sk_live_") || a.startsWith("rk_live_"));
        boolean script = args.length > 0 && args[0].equals("completion"); // a shell script, not text for people
        List<FixCommands.Found> refused = script ? List.of()
            : FixCommands.refused(result.out() + "\n" + result.err(), live);
        if (!refused.isEmpty()) {
            throw new AssertionError("notif printed commands it refuses: " + refused + "\n" + result);
        }
        return result;
    }

    /** Exit code and both streams of one run. */
    public record Result(int exitCode, String out, String err) {
        public JsonNode json() {
            JsonNode node = Json.parseOrNull(out);
            if (node == null) {
                throw new AssertionError("stdout is not one JSON document:\n" + out + "\nstderr:\n" + err);
            }
            return node;
        }

        /** The check {@code id} of the report on stdout ({@code checks[]}); an AssertionError when there is none. */
        public JsonNode check(String id) {
            for (JsonNode c : json().path("checks")) {
                if (c.path("id").asText().equals(id)) {
                    return c;
                }
            }
            throw new AssertionError("no check " + id + " in " + this);
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
