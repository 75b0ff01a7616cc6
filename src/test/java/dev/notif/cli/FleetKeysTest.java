package dev.notif.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.notif.config.ConfigReader;
import dev.notif.config.NotifConfig;
import dev.notif.core.NotifException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A renamed option keeps its former notif.toml key: Google's url (formerly push_url). */
class FleetKeysTest {
    @TempDir
    Path dir;

    NotifConfig.StoreEntry google(String keys) throws Exception {
        Path file = dir.resolve("notif.toml");
        Files.writeString(file, "[[app]]\nname = \"a\"\n  [app.google]\n  topic = \"play-rtdn\"\n" + keys);
        return ConfigReader.read(file, FleetDocsTest.stores().schema(), Map.of()).apps().get(0).stores().get(0);
    }

    @Test
    void url_and_its_former_name_push_url_both_set_the_push_url() throws Exception {
        FleetStores stores = FleetDocsTest.stores();
        List<String> now = stores.args(google("  url = \"https://api.example.com/google\"\n"), "check");
        List<String> before = stores.args(google("  push_url = \"https://api.example.com/google\"\n"), "setup");
        assertThat(now).containsSubsequence("--url", "https://api.example.com/google");
        assertThat(before).containsSubsequence("--url", "https://api.example.com/google");
        assertThat(stores.schema().stores().get("google")).containsKeys("url", "push_url");
        assertThat(stores.schema().stores().get("google").get("push_url").description()).contains("former name of url");
    }

    @Test
    void both_in_one_table_is_an_error_that_names_the_key_to_keep() throws Exception {
        NotifConfig.StoreEntry both = google("  url = \"https://a.example.com/g\"\n  push_url = \"https://b.example.com/g\"\n");
        assertThatThrownBy(() -> FleetDocsTest.stores().args(both, "check")).isInstanceOf(NotifException.class)
            .hasMessageContaining("url and push_url are one setting").hasMessageContaining("formerly push_url");
    }
}
