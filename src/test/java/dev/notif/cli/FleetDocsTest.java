package dev.notif.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notif.config.ConfigReader;
import dev.notif.config.NotifConfig;
import dev.notif.core.Context;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/config.md names every key notif.toml takes, and its example is a file notif reads. */
class FleetDocsTest {
    static final Path DOC = Path.of(System.getProperty("notif.basedir", "."), "docs", "config.md");

    static FleetStores stores() {
        return new FleetStores(new Context(Map.of(), new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter()), InputStream.nullInputStream(), Clock.systemUTC(), false));
    }

    @Test
    void every_key_of_every_store_is_documented_in_its_section() throws Exception {
        String doc = Files.readString(DOC);
        var schema = stores().schema();
        schema.stores().forEach((store, keys) -> {
            int start = doc.indexOf("## `[app." + store + "]`");
            assertThat(start).as("a section for " + store).isPositive();
            int end = doc.indexOf("\n## ", start + 1);
            String section = doc.substring(start, end < 0 ? doc.length() : end);
            keys.keySet().stream().filter(k -> !schema.inherited().containsKey(k))
                .forEach(k -> assertThat(section).as(store + " key " + k).contains("`" + k + "`"));
        });
        schema.inherited().keySet().forEach(k -> assertThat(doc).contains("| `" + k + "` |"));
    }

    @Test
    void the_documented_example_reads_without_a_mistake(@TempDir Path dir) throws Exception {
        String doc = Files.readString(DOC);
        int start = doc.indexOf("```toml\n") + "```toml\n".length();
        Path file = dir.resolve("notif.toml");
        Files.writeString(file, doc.substring(start, doc.indexOf("```", start)));
        NotifConfig cfg = ConfigReader.read(file, stores().schema(), Map.of());
        assertThat(cfg.apps()).singleElement().satisfies(a -> assertThat(a.stores()).hasSize(4));
    }
}
