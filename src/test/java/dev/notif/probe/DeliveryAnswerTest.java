package dev.notif.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.core.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeliveryAnswerTest {
    record Shown(String url, @JsonUnwrapped DeliveryAnswer answer, String after) {
    }

    @Test
    void a_result_embeds_the_answer_fields_in_place_under_their_contract_names() {
        Outcome o = Outcome.answered(400, 12, "{\"error\":\"signature_mismatch\"}", Map.of());
        DeliveryAnswer a = DeliveryAnswer.of(o, new Verdict(Verdict.SIGNATURE_REJECTED, "cause", "fix"));
        JsonNode json = Json.parse(Json.compact(new Shown("https://x.example/", a, "z")));
        List<String> names = fieldNames(json);
        assertThat(names).containsExactly("url", "http_status", "latency_ms", "verdict", "cause", "fix",
            "response_body", "after");
        assertThat(json.get("http_status").asInt()).isEqualTo(400);
        assertThat(json.get("latency_ms").asLong()).isEqualTo(12);
        assertThat(json.get("response_body").asText()).isEqualTo("{\"error\":\"signature_mismatch\"}");
        assertThat(a.accepted()).isFalse();
    }

    @Test
    void no_answer_has_a_null_status_and_no_body() {
        Outcome o = Outcome.failed(Outcome.FailureKind.REFUSED, "refused", 2);
        JsonNode json = Json.parse(Json.compact(DeliveryAnswer.of(o, new Verdict(Verdict.UNREACHABLE, "c", "f"))));
        assertThat(json.get("http_status").isNull()).isTrue();
        assertThat(json.get("response_body").isNull()).isTrue();
        assertThat(json.has("accepted")).isFalse();
    }

    @Test
    void the_body_shown_is_cut_and_scrubbed_of_secrets() {
        String body = "echo whsec_" + "a".repeat(32) + " " + "x".repeat(Outcome.BODY_SHOWN);
        DeliveryAnswer a = DeliveryAnswer.of(Outcome.answered(400, 1, body, Map.of()),
            new Verdict(Verdict.REJECTED, "c", "f"));
        assertThat(a.responseBody()).doesNotContain("a".repeat(32)).contains("chars)");
    }

    private static List<String> fieldNames(JsonNode json) {
        List<String> names = new java.util.ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
