package dev.notif.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notif.testing.FixCommands;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A fix never names a command notif refuses: every {@code notif ...} command written in the code (fixes, hints,
 * help, examples) goes through notif's own parser here, and every one printed by any test run goes through it in
 * {@link dev.notif.testing.NotifRun}.
 */
class FixCommandsTest {
    private static final String LIT = "\"(?:[^\"\\\\\\n]|\\\\.)*\"";
    /** A string literal and the ones concatenated to it ({@code "a " + url + " b"}: a simple expression between). */
    private static final Pattern TEXT = Pattern.compile(LIT + "(?:\\s*\\+\\s*(?:" + LIT + "|[\\w.]+(?:\\(\\))?))*");
    private static final Pattern LITERAL = Pattern.compile(LIT + "|([\\w.]+(?:\\(\\))?)");

    @Test
    void every_notif_command_written_in_the_code_parses() throws IOException {
        List<String> refused = new ArrayList<>();
        int seen = 0;
        try (Stream<Path> files = Files.walk(Path.of(System.getProperty("notif.basedir", "."), "src", "main", "java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = TEXT.matcher(Files.readString(file));
                while (m.find()) {
                    String text = text(m.group());
                    for (FixCommands.Found f : FixCommands.check(text)) {
                        seen++;
                        if (f.problem() != null) {
                            refused.add(file.getFileName() + ": \"" + text + "\"\n    " + f.command() + "\n    -> "
                                + f.problem());
                        }
                    }
                }
            }
        }
        assertThat(seen).as("commands found in the code").isGreaterThan(50);
        assertThat(refused).as("commands in the code that notif's parser refuses").isEmpty();
    }

    /** The text a concatenation makes, a variable standing for a value. */
    static String text(String concatenation) {
        StringBuilder b = new StringBuilder();
        Matcher m = LITERAL.matcher(concatenation);
        while (m.find()) {
            String part = m.group();
            b.append(part.startsWith("\"") ? part.substring(1, part.length() - 1).replace("\\\"", "\"")
                .replace("\\n", "\n").replace("\\\\", "\\") : "VALUE");
        }
        return b.toString();
    }

    @Test
    void a_command_is_read_as_far_as_it_goes_and_refused_when_notif_would() {
        assertThat(FixCommands.check("create it: notif setup stripe --url https://x/stripe (or correct the URL)"))
            .singleElement().satisfies(f -> {
                assertThat(f.command()).isEqualTo("notif setup stripe --url https://x/stripe");
                assertThat(f.problem()).isNull();
            });
        assertThat(FixCommands.check("rerun with notif setup stripe --url URL --prune --yes, then check"))
            .singleElement().satisfies(f -> assertThat(f.problem()).isNull());
        assertThat(FixCommands.refused("run notif setup stripe --url URL --purge")).singleElement()
            .satisfies(f -> assertThat(f.problem()).contains("--purge"));
        assertThat(FixCommands.refused("notif check stripe --days")).hasSize(1);
        assertThat(FixCommands.check("the notif listen receiver; see notif.toml")).singleElement()
            .satisfies(f -> assertThat(f.command()).isEqualTo("notif listen"));
        assertThat(FixCommands.check("verify --header 't=1,v1=ab' notif verify stripe --payload - --header 't=1,v1=ab'"
            + " --secret whsec_x")).singleElement().satisfies(f -> assertThat(f.problem()).isNull());
    }
}
