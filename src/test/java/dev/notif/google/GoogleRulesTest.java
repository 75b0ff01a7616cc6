package dev.notif.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.core.Json;
import dev.notif.core.NotifException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoogleRulesTest {
    static final GoogleNames.Topic TOPIC = new GoogleNames.Topic("acme-prod", "play-rtdn");

    @Test
    void a_conditional_grant_is_not_enough_and_the_unconditional_one_is_added_beside_it() {
        JsonNode policy = Json.parse("{\"version\":3,\"etag\":\"BwX1\",\"bindings\":[{\"role\":\"roles/pubsub.publisher\","
            + "\"members\":[\"" + PublisherBinding.MEMBER + "\"],\"condition\":{\"title\":\"weekdays\",\"expression\":"
            + "\"request.time.getDayOfWeek() < 5\"}}]}");

        assertThat(PublisherBinding.find(policy).conditional()).isTrue();
        assertThat(PublisherBinding.find(policy).granted()).isFalse();
        JsonNode updated = PublisherBinding.withPublisher(policy);
        assertThat(updated.path("bindings")).hasSize(2);
        assertThat(updated.path("bindings").get(0).has("condition")).isTrue();
        assertThat(updated.path("version").asInt()).isEqualTo(3);
        assertThat(updated.path("etag").asText()).isEqualTo("BwX1");
        assertThat(PublisherBinding.find(updated).granted()).isTrue();
        assertThat(PublisherBinding.withPublisher(updated)).isEqualTo(updated);
    }

    @Test
    void pubsub_editor_on_the_topic_counts_as_publishing() {
        JsonNode policy = Json.parse("{\"bindings\":[{\"role\":\"roles/pubsub.editor\",\"members\":[\""
            + PublisherBinding.MEMBER + "\"]}]}");

        assertThat(PublisherBinding.find(policy).role()).isEqualTo("roles/pubsub.editor");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "invalid_grant|Invalid JWT Signature.|deleted or rotated",
        "invalid_grant|Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.|clock",
        "invalid_grant|Invalid grant: account not found|was deleted",
        "invalid_client|The OAuth client was disabled.|is disabled",
    })
    void each_token_refusal_names_its_fix(String error, String description, String hint) {
        var key = new ServiceAccountKey("sa@p.iam.gserviceaccount.com", "kid1", null, "https://t", "p");
        NotifException e = GoogleCredential.refused(key, 400, Json.parse("{\"error\":\"" + error
            + "\",\"error_description\":\"" + description + "\"}"));

        assertThat(e.exitCode()).isEqualTo(3);
        assertThat(e.hint()).contains(hint);
    }

    @Test
    void a_subscription_already_pushing_to_the_url_is_reused_whatever_its_name() {
        Map<String, JsonNode> subs = new LinkedHashMap<>();
        subs.put("projects/acme-prod/subscriptions/legacy", Json.parse("{\"name\":\"projects/acme-prod/subscriptions/"
            + "legacy\",\"topic\":\"" + TOPIC.full() + "\",\"pushConfig\":{\"pushEndpoint\":\"https://API.example.com/g/\"},"
            + "\"ackDeadlineSeconds\":30,\"expirationPolicy\":{}}"));

        SubscriptionPlan plan = SubscriptionPlan.plan(TOPIC, subs, null, null,
            PushSettings.of("https://api.example.com/g", false, null, null));

        assertThat(plan.action()).isEqualTo(SubscriptionPlan.NONE);
        assertThat(plan.name()).isEqualTo("projects/acme-prod/subscriptions/legacy");
    }

    @Test
    void a_named_subscription_of_another_topic_is_a_usage_error() {
        JsonNode other = Json.parse("{\"name\":\"projects/acme-prod/subscriptions/play-rtdn-push\",\"topic\":"
            + "\"projects/acme-prod/topics/other\"}");

        assertThatThrownBy(() -> SubscriptionPlan.plan(TOPIC, Map.of(), null, other,
            PushSettings.of("https://api.example.com/g", false, null, null)))
            .isInstanceOf(NotifException.class).hasMessageContaining("receives from projects/acme-prod/topics/other");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "acme-prod|play-rtdn|projects/acme-prod/topics/play-rtdn",
        "|projects/acme-prod/topics/play-rtdn|projects/acme-prod/topics/play-rtdn",
    })
    void topic_names_take_an_id_or_a_full_name(String project, String topic, String full) {
        assertThat(GoogleNames.topic(project, topic, null).full()).isEqualTo(full);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Acme Prod|play-rtdn",
        "acme-prod|go",
        "acme-prod|goog-topic",
        "other|projects/acme-prod/topics/play-rtdn",
        "acme-prod|projects/acme-prod/subscriptions/play-rtdn",
    })
    void bad_names_are_usage_errors(String project, String topic) {
        assertThatThrownBy(() -> GoogleNames.topic(project, topic, null))
            .isInstanceOfSatisfying(NotifException.class, e -> assertThat(e.exitCode()).isEqualTo(2));
    }
}
