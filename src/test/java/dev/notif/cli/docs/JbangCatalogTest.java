package dev.notif.cli.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.core.Json;
import dev.notif.core.Version;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The JBang catalog entry at the root names this artifact, its release version and a main class that exists. */
class JbangCatalogTest {
    @Test
    void the_alias_runs_this_release() throws Exception {
        Path base = Path.of(System.getProperty("notif.basedir", "."));
        JsonNode alias = Json.parse(Files.readString(base.resolve("jbang-catalog.json"))).path("aliases").path("notif");
        assertThat(alias.path("script-ref").asText())
            .isEqualTo("dev.notif:notif:" + Version.get().replace("-SNAPSHOT", ""));
        assertThat(Class.forName(alias.path("main").asText()).getMethod("main", String[].class)).isNotNull();
        assertThat(alias.path("java").asText()).isEqualTo("17+");
    }
}
