package dev.notif.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notif.testing.FixCommands;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every notif command line in the README and the guides under docs/ parses with notif's own parser: code blocks,
 * console sessions and commands quoted in the prose (a bare mention such as "notif check stripe" is not a command
 * line; one with options must be whole).
 */
class DocCommandsTest {
    static final Path ROOT = Path.of(System.getProperty("notif.basedir", "."));

    static List<Path> documents() throws IOException {
        List<Path> docs = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        for (String dir : List.of("docs", "docs/guides")) {
            try (Stream<Path> files = Files.list(ROOT.resolve(dir))) {
                files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(docs::add);
            }
        }
        return docs;
    }

    @Test
    void every_command_line_in_the_readme_and_the_guides_parses() throws IOException {
        List<String> refused = new ArrayList<>();
        int readme = 0;
        for (Path doc : documents()) {
            for (FixCommands.Found f : FixCommands.check(Files.readString(doc))) {
                readme += doc.getFileName().toString().equals("README.md") ? 1 : 0;
                if (f.problem() != null) {
                    refused.add(ROOT.relativize(doc) + ": " + f.command() + "\n    -> " + f.problem());
                }
            }
        }
        assertThat(readme).as("commands found in the README").isGreaterThan(20);
        assertThat(refused).as("command lines in the documentation that notif's parser refuses").isEmpty();
    }

    @Test
    void a_refused_line_is_found() {
        assertThat(FixCommands.refused("```sh\nnotif send stripe --url URL --secrett whsec_x\n```")).hasSize(1);
        assertThat(FixCommands.refused("run `notif check google --topic T --push-urll https://x/g` nightly")).hasSize(1);
    }
}
