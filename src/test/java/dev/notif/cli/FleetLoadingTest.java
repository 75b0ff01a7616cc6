package dev.notif.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The notif.toml reader and the fleet run load only when a command over the file runs, never for one store. */
class FleetLoadingTest {
    @Test
    void a_single_store_check_loads_nothing_of_the_file_or_the_fleet() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-verbose:class", "-cp", System.getProperty("java.class.path"),
            "dev.notif.Main", "check", "stripe", "--url", "http://127.0.0.1:9/stripe", "--api-key",
            "sk_test_51FakeKeyForNotifTests0000y123", "--api-base", "http://127.0.0.1:9", "--timeout", "1"))
            .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out).contains("dev.notif.cli.CheckStripeCommand");
        assertThat(out.lines().filter(l -> l.contains("dev.notif.config.") || l.contains("dev.notif.fleet.")
            || l.contains("jackson.dataformat.toml") || l.contains("dev.notif.cli.FleetOptions")
            || l.contains("dev.notif.cli.FleetStores")).toList()).isEmpty();
    }
}
