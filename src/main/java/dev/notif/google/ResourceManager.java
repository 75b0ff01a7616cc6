package dev.notif.google;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notif.core.Json;

/** Cloud Resource Manager v1: a project's IAM policy, where a grant to Play's account also lets it publish. */
public final class ResourceManager {
    public static final String DEFAULT_BASE = "https://cloudresourcemanager.googleapis.com";

    private final GoogleApi api;

    public ResourceManager(GoogleApi api) {
        this.api = api;
    }

    public JsonNode projectPolicy(String project) {
        ObjectNode body = Json.object();
        body.putObject("options").put("requestedPolicyVersion", 3);
        return api.send("POST", "v1/projects/" + project + ":getIamPolicy", body, true);
    }
}
