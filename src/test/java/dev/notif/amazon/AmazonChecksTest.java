package dev.notif.amazon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notif.output.Check;
import dev.notif.probe.Outcome;
import dev.notif.probe.Sent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code observations -> the five checks}: Amazon's judgement without a socket. An answer is written
 * {@code STATUS} or {@code STATUS:body}, {@code none} for no answer at all, {@code -} for not sent.
 */
class AmazonChecksTest {
    static final String URL = "https://api.example.com/amazon";

    static Sent<AmazonDelivery> sent(String type, String answer) {
        if (answer.equals("-")) {
            return null;
        }
        Outcome o;
        if (answer.equals("none")) {
            o = Outcome.failed(Outcome.FailureKind.TIMEOUT, "no answer within 10 s", 10_000);
        } else {
            int colon = answer.indexOf(':');
            o = Outcome.answered(Integer.parseInt(colon < 0 ? answer : answer.substring(0, colon)), 12,
                colon < 0 ? "" : answer.substring(colon + 1), Map.of());
        }
        AmazonDelivery d = AmazonVerdictsTest.delivery(type);
        return new Sent<>(d, o, AmazonVerdicts.CLASSIFIER.classify(d, o));
    }

    static List<Check> judge(String url, String confirmation, boolean followed, String json, boolean jsonFollowed,
                             String notification, boolean certificateFetched, boolean foreignToken) {
        return AmazonChecks.evaluate(new AmazonChecks.Observations(url, "SUBSCRIPTION_PURCHASED",
            sent(SnsMessage.SUBSCRIPTION_CONFIRMATION, confirmation), followed,
            sent(SnsMessage.SUBSCRIPTION_CONFIRMATION, json), jsonFollowed, sent(SnsMessage.NOTIFICATION, notification),
            certificateFetched, foreignToken, Duration.ofSeconds(20)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        // what | confirmation | followed | json | json followed | notification | cert fetched | foreign token | reachable answered followed notification signature | summary of the deciding check contains
        "confirms and records, trusting notif's cert|200|true|-|false|200|true|false|pass pass pass pass warn|checks signatures but not where the certificate comes from",
        "confirms without fetching the cert|200|true|-|false|200|false|false|pass pass pass pass warn|does not check signatures",
        "enforces the SNS hosts|403:invalid signature|false|-|false|403:invalid signature|true|false|pass warn skip warn pass|refused messages signed by a certificate outside the SNS hosts",
        "reads only application/json bodies|200|false|200|true|200|false|false|pass pass fail warn warn|only when the confirmation was sent as application/json",
        "refuses text/plain, would take JSON|415|false|200|true|415|false|false|pass fail fail fail warn|but 200 to the same message sent as application/json",
        "answers 2xx, never fetches|200|false|200|false|200|false|false|pass pass fail pass warn|did not fetch the SubscribeURL in the 20 s notif waited (nor when sent again as application/json)",
        "answers 2xx, JSON resend unanswered|200|false|none|false|200|false|false|pass pass fail pass warn|got no answer",
        "builds its own SubscribeURL|200|false|-|false|200|false|true|pass pass fail pass warn|a Token notif did not send",
        "nothing handles the path|404:Not Found|false|404:Not Found|false|404:Not Found|false|false|pass fail fail fail skip|did not fetch the SubscribeURL: it refused the confirmation",
        "unreachable|none|false|-|false|-|false|false|fail skip skip skip skip|not tried: the endpoint could not be reached",
    })
    void each_behaviour_gets_its_checks(String what, String confirmation, boolean followed, String json,
                                        boolean jsonFollowed, String notification, boolean cert, boolean foreign,
                                        String statuses, String summary) {
        List<Check> checks = judge(URL, confirmation, followed, json, jsonFollowed, notification, cert, foreign);
        assertThat(checks).extracting(Check::id).containsExactly(AmazonChecks.REACHABLE, AmazonChecks.ANSWERED,
            AmazonChecks.FOLLOWED, AmazonChecks.NOTIFICATION, AmazonChecks.SIGNATURE);
        assertThat(String.join(" ", checks.stream().map(c -> c.status().name().toLowerCase()).toList()))
            .isEqualTo(statuses);
        assertThat(checks).extracting(Check::summary).anyMatch(s -> s.contains(summary));
        assertThat(checks).filteredOn(c -> c.status() == Check.Status.FAIL || c.status() == Check.Status.WARN)
            .allSatisfy(c -> assertThat(c.fix()).isNotBlank());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "http://127.0.0.1:8085/amazon|warn|only to an https:// endpoint",
        "https://api.example.com/amazon|pass|answers HTTPS (HTTP 200 in 12 ms)",
    })
    void plain_http_is_a_warning_amazon_delivers_only_to_https(String url, String status, String summary) {
        Check reachable = judge(url, "200", true, "-", false, "200", false, false).get(0);
        assertThat(reachable.status().name().toLowerCase()).isEqualTo(status);
        assertThat(reachable.summary()).contains(summary);
    }

    @org.junit.jupiter.api.Test
    void the_details_say_what_came_back_and_how_long_notif_waited() {
        List<Check> checks = judge(URL, "200", false, "200", false, "400:{\"error\":\"unsupported_event_type\"}",
            false, false);
        assertThat(checks.get(1).details()).containsEntry("http_status", 200);
        assertThat(checks.get(2).details()).containsEntry("waited_ms", 20_000L);
        assertThat(checks.get(3).details()).containsEntry("verdict", "event_rejected").containsEntry("http_status", 400)
            .containsEntry("response_body", "{\"error\":\"unsupported_event_type\"}");
        assertThat(checks.get(3).summary()).contains("Amazon does not retry a 4xx");
    }
}
