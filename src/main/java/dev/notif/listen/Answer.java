package dev.notif.listen;

import dev.notif.core.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the receiver answers, and the log entry it writes (durably) before answering; entry may be null. */
public record Answer(int status, String contentType, String body, LogEntry entry) {
    public static final String JSON = "application/json";

    /** 200 {@code {"received": true}}. */
    public static Answer accepted(LogEntry entry) {
        return new Answer(200, JSON, "{\"received\":true}", entry);
    }

    /** A 4xx with the contract's error body {@code {"error": code, "message": ...}}. */
    public static Answer rejected(int status, String error, String message, LogEntry entry) {
        return new Answer(status, JSON, errorBody(error, message), entry);
    }

    /** The contract's error body: {@code {"error": code, "message": text}}. */
    public static String errorBody(String error, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("message", message);
        return Json.compact(body);
    }
}
