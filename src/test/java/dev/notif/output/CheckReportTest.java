package dev.notif.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.core.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckReportTest {
    static final List<Check> MIXED = List.of(
        Check.pass("x.credentials", "the key is accepted").detail("mode", "test"),
        Check.fail("x.endpoint.events", "2 events differ", "notif setup x --url URL")
            .detail("missing", List.of("a.b")).detail("extra", List.of()),
        Check.warn("x.endpoint.https", "plain http", "use https"),
        Check.skip("x.secret.accepted", "no --secret given"));

    @Test
    void json_has_the_contract_fields_with_lower_case_statuses_and_no_internal_fields() {
        JsonNode json = Json.parse(Json.pretty(CheckReport.of("x", "https://a.example/x", MIXED)));
        assertThat(json.get("ok").asBoolean()).isFalse();
        assertThat(json.get("store").asText()).isEqualTo("x");
        assertThat(json.has("exit_code_override")).isFalse();
        JsonNode events = json.get("checks").get(1);
        assertThat(events.get("id").asText()).isEqualTo("x.endpoint.events");
        assertThat(events.get("status").asText()).isEqualTo("fail");
        assertThat(events.get("fix").asText()).isEqualTo("notif setup x --url URL");
        assertThat(events.get("details").get("missing").get(0).asText()).isEqualTo("a.b");
        assertThat(json.get("checks").get(0).get("fix").isNull()).isTrue();
        assertThat(json.get("checks").get(3).get("status").asText()).isEqualTo("skip");
    }

    @Test
    void any_failed_check_makes_it_not_ok_and_exit_1_while_warnings_and_skips_do_not() {
        assertThat(CheckReport.of("x", null, MIXED).exitCode()).isEqualTo(1);
        CheckReport fine = CheckReport.of("x", null, List.of(MIXED.get(0), MIXED.get(2), MIXED.get(3)));
        assertThat(fine.ok()).isTrue();
        assertThat(fine.exitCode()).isZero();
        List<Check> refused = new java.util.ArrayList<>(MIXED);
        refused.add(Check.skip("x.deliveries", "the key was refused").because(Check.Cause.CREDENTIALS));
        assertThat(CheckReport.of("x", null, refused).exitCode()).isEqualTo(3);
    }

    @Test
    void the_worst_cause_decides_the_exit_code_and_names_the_check_on_stderr() {
        Check down = Check.skip("x.deliveries", "the API is down").because(Check.Cause.UNAVAILABLE);
        Check refused = Check.fail("x.credentials", "the key was refused", "use another key")
            .because(Check.Cause.CREDENTIALS);
        Check input = Check.skip("x.topic", "no such project").because(Check.Cause.USAGE);
        assertThat(CheckReport.of("x", null, List.of(down)).exitCode()).isEqualTo(4);
        assertThat(CheckReport.of("x", null, List.of(down)).ok()).isTrue();
        assertThat(CheckReport.of("x", null, List.of(input, down)).exitCode()).isEqualTo(4);
        CheckReport both = CheckReport.of("x", null, List.of(down, input, refused));
        assertThat(both.exitCode()).isEqualTo(3);
        assertThat(both.blocker()).isEqualTo(refused);
        assertThat(both.notice().message()).isEqualTo("could not check everything: the key was refused");
        assertThat(both.notice().hint()).isEqualTo("use another key");
        assertThat(CheckReport.of("x", null, List.of(down)).notice().hint()).isEqualTo("see the checks above");
        assertThat(CheckReport.of("x", null, MIXED).notice()).isNull();
    }

    @Test
    void a_cause_is_in_the_json_of_its_check_only() {
        Check down = Check.skip("x.deliveries", "the API is down").because(Check.Cause.UNAVAILABLE);
        JsonNode json = Json.parse(Json.pretty(CheckReport.of("x", null, List.of(MIXED.get(0), down))));
        assertThat(json.get("checks").get(0).has("cause")).isFalse();
        assertThat(json.get("checks").get(1).get("cause").asText()).isEqualTo("unavailable");
        assertThat(json.has("blocker")).isFalse();
        assertThat(json.has("notice")).isFalse();
    }

    @Test
    void text_shows_each_check_and_under_warnings_and_failures_the_fix_and_non_empty_details_then_a_count() {
        StringWriter w = new StringWriter();
        CheckReport.of("x", "https://a.example/x", MIXED).printText(new Text(new PrintWriter(w, true), false));
        String text = w.toString();
        assertThat(text).contains("notif check x  https://a.example/x")
            .contains("  pass  x.credentials      the key is accepted")
            .contains("  fail  x.endpoint.events  2 events differ")
            .contains("        fix: notif setup x --url URL")
            .contains("        missing: a.b")
            .doesNotContain("extra:")
            .doesNotContain("mode: test")
            .contains("1 passed, 1 warned, 1 failed, 1 skipped");
    }
}
