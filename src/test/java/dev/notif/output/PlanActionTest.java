package dev.notif.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.core.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanActionTest {
    @Test
    void the_common_fields_come_first_then_the_stores_own_flattened() {
        PlanAction a = PlanAction.of(PlanAction.UPDATE, "endpoint", "we_1", List.of("add a.b"), "events differ")
            .field("endpoint_id", "we_1").field("add_events", List.of("a.b")).applied(true);
        JsonNode json = Json.parse(Json.compact(a));
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("action", "resource", "name", "changes", "reason", "applied", "cause", "fix",
            "endpoint_id", "add_events");
        assertThat(json.get("applied").asBoolean()).isTrue();
        assertThat(json.get("add_events").get(0).asText()).isEqualTo("a.b");
        assertThat(json.has("fields")).isFalse();
        assertThat(json.has("store_fields")).isFalse();
    }

    @Test
    void a_failed_action_is_not_applied_and_says_why() {
        PlanAction a = PlanAction.of(PlanAction.CREATE, "topic", "t", List.of(), null).applied(true)
            .failed("403", "grant the role");
        assertThat(a.applied()).isFalse();
        assertThat(a.hasFailed()).isTrue();
        assertThat(a.writes()).isTrue();
        assertThat(PlanAction.of(PlanAction.NONE, "topic", "t", List.of(), null).writes()).isFalse();
    }
}
