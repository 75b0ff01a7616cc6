package dev.notif.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notif.testing.NotifRun;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Error lines stay lines: huge arguments cut, huge inputs bounded with a clear message. */
class MessagesTest {
    static final String SECRET = "whsec_messagesTest0123456789abcdefghij";

    @TempDir
    Path home;

    @Test
    void a_100_kb_argument_is_cut_in_the_error_line() {
        String huge = "https://example.com/" + "a".repeat(100_000);
        NotifRun.Result r = NotifRun.in(home).run("send", "stripe", "--url", "x" + huge, "--secret", SECRET);
        assertThat(r.exitCode()).as(r.err().substring(0, Math.min(300, r.err().length()))).isEqualTo(2);
        String line = r.err().lines().filter(l -> l.startsWith("notif: ")).findFirst().orElseThrow();
        assertThat(line.length()).isLessThan(400);
        assertThat(line).contains("more characters)");
        assertThat(r.err().length()).isLessThan(1000);
    }

    @Test
    void send_stripe_data_is_bounded_with_a_clear_message() throws Exception {
        Path big = home.resolve("big.json");
        try (OutputStream out = Files.newOutputStream(big)) { // a valid event of 21 MB
            out.write("{\"id\":\"evt_1\",\"object\":\"event\",\"type\":\"invoice.updated\",\"data\":{\"object\":{\"id\":\"in_1\",\"note\":\"".getBytes());
            byte[] chunk = "x".repeat(1 << 20).getBytes();
            for (int i = 0; i < 21; i++) {
                out.write(chunk);
            }
            out.write("\"}}}".getBytes());
        }
        NotifRun.Result r = NotifRun.in(home).run("send", "stripe", "--url", "http://127.0.0.1:9/stripe", "--secret",
            SECRET, "--data", big.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("is larger than 8 MiB").doesNotContain("not a JSON object").contains("hint: ");
        NotifRun.Result stdin = NotifRun.in(home).stdin("{\"a\":\"" + "y".repeat(9 << 20) + "\"}").run("send", "stripe",
            "--url", "http://127.0.0.1:9/stripe", "--secret", SECRET, "--data", "-");
        assertThat(stdin.exitCode()).isEqualTo(2);
        assertThat(stdin.err()).contains("--data (stdin) is larger than 8 MiB");
    }

    @Test
    void a_value_picocli_cannot_convert_is_named_in_notifs_words() {
        NotifRun.Result r = NotifRun.in(home).run("send", "stripe", "--url", "http://127.0.0.1:9/stripe", "--secret",
            SECRET, "--timeout", "abc");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines().toList()).containsExactly("notif: --timeout takes a number of seconds, got 'abc'",
            "hint: for example --timeout 10; see 'notif send stripe --help'");
        NotifRun.Result days = NotifRun.in(home).run("check", "apple", "--bundle-id", "com.example.app", "--days", "7.5");
        assertThat(days.exitCode()).isEqualTo(2);
        assertThat(days.err()).startsWith("notif: --days takes a whole number, got '7.5'\nhint: for example --days ");
        NotifRun.Result shell = NotifRun.in(home).run("completion", "tcsh");
        assertThat(shell.exitCode()).isEqualTo(2);
        assertThat(shell.err()).startsWith("notif: SHELL takes one of bash, zsh, fish")
            .contains(", got 'tcsh'\nhint: for example 'notif completion bash'").doesNotContain("expected one of");
    }

    @Test
    void a_seconds_bound_shows_the_value_as_typed() {
        NotifRun.Result r = NotifRun.in(home).run("send", "stripe", "--url", "http://127.0.0.1:9/stripe", "--secret",
            SECRET, "--timeout", "0");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines().toList()).containsExactly(
            "notif: --timeout must be more than 0 and at most 600 seconds, got 0", "hint: for example --timeout 10");
    }
}
