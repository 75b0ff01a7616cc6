package dev.notif.google;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notif.core.Json;
import dev.notif.probe.Outcome;
import dev.notif.probe.Verdict;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code (kind, status, body) -> verdict, cause, fix}: Pub/Sub push's rules, without a socket. */
class GoogleVerdictsTest {
    static Verdict judge(DeveloperNotification.Kind kind, int status, String body) {
        var notification = new GoogleNotification(kind, null, null, "com.acme.app", Json.object());
        var push = new GooglePush("https://api.example.com/google", "1", notification, "{}".getBytes());
        return GoogleVerdicts.CLASSIFIER.classify(push, Outcome.answered(status, 5, body == null ? "" : body,
            Map.of("location", "https://elsewhere.example.com/g")));
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
        // kind | status | body | verdict | cause contains | fix contains
        "TEST|204||accepted|Pub/Sub acknowledges the message|nothing to fix",
        "TEST|400|{\"error\":\"package_mismatch\",\"message\":\"unknown package\"}|event_rejected|package com.acme.app|--package",
        "TEST|400|Unknown package name|event_rejected|not the app it is set up for|Play Console",
        "TEST|400|{\"error\":\"invalid_notification\"}|rejected|found the notification unusable|--purchase-token",
        "TEST|400|{\"error\":\"malformed\",\"message\":\"no message object\"}|rejected|as a Pub/Sub envelope|without --unwrapped",
        "TEST|400|invalid base64 in message.data|rejected|DeveloperNotification in message.data|--url URL",
        "SUBSCRIPTION|400|Purchase token not found|rejected|does not know this purchase token|--type test",
        "TEST|400|Purchase token not found|rejected|answered 400 (remote_server_4xx)|response body",
        "SUBSCRIPTION|401|invalid token|rejected|requires authentication|push authentication",
        "TEST|403|Forbidden|rejected|requires authentication or an allow-listed address|OIDC token",
        "TEST|404|Not Found|rejected|nothing handles this path|Google Play (Pub/Sub push) ingestion URL",
        "TEST|503|upstream down|server_error|Pub/Sub redelivers with backoff|delivers the backlog",
        "TEST|301||redirected|Pub/Sub push does not follow redirects|https://elsewhere.example.com/g",
    })
    void each_answer_gets_the_verdict_it_supports(DeveloperNotification.Kind kind, int status, String body,
                                                  String verdict, String cause, String fix) {
        Verdict v = judge(kind, status, body);
        assertThat(v.verdict()).isEqualTo(verdict);
        assertThat(v.cause()).contains(cause);
        assertThat(v.fix()).contains(fix);
    }

    @org.junit.jupiter.api.Test
    void no_answer_within_the_deadline_names_the_ack_deadline() {
        var push = new GooglePush("https://api.example.com/google", "1",
            new GoogleNotification(DeveloperNotification.Kind.TEST, null, null, "com.acme.app", Json.object()),
            "{}".getBytes());
        Verdict v = GoogleVerdicts.CLASSIFIER.classify(push, Outcome.failed(Outcome.FailureKind.TIMEOUT, "no answer in 10 s", 10_000));
        assertThat(v.verdict()).isEqualTo("timeout");
        assertThat(v.cause()).contains("acknowledgement deadline");
        assertThat(v.fix()).contains("--ack-deadline 60");
    }
}
