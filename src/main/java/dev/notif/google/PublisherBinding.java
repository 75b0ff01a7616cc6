package dev.notif.google;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notif.core.Json;
import java.util.List;

/**
 * The one IAM grant Google Play needs: its service account may publish to the topic. Pure functions over an IAM
 * policy ({@code {version, etag, bindings: [{role, members, condition?}]}}) that keep every other binding as it is.
 */
public final class PublisherBinding {
    public static final String PLAY_ACCOUNT = "google-play-developer-notifications@system.gserviceaccount.com";
    public static final String MEMBER = "serviceAccount:" + PLAY_ACCOUNT;
    public static final String ROLE = "roles/pubsub.publisher";
    /** Roles that include pubsub.topics.publish when granted on the topic. */
    static final List<String> PUBLISHING_ROLES = List.of(ROLE, "roles/pubsub.editor", "roles/pubsub.admin",
        "roles/editor", "roles/owner");

    private PublisherBinding() {
    }

    /** How the policy treats Play's account: granted unconditionally (by which role), only under a condition, or not. */
    public record Grant(String role, boolean conditional) {
        public boolean granted() {
            return role != null && !conditional;
        }
    }

    public static Grant find(JsonNode policy) {
        String conditionalRole = null;
        for (JsonNode binding : policy.path("bindings")) {
            String role = binding.path("role").asText();
            if (!PUBLISHING_ROLES.contains(role) || !hasMember(binding)) {
                continue;
            }
            if (!binding.hasNonNull("condition")) {
                return new Grant(role, false);
            }
            conditionalRole = role;
        }
        return new Grant(conditionalRole, conditionalRole != null);
    }

    /**
     * The policy with Play's account added to the unconditional {@code roles/pubsub.publisher} binding (created when
     * missing); version, etag and every other binding are kept, so the write fails if someone changed it meanwhile.
     */
    public static ObjectNode withPublisher(JsonNode policy) {
        ObjectNode copy = policy.isObject() ? ((ObjectNode) policy).deepCopy() : Json.object();
        ArrayNode bindings = copy.has("bindings") ? (ArrayNode) copy.get("bindings") : copy.putArray("bindings");
        for (JsonNode binding : bindings) {
            if (ROLE.equals(binding.path("role").asText()) && !binding.hasNonNull("condition")) {
                if (!hasMember(binding)) {
                    ((ObjectNode) binding).withArrayProperty("members").add(MEMBER);
                }
                return copy;
            }
        }
        ObjectNode binding = bindings.addObject();
        binding.put("role", ROLE);
        binding.putArray("members").add(MEMBER);
        return copy;
    }

    private static boolean hasMember(JsonNode binding) {
        for (JsonNode m : binding.path("members")) {
            if (MEMBER.equalsIgnoreCase(m.asText())) {
                return true;
            }
        }
        return false;
    }
}
