package dev.notif.google;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.core.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Cloud Monitoring v3 {@code projects.timeSeries.list}: the Pub/Sub subscription metrics behind google.deliveries. */
public final class Monitoring {
    public static final String DEFAULT_BASE = "https://monitoring.googleapis.com";

    private final GoogleApi api;

    public Monitoring(GoogleApi api) {
        this.api = api;
    }

    /** A query: the metric of one subscription over [start, end], optionally aligned and grouped by labels. */
    public record Query(String metric, String subscriptionId, Instant start, Instant end, Duration alignment,
                        String aligner, String reducer, List<String> groupBy) {

        /** Raw points of a gauge (newest first), one series per subscription. */
        public static Query raw(String metric, String subscriptionId, Instant start, Instant end) {
            return new Query(metric, subscriptionId, start, end, null, null, null, List.of());
        }

        /** Sums of a delta counter per {@code alignment} bucket, one series per combination of {@code groupBy}. */
        public static Query sums(String metric, String subscriptionId, Instant start, Instant end, Duration alignment,
                                 List<String> groupBy) {
            return new Query(metric, subscriptionId, start, end, alignment, "ALIGN_SUM", "REDUCE_SUM", groupBy);
        }

        Map<String, Object> parameters() {
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("filter", "metric.type = \"" + metric + "\" AND resource.type = \"pubsub_subscription\""
                + " AND resource.labels.subscription_id = \"" + subscriptionId + "\"");
            q.put("interval.startTime", start.toString());
            q.put("interval.endTime", end.toString());
            if (alignment != null) {
                q.put("aggregation.alignmentPeriod", alignment.toSeconds() + "s");
                q.put("aggregation.perSeriesAligner", aligner);
                q.put("aggregation.crossSeriesReducer", reducer);
                q.put("aggregation.groupByFields", groupBy);
            }
            return q;
        }
    }

    public List<JsonNode> timeSeries(String project, Query query) {
        List<JsonNode> series = new ArrayList<>();
        String page = null;
        do {
            Map<String, Object> params = new LinkedHashMap<>(query.parameters());
            if (page != null) {
                params.put("pageToken", page);
            }
            JsonNode answer = api.get("v3/projects/" + project + "/timeSeries", params);
            answer.path("timeSeries").forEach(series::add);
            page = Json.text(answer, "nextPageToken");
        } while (page != null && !page.isEmpty());
        return series;
    }
}
