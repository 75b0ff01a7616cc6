package dev.notif.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notif.cli.Cli;
import dev.notif.core.Context;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WrapTest {
    @Test
    void the_commands_it_keeps_whole_are_notifs_commands() {
        Context ctx = new Context(Map.of(), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
            java.io.InputStream.nullInputStream(), Clock.systemUTC(), false);
        assertThat(Wrap.NOTIF_COMMANDS).containsExactlyInAnyOrderElementsOf(Cli.fullCommandLine(ctx).getSubcommands()
            .keySet());
    }

    @Test
    void a_line_that_fits_is_left_alone() {
        assertThat(Wrap.lines("  fix: short", 80, 7)).containsExactly("  fix: short");
    }

    @Test
    void a_long_line_breaks_at_spaces_under_its_hanging_indent_and_never_inside_a_word() {
        List<String> lines = Wrap.lines("  fix: copy the endpoint's signing secret from the Dashboard into the backend", 30, 7);
        assertThat(lines).containsExactly(
            "  fix: copy the endpoint's",
            "       signing secret from the",
            "       Dashboard into the",
            "       backend");
        assertThat(lines).allMatch(l -> l.length() <= 30);
    }

    @Test
    void the_hang_is_after_a_label_else_under_the_second_column_else_under_the_first_character() {
        assertThat(Wrap.hang("        fix: do this", 80)).isEqualTo(13);
        assertThat(Wrap.hang("signature_rejected: the backend", 80)).isEqualTo(20);
        assertThat(Wrap.hang("  stripe.credentials         the key is accepted", 80)).isEqualTo(29);
        assertThat(Wrap.hang("  -h, --help              Show this help", 80)).isEqualTo(26);
        assertThat(Wrap.hang("    plain prose, one space apart", 80)).isEqualTo(4);
    }

    @Test
    void a_notif_command_in_a_fix_is_kept_on_one_line_when_it_fits_one() {
        List<String> lines = Wrap.lines("fix: make the endpoint send exactly these: notif setup stripe --url URL", 40, 5);
        assertThat(lines).containsExactly("fix: make the endpoint send exactly", "     these: notif setup stripe --url URL");
        assertThat(Wrap.lines("fix: make the endpoint send these events: notif setup stripe --url URL", 40, 5))
            .containsExactly("fix: make the endpoint send these", "     events:", "     notif setup stripe --url URL");
    }

    @Test
    void colour_is_closed_at_a_break_and_reopened_after_it_and_takes_no_room() {
        String red = "\u001b[31m";
        List<String> lines = Wrap.lines(red + "one two three four\u001b[0m", 9, 0);
        assertThat(lines).containsExactly(red + "one two\u001b[0m", red + "three\u001b[0m", red + "four\u001b[0m");
        assertThat(Wrap.width(lines.get(0))).isEqualTo(7);
    }

    @Test
    void a_list_of_alternatives_too_long_for_a_line_breaks_after_a_bar() {
        assertThat(Wrap.lines("codes: malformed|signature_mismatch|unsupported_event_type", 30, 0))
            .containsExactly("codes:", "malformed|signature_mismatch|", "unsupported_event_type");
    }

    @Test
    void check_reports_wrap_summaries_under_the_summary_and_fixes_under_their_text() {
        StringWriter w = new StringWriter();
        CheckReport.of("x", null, List.of(Check.fail("x.endpoint.events", "two events differ from the accepted set",
            "make the endpoint send exactly the accepted events and nothing else"))).printText(
            new Text(new PrintWriter(w, true), false, 56, null));
        assertThat(w.toString()).contains(
            "  fail  x.endpoint.events  two events differ from the\n"
                + "                           accepted set\n"
                + "        fix: make the endpoint send exactly the accepted\n"
                + "             events and nothing else\n");
    }

    @Test
    void a_table_row_continues_under_its_last_column() {
        StringWriter w = new StringWriter();
        new Text(new PrintWriter(w, true), false, 30, null).table(List.of("A", "B"),
            List.of(List.of("x", "a long last cell that wraps")));
        assertThat(w.toString()).isEqualTo("  A  B\n  x  a long last cell that\n     wraps\n");
    }
}
