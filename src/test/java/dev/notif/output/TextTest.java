package dev.notif.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Colour through picocli's Ansi when on; when off, the bytes are the plain text, as before. */
class TextTest {
    static String table(boolean color) {
        StringWriter s = new StringWriter();
        Text t = new Text(new PrintWriter(s, true), color);
        t.table(List.of("STORE", "VERDICT"), List.of(List.of("stripe", t.status("accepted")),
            List.of("apple", t.status("signature_rejected"))));
        t.line(t.yellow("warning: ") + t.dim("dim") + " " + t.bold("bold") + " " + t.cyan("cyan"));
        t.flush();
        return s.toString();
    }

    @Test
    void without_colour_the_output_is_the_plain_text() {
        assertThat(table(false)).isEqualTo("  STORE   VERDICT\n  stripe  accepted\n  apple   signature_rejected\n"
            + "warning: dim bold cyan\n").doesNotContain("\u001b");
    }

    @Test
    void with_colour_the_same_text_carries_picocli_s_styles_and_takes_the_same_room() {
        String coloured = table(true);
        assertThat(coloured).contains("\u001b[32maccepted", "\u001b[31msignature_rejected", "\u001b[1mSTORE",
            "\u001b[33mwarning: ", "\u001b[2mdim", "\u001b[36mcyan").contains("\u001b[0m");
        assertThat(Wrap.plain(coloured)).isEqualTo(table(false));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"pass,32", "accepted,32", "warn,33", "skip,33", "fail,31", "timeout,31"})
    void status_words_are_coloured_by_meaning(String word, String code) {
        Text t = new Text(new PrintWriter(new StringWriter()), true);
        assertThat(t.status(word)).startsWith("\u001b[" + code + "m" + word);
        assertThat(new Text(new PrintWriter(new StringWriter()), false).status(word)).isEqualTo(word);
    }

    @Test
    void empty_and_null_are_never_painted() {
        Text t = new Text(new PrintWriter(new StringWriter()), true);
        assertThat(t.red("")).isEmpty();
        assertThat(t.red(null)).isNull();
    }
}
