package dev.notif.google;

import com.fasterxml.jackson.databind.JsonNode;

/** A DeveloperNotification as built, with its kind and code (null for test and voided ones) for the result. */
public record GoogleNotification(DeveloperNotification.Kind kind, Integer code, String codeName, String packageName,
                                 JsonNode notification) {

    public static GoogleNotification of(DeveloperNotification.Kind kind, RtdnCodes.Code code, JsonNode notification) {
        return new GoogleNotification(kind, code == null ? null : code.value(), code == null ? null : code.name(),
            notification.path("packageName").asText(), notification);
    }
}
