package dev.notif.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.core.Json;
import dev.notif.testing.HttpPeer;
import dev.notif.testing.HttpPeer.Answer;
import dev.notif.testing.HttpPeer.Mode;
import dev.notif.testing.HttpPeer.Request;
import dev.notif.testing.NotifRun;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code notif check amazon} against SNS subscribers written the way people write them, each a real loopback server
 * on HTTP/1.0 (closing after each answer), HTTP/1.1 closing, and HTTP/1.1 keep-alive: the text/plain vs JSON resend is
 * judged on answers only.
 */
class AmazonReceiversTest {
    @TempDir
    Path home;
    AutoCloseable receiver;

    @AfterEach
    void stop() throws Exception {
        if (receiver != null) {
            receiver.close();
        }
    }

    Map<String, JsonNode> check(String url) {
        NotifRun.Result r = NotifRun.in(home).run("check", "amazon", "--url", url, "--json", "--wait", "2");
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        r.json().get("checks").forEach(c -> byId.put(c.get("id").asText(), c));
        byId.put("exit", Json.mapper().getNodeFactory().numberNode(r.exitCode()));
        return byId;
    }

    static String status(Map<String, JsonNode> c, String id) {
        return c.get(id).get("status").asText();
    }

    /** Reads the SNS message from the raw body, whatever its Content-Type, as SNS's documentation says to. */
    static Function<Request, Answer> raw() {
        return r -> handle(Json.parseOrNull(r.bodyText()));
    }

    /** Behind express.json() or a framework's JSON binding: the body is read only when sent as application/json. */
    static Function<Request, Answer> jsonOnly() {
        return r -> handle(String.valueOf(r.header("content-type")).startsWith("application/json")
            ? Json.parseOrNull(r.bodyText()) : null);
    }

    private static Answer handle(JsonNode message) {
        if (message == null || message.get("Type") == null) {
            return Answer.json(400, "{\"error\":\"missing Type\"}");
        }
        if ("SubscriptionConfirmation".equals(message.get("Type").asText())) {
            try (InputStream in = URI.create(message.get("SubscribeURL").asText()).toURL().openStream()) {
                in.readAllBytes();
            } catch (java.io.IOException e) {
                return Answer.text(500, "could not confirm");
            }
        }
        return Answer.text(200, "ok");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void a_subscriber_reading_the_raw_body_is_answered_followed_and_notified_whatever_the_connection(Mode mode)
        throws Exception {
        HttpPeer server = HttpPeer.start(mode, raw());
        receiver = server;
        Map<String, JsonNode> c = check(server.url("/amazon"));
        assertThat(status(c, "amazon.endpoint.reachable")).isEqualTo("warn"); // plain http
        assertThat(status(c, "amazon.confirmation.answered")).as(c.toString()).isEqualTo("pass");
        assertThat(status(c, "amazon.confirmation.followed")).as(c.toString()).isEqualTo("pass");
        assertThat(status(c, "amazon.notification.answered")).as(c.toString()).isEqualTo("pass");
        assertThat(status(c, "amazon.signature.enforced")).isEqualTo("warn"); // it does not verify signatures
        assertThat(c.get("exit").asInt()).isZero();
        assertThat(server.requests()).hasSize(2); // the confirmation once, the notification once: nothing resent
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void a_subscriber_that_reads_only_json_bodies_is_named_for_it(Mode mode) throws Exception {
        HttpPeer server = HttpPeer.start(mode, jsonOnly());
        receiver = server;
        Map<String, JsonNode> c = check(server.url("/amazon"));
        assertThat(status(c, "amazon.confirmation.answered")).as(c.toString()).isEqualTo("fail");
        assertThat(c.get("amazon.confirmation.answered").get("summary").asText())
            .contains("refuses SNS's text/plain body");
        assertThat(c.get("amazon.confirmation.answered").get("fix").asText()).contains("whatever its Content-Type");
        assertThat(status(c, "amazon.confirmation.followed")).isEqualTo("fail");
        assertThat(c.get("amazon.confirmation.followed").get("summary").asText()).contains("only when the confirmation"
            + " was sent as application/json");
        assertThat(c.get("exit").asInt()).isEqualTo(1);
    }

    @Test
    void a_json_resend_that_gets_no_answer_tells_nothing_about_json() throws Exception {
        // answers text/plain with 400, and the JSON resend crashes the connection: no answer is not a verdict
        HttpPeer server = HttpPeer.start(Mode.HTTP10_CLOSE, r -> String.valueOf(r.header("content-type"))
            .startsWith("application/json") ? null : Answer.json(400, "{\"error\":\"missing Type\"}"));
        receiver = server;
        Map<String, JsonNode> c = check(server.url("/amazon"));
        JsonNode answered = c.get("amazon.confirmation.answered");
        assertThat(answered.get("status").asText()).isEqualTo("fail");
        assertThat(answered.get("summary").asText()).contains("application/json got no answer",
            "could not be told").doesNotContain("refuses SNS's text/plain");
    }

    @Test
    void a_node_subscriber_behind_a_json_only_parser_is_named_and_a_raw_one_passes() throws Exception {
        assumeTrue(ExternalReceiver.available("node"), "node is not installed here");
        try (ExternalReceiver json = ExternalReceiver.start(home, "node", "sns_receiver.js", "json")) {
            Map<String, JsonNode> c = check(json.url("/amazon"));
            assertThat(status(c, "amazon.confirmation.answered")).as(c.toString()).isEqualTo("fail");
            assertThat(c.get("amazon.confirmation.answered").get("summary").asText()).contains("text/plain");
        }
        Path other = home.resolve("raw");
        java.nio.file.Files.createDirectories(other);
        try (ExternalReceiver raw = ExternalReceiver.start(other, "node", "sns_receiver.js", "raw")) {
            Map<String, JsonNode> c = check(raw.url("/amazon"));
            assertThat(status(c, "amazon.confirmation.followed")).as(c.toString()).isEqualTo("pass");
            assertThat(status(c, "amazon.notification.answered")).isEqualTo("pass");
            assertThat(c.get("exit").asInt()).isZero();
        }
    }
}
