package dev.notif.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notif.output.Wrap;
import dev.notif.testing.NotifRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Help fits the width it is printed at: COLUMNS, else 80. */
class HelpTextTest {
    @TempDir
    Path home;

    @Test
    void every_help_line_fits_80_columns_by_default_and_columns_when_set_except_words_longer_than_a_line() {
        for (String width : new String[] {null, "100", "64"}) {
            NotifRun run = NotifRun.in(home);
            if (width != null) {
                run.env("COLUMNS", width);
            }
            int columns = width == null ? 80 : Integer.parseInt(width);
            for (String[] args : new String[][] {{"--help"}, {"check", "stripe", "--help"}, {"listen", "--help"},
                {"send", "apple", "--help"}, {"check", "stripe", "--no-color", "--help"}}) {
                String out = run.run(args).out();
                for (String line : out.split("\n")) {
                    if (line.length() > columns) {
                        assertThat(line.strip()).as("%s at %d: %s", String.join(" ", args), columns, line)
                            .doesNotContain(" ");
                    }
                }
            }
        }
    }

    @Test
    void a_check_row_continues_under_its_text_and_an_option_under_its_description() {
        String out = NotifRun.in(home).env("COLUMNS", "80").run("check", "stripe", "--help").out();
        assertThat(out).contains("  stripe.endpoint.exists     an endpoint for URL exists (URLs compared\n"
            + "                             normalised)\n");
        java.util.List<String> lines = java.util.List.of(out.split("\n"));
        int json = lines.indexOf(lines.stream().filter(l -> l.startsWith("      --json ")).findFirst().orElseThrow());
        int column = lines.get(json).indexOf("Print");
        assertThat(lines.get(json + 1)).startsWith(" ".repeat(column) + "and hints go to stderr");
        assertThat(out).contains("Usage: notif check stripe [-hV] [--json] [--no-color] [--track-new-purchases]\n"
            + "                          [--verbose]");
    }

    @Test
    void a_long_example_keeps_its_comment_above_it_and_continues_with_a_backslash() {
        assertThat(Wrap.shell("  notif check stripe --url https://api.example.com/stripe --secret whsec_... --json"
            + "   # nightly in CI", 60)).containsExactly(
            "  # nightly in CI",
            "  notif check stripe --url https://api.example.com/stripe \\",
            "      --secret whsec_... --json");
        assertThat(Wrap.shell("  notif send stripe --url URL --data '{\"a\": 1, \"b\": 2}' --json", 40))
            .containsExactly("  notif send stripe --url URL \\", "      --data '{\"a\": 1, \"b\": 2}' --json");
    }

    @Test
    void the_unwrapped_page_wraps_the_same_whether_pre_rendered_or_rendered_by_picocli() {
        NotifRun run = NotifRun.in(home).env("COLUMNS", "72");
        String fast = run.run("send", "stripe", "--help").out();
        String picocli = run.run("send", "stripe", "--no-color", "--help").out();
        assertThat(fast).isEqualTo(picocli);
    }
}
