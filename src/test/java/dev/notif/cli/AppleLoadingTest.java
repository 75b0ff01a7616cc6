package dev.notif.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Apple's library, BouncyCastle and notif's Apple classes load only when an Apple command runs. */
class AppleLoadingTest {
    @Test
    void other_commands_load_nothing_apple_related() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-verbose:class", "-cp", System.getProperty("java.class.path"),
            "dev.notif.Main", "send", "stripe", "--url", "http://127.0.0.1:9/stripe", "--secret",
            "whsec_0123456789abcdefghijklmnopqrstuv", "--timeout", "2"))
            .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isEqualTo(1); // port 9: nothing listens
        assertThat(out).contains("dev.notif.cli.SendStripeCommand");
        assertThat(out.lines().filter(l -> l.contains("com.apple.") || l.contains("org.bouncycastle.")
            || l.contains("dev.notif.apple.") || l.contains("com.auth0.")).toList()).isEmpty();
    }
}
