package dev.notif.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.notif.cli.docs.Completions;
import dev.notif.testing.NotifRun;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** `notif completion SHELL` prints the shipped scripts, and each script completes in its real shell. */
class CompletionCommandTest {
    @TempDir
    Path dir;

    /** The working directory of the shells: what file completion offers. */
    Path work;

    @BeforeEach
    void files() throws Exception {
        work = Files.createDirectories(dir.resolve("work"));
        Files.writeString(work.resolve("event.json"), "{}");
        Files.writeString(work.resolve("notes.txt"), "x");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "zsh", "fish", "powershell"})
    void prints_the_script_shipped_in_completions(String shell) throws Exception {
        NotifRun.Result r = NotifRun.in(dir).run("completion", shell);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        Path committed = Path.of(System.getProperty("notif.basedir", "."), "completions", Completions.fileName(shell));
        assertThat(r.out()).isEqualTo(Files.readString(committed));
        assertThat(r.err()).isEmpty();
    }

    @Test
    void an_unknown_shell_is_a_usage_error() {
        NotifRun.Result r = NotifRun.in(dir).run("completion", "tcsh");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("notif: ").contains("tcsh").contains("bash, zsh, fish, powershell")
            .contains("hint: ");
    }

    String script(String shell) throws Exception {
        Path file = dir.resolve(Completions.fileName(shell));
        Files.writeString(file, NotifRun.in(dir).run("completion", shell).out());
        return file.toString();
    }

    static boolean installed(String program) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
            .anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }

    List<String> shell(String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true);
        pb.environment().put("HOME", dir.toString());
        pb.environment().put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        pb.environment().put("XDG_DATA_HOME", dir.resolve("data").toString());
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        return out.isEmpty() ? List.of() : List.of(out.split("\n"));
    }

    /** What bash offers for the words typed so far (the last one being completed). */
    List<String> bash(String script, String... words) throws Exception {
        StringBuilder array = new StringBuilder();
        for (String w : words) {
            array.append(" '").append(w.replace("'", "'\\''")).append("'");
        }
        return shell("bash", "--norc", "--noprofile", "-c", "source '" + script + "'; COMP_WORDS=(" + array
            + "); COMP_CWORD=" + (words.length - 1) + "; _notif; printf '%s\\n' \"${COMPREPLY[@]}\" | sort");
    }

    @Test
    void bash_completes_commands_options_and_files() throws Exception {
        String s = script("bash");
        assertThat(bash(s, "notif", "")).contains("setup", "check", "send", "completion");
        assertThat(bash(s, "notif", "se")).containsExactly("send", "setup");
        assertThat(bash(s, "notif", "send", "")).contains("stripe");
        assertThat(bash(s, "notif", "send", "stripe", "--da")).containsExactly("--data");
        assertThat(bash(s, "notif", "send", "stripe", "--data", "")).containsExactly("event.json", "notes.txt");
        assertThat(bash(s, "notif", "send", "stripe", "--data", "=", "ev")).containsExactly("event.json");
        assertThat(bash(s, "notif", "send", "stripe", "--url", "")).isEmpty();
        assertThat(bash(s, "notif", "send", "stripe", "--secret", "x", "--ti")).containsExactly("--timeout",
            "--timestamp");
        assertThat(bash(s, "notif", "completion", "--", "")).containsExactly("bash", "fish", "powershell", "zsh");
    }

    @Test
    void bash_completes_the_values_users_type_most() throws Exception {
        String s = script("bash");
        assertThat(bash(s, "notif", "send", "stripe", "--event", "customer.subscription."))
            .contains("customer.subscription.created", "customer.subscription.updated", "customer.subscription.deleted")
            .allMatch(e -> e.startsWith("customer.subscription."));
        assertThat(bash(s, "notif", "send", "stripe", "--event", "")).contains("charge.refunded", "invoice.updated",
            "checkout.session.completed", "invoice.paid").hasSizeGreaterThan(100);
        assertThat(bash(s, "notif", "send", "apple", "--type", "DID_")).contains("DID_RENEW", "DID_FAIL_TO_RENEW",
            "DID_RECOVER");
        assertThat(bash(s, "notif", "send", "apple", "--subtype", "AUTO")).containsExactly("AUTO_RENEW_DISABLED",
            "AUTO_RENEW_ENABLED");
        assertThat(bash(s, "notif", "send", "google", "--type", "")).containsExactly("one-time", "refund-review",
            "subscription", "test", "voided");
        assertThat(bash(s, "notif", "setup", "apple", "--version", "")).containsExactly("V1", "V2");
        assertThat(bash(s, "notif", "send", "amazon", "--signature-version", "")).containsExactly("1", "2");
        assertThat(bash(s, "notif", "check", "amazon", "--signature-version", "")).containsExactly("1", "2");
        assertThat(bash(s, "notif", "check", "apple", "--environment", "")).containsExactly("production", "sandbox");
        assertThat(bash(s, "notif", "send", "apple", "--environment", "p")).containsExactly("production");
        assertThat(bash(s, "notif", "completion", "")).containsExactly("bash", "fish", "powershell", "zsh");
        assertThat(bash(s, "notif", "completion", "p")).containsExactly("powershell");
    }

    @Test
    void zsh_and_fish_offer_the_same_values() throws Exception {
        String zsh = NotifRun.in(dir).run("completion", "zsh").out();
        assertThat(zsh).contains("'--version=[Notification version").contains(":V1|V2:(V1 V2)'")
            .contains("'1: :(bash zsh fish powershell)'").contains(":TYPE:(" + String.join(" ",
                dev.notif.stripe.StripeEvents.known()) + ")'");
        String fish = NotifRun.in(dir).run("completion", "fish").out();
        assertThat(fish).contains("-n 'test (__notif_path) = \"notif completion\"' -a 'bash zsh fish powershell'")
            .contains("-l type -x -a 'test subscription one-time voided refund-review'");
    }

    @Test
    void fish_completes_commands_with_descriptions_options_and_files() throws Exception {
        assumeTrue(installed("fish"), "fish is not installed");
        String s = script("fish");
        List<String> top = shell("fish", "--no-config", "-c", "source '" + s + "'; complete -C 'notif '");
        assertThat(top).anyMatch(l -> l.startsWith("send\tSend one correctly signed test notification"));
        assertThat(shell("fish", "--no-config", "-c", "source '" + s + "'; complete -C 'notif send stripe --da'"))
            .singleElement().asString().startsWith("--data\t");
        assertThat(shell("fish", "--no-config", "-c", "source '" + s + "'; complete -C 'notif send stripe --data '"))
            .containsExactly("event.json", "notes.txt");
        assertThat(shell("fish", "--no-config", "-c", "source '" + s + "'; complete -C 'notif setup --'"))
            .noneMatch(l -> l.startsWith("--url"));
    }

    @Test
    void fish_completes_values_and_the_shell_argument() throws Exception {
        assumeTrue(installed("fish"), "fish is not installed");
        String s = script("fish");
        assertThat(shell("fish", "--no-config", "-c", "source '" + s + "'; complete -C 'notif completion '"))
            .containsExactlyInAnyOrder("bash", "zsh", "fish", "powershell");
        assertThat(shell("fish", "--no-config", "-c", "source '" + s
            + "'; complete -C 'notif send stripe --event charge.'")).anyMatch(l -> l.startsWith("charge.refunded"));
    }

    @Test
    void zsh_loads_the_script_and_defines_a_completer_for_every_command() throws Exception {
        assumeTrue(installed("zsh"), "zsh is not installed");
        String s = script("zsh");
        List<String> out = shell("zsh", "-f", "-c", "autoload -U compinit && compinit -u -d '" + dir.resolve("zcd")
            + "' && source '" + s + "' && print -l ${(ok)functions[(I)_notif*]} && print compdef=$_comps[notif]");
        List<String> expected = new ArrayList<>(List.of("_notif", "_notif_send", "_notif_send_stripe",
            "_notif_completion", "compdef=_notif"));
        assertThat(out).containsAll(expected);
    }
}
