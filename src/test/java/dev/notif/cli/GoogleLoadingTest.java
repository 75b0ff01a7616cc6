package dev.notif.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** google-auth-library and google-http-client load only when a Google command needs credentials. */
class GoogleLoadingTest {
    @Test
    void other_commands_and_a_push_to_a_url_load_nothing_of_googles_auth_library() throws Exception {
        for (List<String> args : List.of(
            List.of("send", "stripe", "--url", "http://127.0.0.1:9/stripe", "--secret",
                "whsec_0123456789abcdefghijklmnopqrstuv", "--timeout", "2"),
            List.of("send", "google", "--url", "http://127.0.0.1:9/google", "--timeout", "2"))) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> cmd = new java.util.ArrayList<>(List.of(java, "-verbose:class", "-cp",
                System.getProperty("java.class.path"), "dev.notif.Main"));
            cmd.addAll(args);
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(out).isEqualTo(1); // port 9: nothing listens
            assertThat(out.lines().filter(l -> l.contains("com.google.auth.") || l.contains("com.google.api.client.")
                || l.contains("com.google.common.")).toList()).as(args.toString()).isEmpty();
        }
    }
}
