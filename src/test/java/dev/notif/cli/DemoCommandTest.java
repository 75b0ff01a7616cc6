package dev.notif.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.testing.NotifRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
    @TempDir
    Path home;

    @Test
    void every_delivery_gets_its_expected_verdict_and_the_table_shows_them() {
        NotifRun.Result r = NotifRun.in(home).run("demo", "--json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode json = r.json();
        assertThat(json.get("deliveries")).hasSize(8);
        assertThat(json.get("deliveries").findValuesAsText("verdict")).containsExactly("accepted", "accepted",
            "accepted", "accepted", "accepted", "accepted", "signature_rejected", "event_rejected");
        for (JsonNode d : json.get("deliveries")) {
            assertThat(d.get("as_expected").asBoolean()).isTrue();
            assertThat(d.get("cause").asText()).isNotBlank();
        }
        assertThat(json.at("/stores/stripe/accepted").asInt()).isEqualTo(6);
        assertThat(json.at("/stores/stripe/rejected").asInt()).isEqualTo(2);
        assertThat(json.at("/stores/stripe/last_rejection/error").asText()).isEqualTo("unsupported_event_type");
        assertThat(json.get("secret").asText()).matches("whsec_\\*\\*\\*\\*.{4}");
    }

    @Test
    void text_output_names_the_causes_and_the_next_commands() {
        NotifRun.Result r = NotifRun.in(home).run("demo");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("signature_rejected").contains("event_rejected").contains("cause:")
            .contains("fix:").contains("LAST RECEIVED").contains("notif send stripe --url");
        assertThat(r.out()).doesNotContain("\u001b[");
    }
}
