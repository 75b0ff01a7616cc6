package dev.notif.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class InputsTest {
    static final Inputs.File IOS = new Inputs.File("notif.toml", "ios", "apple",
        Map.of("key_id", "\"${KID}\": KID is not set in the environment"));

    @Test
    void on_the_command_line_a_missing_value_is_named_by_its_option_and_variable() {
        assertThat(Inputs.file()).isNull();
        assertThat(Inputs.missing("--key-file", "APPLE_IAP_KEY_FILE", "--key-id", "APPLE_IAP_KEY_ID", "--url", null))
            .isEqualTo("--key-file (APPLE_IAP_KEY_FILE), --key-id (APPLE_IAP_KEY_ID), --url");
    }

    @Test
    void in_a_run_over_the_file_by_its_key_where_it_belongs_and_why_a_reference_gave_nothing() throws Exception {
        try (Inputs.Scope s = Inputs.file(IOS)) {
            assertThat(Inputs.missing("--key-file", "APPLE_IAP_KEY_FILE", "--key-id", "APPLE_IAP_KEY_ID"))
                .isEqualTo("key_file, key_id (\"${KID}\": KID is not set in the environment) in [app.apple] of app"
                    + " \"ios\" in notif.toml");
            AtomicReference<Inputs.File> seen = new AtomicReference<>();
            Thread t = new Thread(() -> seen.set(Inputs.file())); // threads the command starts see it too
            t.start();
            t.join();
            assertThat(seen.get()).isEqualTo(IOS);
        }
        assertThat(Inputs.file()).isNull();
        assertThat(Inputs.key("--Asc-Key-File")).isEqualTo("asc_key_file");
    }
}
