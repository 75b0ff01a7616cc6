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
    void every_delivery_gets_its_expected_verdict_and_the_table_shows_every_store() {
        NotifRun.Result r = NotifRun.in(home).run("demo", "--json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode json = r.json();
        assertThat(json.get("deliveries")).hasSize(11);
        assertThat(json.get("deliveries").findValuesAsText("verdict")).containsExactly("accepted", "accepted",
            "accepted", "accepted", "accepted", "accepted", "signature_rejected", "event_rejected", "accepted",
            "accepted", "accepted");
        assertThat(json.get("deliveries").findValuesAsText("store")).containsExactly("stripe", "stripe", "stripe",
            "stripe", "stripe", "stripe", "stripe", "stripe", "apple", "google", "amazon");
        for (JsonNode d : json.get("deliveries")) {
            assertThat(d.get("as_expected").asBoolean()).isTrue();
            assertThat(d.get("cause").asText()).isNotBlank();
        }
        assertThat(json.at("/stores/stripe/accepted").asInt()).isEqualTo(6);
        assertThat(json.at("/stores/stripe/rejected").asInt()).isEqualTo(2);
        assertThat(json.at("/stores/stripe/last_rejection/error").asText()).isEqualTo("unsupported_event_type");
        for (String store : new String[] {"apple", "google", "amazon"}) {
            assertThat(json.at("/stores/" + store + "/accepted").asInt()).as(store).isEqualTo(1);
            assertThat(json.at("/stores/" + store + "/last_received_at").isTextual()).as(store).isTrue();
        }
        assertThat(json.get("secret").asText()).matches("whsec_\\*\\*\\*\\*.{4}");
    }

    @Test
    void stripe_only_leaves_the_app_stores_out() {
        NotifRun.Result r = NotifRun.in(home).run("demo", "--stripe-only", "--json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.json().get("deliveries")).hasSize(8);
        assertThat(r.json().get("stores").has("apple")).isFalse();
    }

    @Test
    void text_output_names_the_causes_and_the_next_commands() {
        NotifRun.Result r = NotifRun.in(home).run("demo");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("signature_rejected").contains("event_rejected").contains("cause:")
            .contains("fix:").contains("LAST RECEIVED").contains("notif send stripe --url");
        assertThat(r.out()).doesNotContain("\u001b[");
        // one word for one thing: the last-received table names the rejection as the verdicts above do
        assertThat(r.out()).containsPattern("(?m)^  stripe .* 2 +event_rejected").doesNotContain("unsupported_event_type")
            .doesNotContain("signature_mismatch");
    }
}
