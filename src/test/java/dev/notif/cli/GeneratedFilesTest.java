package dev.notif.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notif.cli.docs.GenerateFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The committed completions/ and docs/commands/ must be what the command classes generate today. */
class GeneratedFilesTest {
    static final String REGENERATE = "stale generated file; run: mvn -q process-classes -Dnotif.generated.dir=. and commit";

    @Test
    void committed_completions_and_command_pages_are_fresh() throws Exception {
        Path base = Path.of(System.getProperty("notif.basedir", "."));
        for (Map.Entry<String, String> file : GenerateFiles.files().entrySet()) {
            Path committed = base.resolve(file.getKey());
            assertThat(committed).as(REGENERATE + " (" + file.getKey() + " missing)").exists();
            assertThat(Files.readString(committed, StandardCharsets.UTF_8)).as(REGENERATE + " (" + file.getKey() + ")")
                .isEqualTo(file.getValue());
        }
    }

    @Test
    void bash_completion_knows_every_command_and_option() {
        String bash = GenerateFiles.files().get("completions/notif.bash");
        assertThat(bash).contains("send").contains("stripe").contains("--secret").contains("--event");
        String fish = GenerateFiles.files().get("completions/notif.fish");
        assertThat(fish).contains("-l secret").contains("-a 'stripe'");
    }
}
