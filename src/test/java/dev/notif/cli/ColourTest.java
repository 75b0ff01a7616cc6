package dev.notif.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notif.core.Context;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Colour only on a terminal, never with --no-color, NO_COLOR or TERM=dumb: errors, results and help alike. */
class ColourTest {
    record Run(String out, String err) {
    }

    static Run run(boolean terminal, String env, String... args) {
        Map<String, String> vars = new HashMap<>(Map.of("HOME", "/nonexistent", "TERM", "xterm-256color"));
        if (!env.isEmpty()) {
            vars.put(env.substring(0, env.indexOf('=')), env.substring(env.indexOf('=') + 1));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Cli.run(new Context(Map.copyOf(vars), new PrintWriter(out, true), new PrintWriter(err, true),
            java.io.InputStream.nullInputStream(), Clock.systemUTC(), terminal), args);
        return new Run(out.toString(), err.toString());
    }

    @ParameterizedTest(name = "terminal {0}, env [{1}], --no-color {2} -> colour {3}")
    @CsvSource({
        "true,,false,true",
        "true,,true,false",
        "true,NO_COLOR=1,false,false",
        "true,NO_COLOR=,false,true", // no-color.org: an empty NO_COLOR is not set
        "true,TERM=dumb,false,false",
        "false,,false,false",
    })
    void an_error_line_is_red_only_where_colour_is_allowed(boolean terminal, String env, boolean noColor,
                                                           boolean colour) {
        Run r = noColor
            ? run(terminal, env == null ? "" : env, "send", "stripe", "--no-color", "--url", "ftp://x", "--secret", "x")
            : run(terminal, env == null ? "" : env, "send", "stripe", "--url", "ftp://x", "--secret", "x");
        if (colour) {
            assertThat(r.err()).startsWith("\u001b[31mnotif:\u001b[39m\u001b[0m --url must start with");
        } else {
            assertThat(r.err()).startsWith("notif: --url must start with").doesNotContain("\u001b");
        }
    }

    @ParameterizedTest(name = "--no-color {0}")
    @CsvSource({"false", "true"})
    void help_on_a_terminal_follows_the_same_rule(boolean noColor) {
        Run r = noColor ? run(true, "", "send", "stripe", "--help", "--no-color") : run(true, "", "send", "stripe", "--help");
        assertThat(r.out()).contains("--secret");
        assertThat(r.out().contains("\u001b[")).isEqualTo(!noColor);
    }
}
