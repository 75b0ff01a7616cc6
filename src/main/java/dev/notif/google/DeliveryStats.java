package dev.notif.google;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.core.Json;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What Cloud Monitoring says about a push subscription: push requests by response class (and HTTP code), when the
 * last acknowledged push and the last failed one happened, the backlog and its oldest message's age. Built from the
 * timeSeries answers; a pure function.
 */
public record DeliveryStats(Map<String, Long> byClass, Map<String, Map<String, Long>> codesByClass, Instant lastAckAt,
                            Instant lastFailureAt, Long undelivered, Long oldestUnackedSeconds) {
    public static final String ACK = "ack";
    static final long BACKLOG_AGE_SECONDS = 600;

    /** Folds push_request_count series (grouped by response_class and response_code) into counts and last times. */
    public static DeliveryStats of(List<JsonNode> pushSeries, Instant refinedLastAck, Long undelivered,
                                   Long oldestUnackedSeconds) {
        Map<String, Long> byClass = new TreeMap<>();
        Map<String, Map<String, Long>> codes = new TreeMap<>();
        Instant lastAck = null;
        Instant lastFailure = null;
        for (JsonNode series : pushSeries) {
            String cls = Json.text(series.path("metric").path("labels"), "response_class");
            String code = Json.text(series.path("metric").path("labels"), "response_code");
            cls = cls == null ? "unknown" : cls;
            for (JsonNode point : series.path("points")) {
                long n = value(point);
                if (n <= 0) {
                    continue;
                }
                byClass.merge(cls, n, Long::sum);
                if (code != null) {
                    codes.computeIfAbsent(cls, k -> new TreeMap<>()).merge(code, n, Long::sum);
                }
                Instant end = end(point);
                if (ACK.equals(cls)) {
                    lastAck = later(lastAck, end);
                } else {
                    lastFailure = later(lastFailure, end);
                }
            }
        }
        if (refinedLastAck != null && lastAck != null) {
            lastAck = refinedLastAck;
        }
        return new DeliveryStats(byClass, codes, lastAck, lastFailure, undelivered, oldestUnackedSeconds);
    }

    /** The newest point's value of a gauge series list (points come newest first), or null without points. */
    public static Long latest(List<JsonNode> series) {
        Long value = null;
        Instant at = null;
        for (JsonNode s : series) {
            for (JsonNode point : s.path("points")) {
                Instant end = end(point);
                if (at == null || end != null && end.isAfter(at)) {
                    at = end;
                    value = value(point);
                }
            }
        }
        return value;
    }

    /** The end of the newest bucket with acknowledged pushes, or null. */
    public static Instant lastPositive(List<JsonNode> series) {
        Instant last = null;
        for (JsonNode s : series) {
            for (JsonNode point : s.path("points")) {
                if (value(point) > 0) {
                    last = later(last, end(point));
                }
            }
        }
        return last;
    }

    static long value(JsonNode point) {
        JsonNode v = point.path("value");
        if (v.has("int64Value")) {
            return v.get("int64Value").asLong(); // a string in JSON
        }
        if (v.has("doubleValue")) {
            return Math.round(v.get("doubleValue").asDouble());
        }
        return 0;
    }

    private static Instant end(JsonNode point) {
        String end = Json.text(point.path("interval"), "endTime");
        try {
            return end == null ? null : Instant.parse(end);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || b != null && b.isAfter(a) ? b : a;
    }

    public long total() {
        return byClass.values().stream().mapToLong(Long::longValue).sum();
    }

    public long failures() {
        return total() - byClass.getOrDefault(ACK, 0L);
    }

    /** A failure class with its count, its HTTP codes, the cause in plain words and the fix. */
    public record Failure(String responseClass, long count, Map<String, Long> httpCodes, String cause, String fix) {
        @Override
        public String toString() {
            return responseClass + " x" + count + ": " + cause;
        }
    }

    public List<Failure> failureList(String endpoint, int ackDeadline) {
        List<Failure> list = new ArrayList<>();
        for (Map.Entry<String, Long> e : byClass.entrySet()) {
            if (ACK.equals(e.getKey())) {
                continue;
            }
            Map<String, Long> codes = codesByClass.getOrDefault(e.getKey(), Map.of());
            String[] why = explain(e.getKey(), codes, endpoint, ackDeadline);
            list.add(new Failure(e.getKey(), e.getValue(), new LinkedHashMap<>(codes), why[0], why[1]));
        }
        return list;
    }

    static String[] explain(String cls, Map<String, Long> codes, String endpoint, int ackDeadline) {
        String send = "notif send google --url " + endpoint + " shows the backend's answer";
        return switch (cls) {
            case "remote_server_4xx" -> new String[] {"the backend refused the pushes" + codeText(codes)
                + " (authentication, an unknown app or purchase, a malformed body)", send + " and its reason"};
            case "remote_server_5xx" -> new String[] {"the backend failed while handling them" + codeText(codes),
                "look at the backend's logs and status; Pub/Sub redelivers the backlog once it answers 2xx"};
            case "unreachable" -> new String[] {"Pub/Sub could not reach the endpoint (DNS, connection, TLS"
                + " certificate)", send + " with the network failure in plain words"};
            case "deadline_exceeded" -> new String[] {"the backend did not answer within the acknowledgement deadline ("
                + ackDeadline + " s)", "answer 2xx before doing slow work, or raise it: notif setup google ... --url "
                + endpoint + " --ack-deadline 60"};
            case "invalid" -> new String[] {"the endpoint's answer was not one Pub/Sub understands (a redirect, a"
                + " malformed response)", send};
            default -> new String[] {"Pub/Sub counted " + cls + " responses", send};
        };
    }

    private static String codeText(Map<String, Long> codes) {
        if (codes.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        codes.forEach((code, n) -> parts.add("HTTP " + code + " x" + n));
        return " (" + String.join(", ", parts) + ")";
    }

    /** Whether messages are piling up: some are waiting and the oldest has waited past a few retries. */
    public boolean backlog() {
        return undelivered != null && undelivered > 0 && oldestUnackedSeconds != null
            && oldestUnackedSeconds > BACKLOG_AGE_SECONDS;
    }

    /** The latest outcome is a failure: no acknowledged push since the last failed one. */
    public boolean failingNow() {
        return lastFailureAt != null && (lastAckAt == null || lastFailureAt.isAfter(lastAckAt));
    }
}
