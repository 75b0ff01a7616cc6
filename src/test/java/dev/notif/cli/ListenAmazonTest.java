package dev.notif.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.core.Context;
import dev.notif.listen.ListenSetup;
import dev.notif.listen.Receiver;
import dev.notif.testing.NotifRun;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** notif's receiver with its /amazon route, driven by notif's own Amazon commands over loopback. */
class ListenAmazonTest {
    @TempDir
    Path home;
    Receiver receiver;
    final List<String> notices = new ArrayList<>();

    @AfterEach
    void stop() {
        if (receiver != null) {
            receiver.close();
        }
    }

    String start(AmazonRouteOptions options) throws Exception {
        Context ctx = new Context(Map.of(), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
            InputStream.nullInputStream(), Clock.systemUTC(), false);
        Path data = home.resolve("receiver");
        var route = options.route(new ListenSetup(ctx, data, Duration.ofSeconds(5), notices::add));
        receiver = Receiver.start(new Receiver.Config("127.0.0.1", 0, data, Receiver.DEFAULT_MAX_BODY, List.of(route),
            Clock.systemUTC(), null));
        return receiver.baseUrl();
    }

    static AmazonRouteOptions trustingLoopback() {
        AmazonRouteOptions o = new AmazonRouteOptions();
        o.urlPrefixes.add("http://127.0.0.1:");
        return o;
    }

    @Test
    void send_check_and_status_agree_with_a_receiver_that_trusts_notifs_test_certificates() throws Exception {
        String base = start(trustingLoopback());
        assertThat(notices).anyMatch(n -> n.contains("trusting signing certificates") && n.contains("local testing"));

        NotifRun.Result sent = NotifRun.in(home).run("send", "amazon", "--url", base + "/amazon", "--type",
            "SUBSCRIPTION_CANCELLED", "--json");
        assertThat(sent.exitCode()).as(sent.toString()).isZero();

        NotifRun.Result checked = NotifRun.in(home).run("check", "amazon", "--url", base + "/amazon", "--json",
            "--wait", "5");
        assertThat(checked.exitCode()).as(checked.toString()).isZero();
        assertThat(checked.json().at("/checks/2/id").asText()).isEqualTo("amazon.confirmation.followed");
        assertThat(checked.json().at("/checks/2/status").asText()).isEqualTo("pass");
        assertThat(notices).anyMatch(n -> n.contains("confirmed the subscription"));

        NotifRun.Result status = NotifRun.in(home).run("status", "--url", base, "--json");
        assertThat(status.exitCode()).as(status.toString()).isZero();
        JsonNode amazon = status.json().at("/stores/amazon");
        assertThat(amazon.get("last_received_at").isTextual()).isTrue();
        assertThat(amazon.get("accepted").asInt()).isEqualTo(3); // the notification sent, then check's confirmation and notification
        assertThat(amazon.get("rejected").asInt()).isZero();
    }

    @Test
    void by_default_the_receiver_refuses_notifs_certificate_and_status_shows_why() throws Exception {
        String base = start(new AmazonRouteOptions());
        NotifRun.Result sent = NotifRun.in(home).run("send", "amazon", "--url", base + "/amazon", "--json");
        assertThat(sent.exitCode()).isEqualTo(1);
        assertThat(sent.json().get("verdict").asText()).isEqualTo("signature_rejected");

        JsonNode amazon = NotifRun.in(home).run("status", "--url", base, "--json").json().at("/stores/amazon");
        assertThat(amazon.get("accepted").asInt()).isZero();
        assertThat(amazon.at("/last_rejection/error").asText()).isEqualTo("certificate_rejected");
    }

    @Test
    void a_trusted_certificate_file_must_hold_a_certificate() throws Exception {
        Path notPem = home.resolve("not.pem");
        Files.writeString(notPem, "hello");
        AmazonRouteOptions o = new AmazonRouteOptions();
        o.certs.add(notPem);
        assertThatThrownBy(() -> start(o)).hasMessageContaining("holds no X.509 certificate");
    }
}
