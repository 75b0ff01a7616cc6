package dev.notif.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.testing.NotifRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Test vectors: Apple's library test notification (its test chain, testCA.der) and payloads notif signs itself. */
class VerifyAppleCommandTest {
    static final Path FIXTURES = Path.of("src/test/resources/fixtures/apple");

    @TempDir
    Path home;

    NotifRun.Result verify(String... args) {
        String[] base = {"verify", "apple", "--json"};
        String[] all = new String[base.length + args.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(args, 0, all, base.length, args.length);
        return NotifRun.in(home).run(all);
    }

    static String step(JsonNode json, String step) {
        for (JsonNode s : json.get("steps")) {
            if (s.get("name").asText().equals(step)) {
                return s.get("status").asText();
            }
        }
        return "absent";
    }

    @Test
    void apples_test_notification_verifies_against_its_test_root_and_is_decoded() {
        NotifRun.Result r = verify("--payload", FIXTURES.resolve("testNotification").toString(), "--root",
            FIXTURES.resolve("testCA.der").toString(), "--bundle-id", "com.example", "--environment", "sandbox");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode json = r.json();
        assertThat(json.get("valid").asBoolean()).isTrue();
        assertThat(json.at("/notification/notification_type").asText()).isEqualTo("TEST");
        assertThat(json.at("/notification/bundle_id").asText()).isEqualTo("com.example");
        assertThat(json.at("/notification/environment").asText()).isEqualTo("Sandbox");
        assertThat(json.at("/notification/signed_date").asText()).startsWith("2023-04-12");
        assertThat(json.get("chain")).hasSize(3);
        for (String s : new String[] {"format", "chain", "marker_extensions", "signature", "bundle_id", "environment"}) {
            assertThat(step(json, s)).as(s).isEqualTo("pass");
        }
    }

    @Test
    void by_default_only_apple_root_ca_g3_is_trusted_so_a_test_chain_fails_at_the_chain_step() {
        NotifRun.Result r = verify("--payload", FIXTURES.resolve("testNotification").toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        JsonNode json = r.json();
        assertThat(json.get("failed_step").asText()).isEqualTo("chain");
        assertThat(json.get("reason").asText()).contains("Apple Root CA - G3");
        assertThat(json.get("roots").get(0).asText()).contains("Apple Root CA - G3");
        assertThat(step(json, "signature")).isEqualTo("pass");
        assertThat(json.at("/notification/notification_type").asText()).isEqualTo("TEST");
    }

    @Test
    void a_payload_for_another_app_fails_at_the_bundle_id_step() {
        NotifRun.Result r = verify("--payload", FIXTURES.resolve("wrongBundleId").toString(), "--root",
            FIXTURES.resolve("testCA.der").toString(), "--bundle-id", "com.example");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        JsonNode json = r.json();
        assertThat(json.get("failed_step").asText()).isEqualTo("bundle_id");
        assertThat(json.get("reason").asText()).contains("com.example");
        assertThat(step(json, "chain")).isEqualTo("pass");
        assertThat(step(json, "signature")).isEqualTo("pass");
    }

    @Test
    void the_wrong_environment_fails_at_the_environment_step() {
        NotifRun.Result r = verify("--payload", FIXTURES.resolve("testNotification").toString(), "--root",
            FIXTURES.resolve("testCA.der").toString(), "--environment", "production", "--app-apple-id", "1234");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.json().get("failed_step").asText()).isEqualTo("environment");
        assertThat(r.json().get("reason").asText()).contains("Sandbox");
    }

    @Test
    void an_altered_payload_fails_at_the_signature_step() throws Exception {
        String jws = Files.readString(FIXTURES.resolve("testNotification")).strip();
        String[] parts = jws.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace("\"TEST\"", "\"REFUND\"");
        String altered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
            .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        NotifRun.Result r = NotifRun.in(home).stdin("{\"signedPayload\":\"" + altered + "\"}")
            .run("verify", "apple", "--payload", "-", "--root", FIXTURES.resolve("testCA.der").toString(), "--json");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.json().get("failed_step").asText()).isEqualTo("signature");
        assertThat(step(r.json(), "chain")).isEqualTo("pass");
    }

    @Test
    void what_send_apple_signs_verifies_with_the_test_root_inside_and_out() throws Exception {
        MockWebServer server = new MockWebServer();
        server.enqueue(new MockResponse().setResponseCode(200));
        server.start();
        try {
            NotifRun.Result sent = NotifRun.in(home).run("send", "apple", "--url", server.url("/apple").toString(),
                "--bundle-id", "com.example.app", "--type", "DID_RENEW", "--json");
            assertThat(sent.exitCode()).as(sent.toString()).isZero();
            Path body = home.resolve("body.json");
            Files.write(body, server.takeRequest(5, TimeUnit.SECONDS).getBody().readByteArray());

            NotifRun.Result r = verify("--payload", body.toString(), "--root", sent.json().get("test_root").asText(),
                "--bundle-id", "com.example.app");
            assertThat(r.exitCode()).as(r.toString()).isZero();
            JsonNode json = r.json();
            assertThat(json.at("/notification/notification_type").asText()).isEqualTo("DID_RENEW");
            assertThat(step(json, "signed_data")).isEqualTo("pass");
            assertThat(json.at("/transaction/productId").asText()).isEqualTo("com.example.app.premium.monthly");
            assertThat(json.at("/renewal_info/autoRenewStatus").asInt()).isEqualTo(1);

            NotifRun.Result apple = verify("--payload", body.toString());
            assertThat(apple.exitCode()).isEqualTo(1);
            assertThat(apple.json().get("failed_step").asText()).isEqualTo("chain");
            assertThat(apple.json().get("fix").asText()).contains("apple-test-chain/root.pem");
        } finally {
            server.shutdown();
        }
    }

    @Test
    void text_that_is_not_a_signed_payload_fails_at_the_format_step() throws Exception {
        Path file = home.resolve("junk.txt");
        Files.writeString(file, "hello.world");
        NotifRun.Result r = verify("--payload", file.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.json().get("failed_step").asText()).isEqualTo("format");
    }

    @Test
    void a_v1_body_is_a_usage_error_that_says_v1_is_not_signed() throws Exception {
        Path file = home.resolve("v1.json");
        Files.writeString(file, "{\"notification_type\":\"DID_RENEW\",\"password\":\"x\"}");
        NotifRun.Result r = verify("--payload", file.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("V1");
    }

    @Test
    void text_output_lists_every_step() {
        NotifRun.Result r = NotifRun.in(home).run("verify", "apple", "--payload",
            FIXTURES.resolve("testNotification").toString(), "--root", FIXTURES.resolve("testCA.der").toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("TEST").contains("chain").contains("marker_extensions").contains("signature")
            .contains("valid");
    }
}
