package dev.notif.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.notif.config.Schema.Key;
import dev.notif.config.Schema.Kind;
import dev.notif.core.ExitCode;
import dev.notif.core.NotifException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigReaderTest {
    static final Schema SCHEMA = schema();

    @TempDir
    Path dir;

    static Schema schema() {
        Map<String, Key> stripe = new LinkedHashMap<>();
        stripe.put("url", new Key("url", Kind.URL, "the URL"));
        stripe.put("api_key", new Key("api_key", Kind.SECRET, "the key"));
        stripe.put("secret", new Key("secret", Kind.SECRET, "the secret"));
        stripe.put("track_new_purchases", new Key("track_new_purchases", Kind.BOOL, "more events"));
        stripe.put("days", new Key("days", Kind.INT, "days"));
        Map<String, Key> apple = new LinkedHashMap<>();
        apple.put("bundle_id", new Key("bundle_id", Kind.STRING, "bundle"));
        apple.put("key_file", new Key("key_file", Kind.FILE, "the .p8"));
        apple.put("environments", new Key("environments", Kind.STRINGS, "envs", List.of("production", "sandbox")));
        apple.put("wait", new Key("wait", Kind.NUMBER, "seconds"));
        Map<String, Key> inherited = Map.of("max_silence", new Key("max_silence", Kind.DURATION, "silence"),
            "timeout", new Key("timeout", Kind.NUMBER, "seconds"));
        Map<String, Map<String, Key>> stores = new LinkedHashMap<>();
        stores.put("stripe", stripe);
        stores.put("apple", apple);
        return new Schema(stores, inherited);
    }

    NotifConfig read(String toml, Map<String, String> env) throws Exception {
        Path file = dir.resolve("notif.toml");
        Files.writeString(file, toml);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return ConfigReader.read(file, SCHEMA, env);
    }

    NotifException error(String toml) {
        try {
            read(toml, Map.of());
        } catch (NotifException e) {
            assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(e.getMessage()).doesNotContain("\n");
            return e;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("no error for:\n" + toml);
    }

    static final String APP = "[[app]]\nname = \"game-ios\"\n  [app.stripe]\n";

    /** toml | the message's FILE:LINE:COLUMN and what it says | the hint. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        [[app]]\\nname = "a"\\n  [app.stripe]\\n  url = https://x.example/s                   | notif.toml:4:9: not valid TOML: TOML cannot read this value | strings in double quotes
        [[app]]\\nname = "a"\\n  [app.stripe]\\n  url = "https://x.example/s"\\n  api_kye = "x" | notif.toml:5:3: stripe.api_kye (app "a"): unknown key; expected one of api_key, days, max_silence, secret, timeout, track_new_purchases, url | did you mean api_key?
        [[apps]]\\nname = "a"                                                               | notif.toml:1:1: apps: unknown key; expected one of app, concurrency, defaults | did you mean app?
        [app]\\nname = "a"                                                                  | notif.toml:1:1: app: is a single table; expected [[app]] | write [[app]] instead of [app]
        [[app]]\\nname = "a"\\n  [app.strip]\\n  url = "https://x.example/s"                 | notif.toml:3:3: strip (app "a"): unknown key; expected one of apple, max_silence, name, stripe, timeout | did you mean stripe?
        [[app]]\\nname = "a"\\n  [app.stripe]\\n  track_new_purchases = "yes"                | notif.toml:4:3: stripe.track_new_purchases (app "a"): is the string "yes"; expected true or false | track_new_purchases = true
        [[app]]\\nname = "a"\\n  [app.stripe]\\n  url = "ftp://x.example/s"                  | notif.toml:4:3: stripe.url (app "a"): is the string "ftp://x.example/s"; expected an http:// or https:// URL | a full URL
        [[app]]\\nname = "a"\\n  [app.stripe]\\n  days = 7.5                                  | notif.toml:4:3: stripe.days (app "a"): is the number 7.5; expected a whole number | days = 7
        [defaults]\\nmax_silence = "a day"\\n[[app]]\\nname = "a"\\n[app.stripe]               | notif.toml:2:1: defaults.max_silence: is the string "a day"; expected a duration such as "24h" | max_silence = "24h"
        [defaults]\\nmax_silense = "1d"\\n[[app]]\\nname = "a"\\n[app.stripe]                 | notif.toml:2:1: defaults.max_silense: unknown key; expected one of max_silence, timeout | did you mean max_silence?
        [[app]]\\nname = "a"\\n[app.stripe]\\n[[app]]\\nname = "a"\\n[app.apple]               | notif.toml:5:1: app.name: "a" is used by an earlier app; expected a unique name | give each [[app]] its own name
        [[app]]\\n[app.stripe]\\nurl = "https://x.example/s"                                 | notif.toml:1:1: app.name: is missing; expected a name of letters | name = "game-ios"
        [[app]]\\nname = "a"                                                                 | notif.toml:1:1: app (app "a"): lists no store; expected at least one of [app.stripe], [app.apple] | add the tables
        [[app]]\\nname = "a"\\n[app.apple]\\nenvironments = ["production", "staging"]         | notif.toml:4:1: apple.environments (app "a"): holds the string "staging"; expected a list of strings | environments = ["production", "sandbox"]
        [[app]]\\nname = "a"\\n[app.stripe]\\nurl = "https://x.example/s"\\nurl = "https://y.example/s" | notif.toml:6:1: not valid TOML: a key or table is set twice | keep one of them
        [defaults]\\n                                                                         | notif.toml: lists no app; expected at least one [[app]] | notif init
        """)
    void a_mistake_is_one_line_with_its_place_what_was_expected_and_a_hint(String toml, String message, String hint) {
        NotifException e = error(toml.replace("\\n", "\n").strip() + "\n");
        String shown = e.getMessage().replace(dir.resolve("notif.toml").toString(), "notif.toml");
        assertThat(shown).startsWith(message);
        assertThat(e.hint()).contains(hint);
    }

    @Test
    void values_are_typed_inherited_and_resolved_from_the_environment_and_files() throws Exception {
        Files.writeString(dir.resolve("whsec"), "whsec_FromFile0123456789abcdefghijk\n");
        Files.setPosixFilePermissions(dir.resolve("whsec"), PosixFilePermissions.fromString("rw-------"));
        NotifConfig cfg = read("""
            # a comment
            [defaults]
            max_silence = "24h"
            timeout = 5

            [[app]]
            name = "game-ios"
            max_silence = "2d"
              [app.stripe]
              url = "https://${HOST}/stripe"
              api_key = "${STRIPE_API_KEY}"
              secret = "file:whsec"
              track_new_purchases = true
              days = 7
              [app.apple]
              bundle_id = "com.example.game"
              key_file = "keys/AuthKey.p8"
              environments = ["sandbox"]
              max_silence = "36h"

            [[app]]
            name = "game-web"
              [app.stripe]
              url = "https://web.example/stripe"
              api_key = "${MISSING_KEY}"
            """, Map.of("HOST", "api.example.com", "STRIPE_API_KEY", "sk_test_abc123456789"));
        assertThat(cfg.apps()).extracting(NotifConfig.App::name).containsExactly("game-ios", "game-web");
        NotifConfig.StoreEntry stripe = cfg.apps().get(0).stores().get(0);
        assertThat(stripe.at()).isEqualTo(new Position(9, 3));
        assertThat(stripe.get("url")).isEqualTo("https://api.example.com/stripe");
        assertThat(stripe.get("api_key")).isEqualTo("sk_test_abc123456789");
        assertThat(stripe.value("api_key").reference()).isEqualTo("${STRIPE_API_KEY}");
        assertThat(stripe.get("secret")).isEqualTo("whsec_FromFile0123456789abcdefghijk");
        assertThat(stripe.get("track_new_purchases")).isEqualTo(true);
        assertThat(stripe.get("days")).isEqualTo(7L);
        assertThat(stripe.get("max_silence")).isEqualTo(Duration.ofDays(2));
        assertThat(stripe.get("timeout")).isEqualTo(5.0);
        NotifConfig.StoreEntry apple = cfg.apps().get(0).stores().get(1);
        assertThat(apple.get("key_file")).isEqualTo(dir.resolve("keys/AuthKey.p8").toString());
        assertThat(apple.get("environments")).isEqualTo(List.of("sandbox"));
        assertThat(apple.get("max_silence")).isEqualTo(Duration.ofHours(36));
        NotifConfig.StoreEntry web = cfg.apps().get(1).stores().get(0);
        assertThat(web.get("api_key")).isNull();
        assertThat(web.value("api_key").unresolved()).isEqualTo("MISSING_KEY is not set in the environment");
        assertThat(web.get("max_silence")).isEqualTo(Duration.ofDays(1));
        assertThat(cfg.warnings()).isEmpty();
    }

    @Test
    void a_file_reference_that_gives_nothing_leaves_the_value_missing_with_the_reason() throws Exception {
        NotifConfig cfg = read(APP + "  secret = \"file:secrets/none\"\n", Map.of());
        NotifConfig.Value v = cfg.apps().get(0).stores().get(0).value("secret");
        assertThat(v.value()).isNull();
        assertThat(v.unresolved()).startsWith("file:secrets/none: no such file");
    }

    @Test
    void an_inline_secret_in_a_file_others_may_read_is_a_warning_naming_the_mode() throws Exception {
        Path file = dir.resolve("notif.toml");
        Files.writeString(file, APP + "  api_key = \"sk_test_inline0123456789\"\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        NotifConfig cfg = ConfigReader.read(file, SCHEMA, Map.of());
        assertThat(cfg.warnings()).singleElement().asString()
            .contains("stripe.api_key (app \"game-ios\") inline", "readable by other users (mode 0644)", "chmod 600")
            .doesNotContain("inline0123456789");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThat(ConfigReader.read(file, SCHEMA, Map.of()).warnings()).isEmpty();
    }

    @Test
    void a_warning_over_many_inline_secrets_names_three_and_counts_the_rest() throws Exception {
        Path file = dir.resolve("notif.toml");
        StringBuilder apps = new StringBuilder();
        for (int i = 1; i <= 5; i++) {
            apps.append("[[app]]\nname = \"app-").append(i).append("\"\n  [app.stripe]\n")
                .append("  api_key = \"sk_test_inline0123456789\"\n");
        }
        Files.writeString(file, apps.toString());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(ConfigReader.read(file, SCHEMA, Map.of()).warnings()).singleElement().asString()
            .contains("holds 5 secrets (stripe.api_key (app \"app-1\"), stripe.api_key (app \"app-2\"), "
                + "stripe.api_key (app \"app-3\") and 2 more) inline", "(mode 0644)")
            .doesNotContain("app-4", "inline0123456789");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        1 | a
        3 | a, b, c
        4 | 4 secrets (a, b, c and 1 more)
        """)
    void named_lists_up_to_three_keys(int count, String expected) {
        assertThat(ConfigReader.named(List.of("a", "b", "c", "d").subList(0, count))).isEqualTo(expected);
    }

    @Test
    void a_secret_file_others_may_read_is_a_warning_too() throws Exception {
        Path secret = dir.resolve("whsec");
        Files.writeString(secret, "whsec_FromFile0123456789abcdefghijk\n");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r-----"));
        NotifConfig cfg = read(APP + "  secret = \"file:whsec\"\n", Map.of());
        assertThat(cfg.warnings()).singleElement().asString().contains(secret.toString(), "mode 0640");
    }

    @Test
    void a_wrong_value_never_shows_a_secret() {
        NotifException e = error(APP + "  api_key = true\n  secret = 5\n");
        assertThat(e.getMessage()).contains("stripe.api_key", "is true", "expected a secret");
    }

    @Test
    void positions_survive_multi_line_strings_arrays_and_inline_tables() {
        TomlLocator at = new TomlLocator("""
            [[app]]
            name = "a"
            note = \"""
            url = "not a key"
            \"""
            list = [
              "x = y",
            ]
              [app.stripe]
              url = "u"
            [[app]]
            name = "b"
            stripe = { url = "v" }
              [app.apple]
                bundle_id = "c"
            """);
        assertThat(at.find("app[0].note")).isEqualTo(new Position(3, 1));
        assertThat(at.find("app[0].stripe.url")).isEqualTo(new Position(10, 3));
        assertThat(at.find("app[1].name")).isEqualTo(new Position(12, 1));
        assertThat(at.find("app[1].stripe.url")).isEqualTo(new Position(13, 1));
        assertThat(at.find("app[1].apple.bundle_id")).isEqualTo(new Position(15, 5));
        assertThat(at.find("app[1].apple.nothing")).isEqualTo(new Position(14, 3));
    }
}
