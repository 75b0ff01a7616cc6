package dev.notif.cli.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command has a man page that troff renders without a warning, with its options and exit codes. */
class ManPagesTest {
    @TempDir
    Path dir;

    static Map<String, String> pages() {
        return ManPages.pages(GenerateFiles.commandLine());
    }

    @Test
    void one_page_per_command_with_its_options_examples_and_exit_status() {
        Map<String, String> pages = pages();
        assertThat(pages).containsKeys("notif.1", "notif-send.1", "notif-send-stripe.1", "notif-completion.1");
        String stripe = pages.get("notif-send-stripe.1");
        assertThat(stripe).startsWith("'\\\" t\n.\\\" generated").contains(".TH \"NOTIF-SEND-STRIPE\" \"1\"")
            .contains(".SH NAME\nnotif\\-send\\-stripe \\- Send one signed Stripe webhook delivery")
            .contains("\\fB\\-\\-url\\fR=\\fIURL\\fR").contains(".SH EXAMPLES").contains(".SH EXIT STATUS\n.TP\n\\fB0\\fR")
            .contains("\\fBnotif\\-send\\fR(1)");
        assertThat(pages.get("notif-send.1")).contains(".SH COMMANDS\n.TP\n\\fBstripe\\fR");
    }

    @Test
    void troff_renders_every_page_without_a_warning() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/groff")), "groff is not installed");
        for (Map.Entry<String, String> page : pages().entrySet()) {
            Path file = dir.resolve(page.getKey());
            Files.writeString(file, page.getValue(), StandardCharsets.UTF_8);
            Process p = new ProcessBuilder("groff", "-t", "-man", "-ww", "-Tutf8", "-P-cbou", file.toString()).start();
            byte[] text = p.getInputStream().readAllBytes();
            String warnings = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(warnings).as(page.getKey()).isEmpty();
            assertThat(p.exitValue()).isZero();
            assertThat(new String(text, StandardCharsets.UTF_8)).contains("NAME").contains("EXIT STATUS");
        }
    }
}
