package dev.notif.google;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notif.output.Check;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code (push counts, last ack, last failure, backlog) -> google.deliveries}: the judgement of a push
 * subscription's metrics, without Cloud Monitoring. Counts are written {@code class=n} or {@code class:code=n}.
 */
class DeliveryFindingsTest {
    static final String SUBSCRIPTION = "projects/acme-prod/subscriptions/play-rtdn-push";
    static final String ENDPOINT = "https://api.example.com/google";
    static final GoogleNames.Topic TOPIC = new GoogleNames.Topic("acme-prod", "play-rtdn");
    static final Instant EARLY = Instant.parse("2026-03-01T10:00:00Z");
    static final Instant LATE = Instant.parse("2026-03-01T12:00:00Z");

    static DeliveryStats stats(String counts, String lastAck, String lastFailure, Long undelivered, Long oldest) {
        Map<String, Long> byClass = new TreeMap<>();
        Map<String, Map<String, Long>> codes = new TreeMap<>();
        if (counts != null) {
            for (String c : counts.split(" ")) {
                String[] kv = c.split("=");
                String[] cls = kv[0].split(":");
                long n = Long.parseLong(kv[1]);
                byClass.merge(cls[0], n, Long::sum);
                if (cls.length > 1) {
                    codes.computeIfAbsent(cls[0], k -> new LinkedHashMap<>()).merge(cls[1], n, Long::sum);
                }
            }
        }
        return new DeliveryStats(byClass, codes, at(lastAck), at(lastFailure), undelivered, oldest);
    }

    static Instant at(String s) {
        return s == null ? null : s.equals("early") ? EARLY : LATE;
    }

    @ParameterizedTest(name = "[{index}] {0}, ack {1}, failure {2}, backlog {3}/{4}s -> {5}")
    @CsvSource(delimiter = '|', value = {
        // counts | last ack | last failure | undelivered | oldest s | status | summary contains | fix contains
        "|||||warn|no push attempt in the last 7 d|notif send google --topic projects/acme-prod/topics/play-rtdn",
        "ack=40|late||0|0|pass|40 push(es) in 7 d, all acknowledged; last acknowledged push at 2026-03-01 12:00:00Z|",
        "ack=40|late||12|3600|warn|12 message(s) waiting, the oldest for 1 h|not paused or detached",
        "ack=40|late||12|60|pass|all acknowledged|",
        "ack=30 remote_server_4xx:401=10|early|late|||fail|10 of 40 push(es) in 7 d failed (remote_server_4xx x10): the backend refused the pushes (HTTP 401 x10)|notif send google --url https://api.example.com/google",
        "ack=30 remote_server_4xx:403=10|late|early|||warn|(the latest pushes succeed)|and its reason",
        "ack=30 remote_server_5xx:503=10|late|early|5|3600|fail|the backend failed while handling them (HTTP 503 x10)|redelivers the backlog",
        "deadline_exceeded=8 ack=2|early|late|||fail|within the acknowledgement deadline (10 s)|--url https://api.example.com/google --ack-deadline 60",
        "unreachable=5||late|||fail|no acknowledged push|network failure in plain words",
        "unreachable=1 remote_server_5xx=9||late|||fail|remote_server_5xx x9, unreachable x1): the backend failed while handling them|backend's logs",
        "invalid=2 ack=1|early|late|||fail|not one Pub/Sub understands|notif send google --url",
    })
    void each_delivery_history_gets_its_finding(String counts, String lastAck, String lastFailure, Long undelivered,
                                                Long oldest, String status, String summary, String fix) {
        Check c = DeliveryFindings.check(stats(counts, lastAck, lastFailure, undelivered, oldest), SUBSCRIPTION, ENDPOINT,
            10, 7, TOPIC);
        assertThat(c.id()).isEqualTo(GoogleChecks.DELIVERIES);
        assertThat(c.status().name().toLowerCase()).isEqualTo(status);
        assertThat(c.summary()).contains(summary);
        if (fix != null) {
            assertThat(c.fix()).contains(fix);
        }
        assertThat(c.details()).containsEntry("subscription", SUBSCRIPTION).containsEntry("type", "push")
            .containsEntry("window_days", 7);
        if (undelivered != null) {
            assertThat(c.details()).containsEntry("undelivered_messages", undelivered);
        }
    }

    @ParameterizedTest(name = "[{index}] pull: {0}, backlog {2}/{3}s -> {4}")
    @CsvSource(delimiter = '|', value = {
        "ack=25|late|0|0|pass|25 message(s) acknowledged in 7 d",
        "||||warn|no message acknowledged in 7 d, nothing waiting",
        "ack=25|early|40|7200|fail|40 message(s) waiting, the oldest for 2 h",
    })
    void a_pull_subscription_is_judged_by_whether_it_keeps_up(String counts, String lastAck, Long undelivered,
                                                              Long oldest, String status, String summary) {
        Check c = DeliveryFindings.pull(stats(counts, lastAck, null, undelivered, oldest), SUBSCRIPTION, 7, TOPIC);
        assertThat(c.status().name().toLowerCase()).isEqualTo(status);
        assertThat(c.summary()).startsWith("pull subscription play-rtdn-push: ").contains(summary);
        assertThat(c.details()).containsEntry("type", "pull");
    }
}
