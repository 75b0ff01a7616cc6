package dev.notif.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notif.testing.NotifRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code notif listen} refuses bad input before it starts: exit 2, one line, a hint; never 70. */
class ListenCommandTest {
    @TempDir
    Path home;

    NotifRun.Result listen(String... args) {
        String[] base = {"listen", "--port", "0"};
        return NotifRun.in(home).run(base, args);
    }

    static void assertUsage(NotifRun.Result r, String message, String hint) {
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("notif: " + message).contains("hint: " + hint).doesNotContain("internal error")
            .doesNotContain("Exception");
    }

    @Test
    void a_data_dir_that_is_a_file_is_a_usage_error() throws Exception {
        Path file = Files.writeString(home.resolve("file"), "x");
        assertUsage(listen("--data-dir", file.toString()), "--data-dir " + file + " is a file", "pass a directory");
        assertUsage(listen("--data-dir", file.resolve("below").toString()), "cannot write in --data-dir",
            "pass a directory this user can write to");
    }

    @Test
    void a_data_dir_where_nothing_can_be_written_is_a_usage_error() {
        // /proc takes no new directories, even from root (a 0500 directory would not stop root)
        assertUsage(listen("--data-dir", "/proc/self/notif-receiver"), "cannot write in --data-dir /proc/self/notif-receiver",
            "pass a directory this user can write to");
    }

    @Test
    void a_host_that_does_not_resolve_or_is_not_this_machines_is_a_usage_error() {
        assertUsage(listen("--host", "no-such-host.invalid", "--data-dir", home.resolve("d").toString()),
            "cannot resolve --host no-such-host.invalid", "pass an address of this machine");
        assertUsage(listen("--host", "203.0.113.7", "--data-dir", home.resolve("d").toString()),
            "cannot listen on 203.0.113.7:0: 203.0.113.7 is not an address of this machine", "pass 127.0.0.1");
    }
}
