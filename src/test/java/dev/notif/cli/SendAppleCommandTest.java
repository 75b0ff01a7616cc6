package dev.notif.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.apple.itunes.storekit.model.Environment;
import com.apple.itunes.storekit.model.JWSRenewalInfoDecodedPayload;
import com.apple.itunes.storekit.model.JWSTransactionDecodedPayload;
import com.apple.itunes.storekit.model.NotificationTypeV2;
import com.apple.itunes.storekit.model.ResponseBodyV2DecodedPayload;
import com.apple.itunes.storekit.verification.SignedDataVerifier;
import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.core.Json;
import dev.notif.testing.NotifRun;
import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SendAppleCommandTest {
    static final String BUNDLE = "com.example.app";

    @TempDir
    Path home;
    MockWebServer server;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    NotifRun.Result send(String... extra) {
        String[] base = {"send", "apple", "--url", server.url("/apple").toString(), "--bundle-id", BUNDLE, "--json"};
        return NotifRun.in(home).run(base, extra);
    }

    Path chainDir() {
        return home.resolve("config").resolve("apple-test-chain");
    }

    SignedDataVerifier appleVerifier(Environment env, Long appAppleId) throws Exception {
        byte[] root = Files.readAllBytes(chainDir().resolve("root.der"));
        return new SignedDataVerifier(Set.of(new ByteArrayInputStream(root)), BUNDLE, appAppleId, env, false);
    }

    String signedPayload(RecordedRequest req) {
        return Json.parse(req.getBody().readString(StandardCharsets.UTF_8)).get("signedPayload").asText();
    }

    @Test
    void a_test_notification_is_signed_so_apples_own_verifier_accepts_it_against_the_test_root() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(200));
        NotifRun.Result r = send();

        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode json = r.json();
        assertThat(json.get("verdict").asText()).isEqualTo("accepted");
        assertThat(json.get("notification_type").asText()).isEqualTo("TEST");
        assertThat(json.get("signed_by").asText()).contains("not Apple");
        assertThat(json.get("test_root").asText()).isEqualTo(chainDir().resolve("root.pem").toString());

        RecordedRequest req = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(req.getHeader("Content-Type")).startsWith("application/json");
        ResponseBodyV2DecodedPayload decoded = appleVerifier(Environment.SANDBOX, null)
            .verifyAndDecodeNotification(signedPayload(req));
        assertThat(decoded.getNotificationType()).isEqualTo(NotificationTypeV2.TEST);
        assertThat(decoded.getNotificationUUID()).isEqualTo(json.get("notification_uuid").asText());
        assertThat(decoded.getData().getBundleId()).isEqualTo(BUNDLE);
        assertThat(decoded.getData().getEnvironment()).isEqualTo(Environment.SANDBOX);
    }

    @ParameterizedTest
    @CsvSource({
        "SUBSCRIBED,INITIAL_BUY", "SUBSCRIBED,RESUBSCRIBE", "DID_RENEW,", "DID_RENEW,BILLING_RECOVERY",
        "DID_CHANGE_RENEWAL_STATUS,AUTO_RENEW_DISABLED", "DID_CHANGE_RENEWAL_PREF,UPGRADE", "DID_FAIL_TO_RENEW,GRACE_PERIOD",
        "GRACE_PERIOD_EXPIRED,", "EXPIRED,VOLUNTARY", "EXPIRED,BILLING_RETRY", "OFFER_REDEEMED,", "PRICE_INCREASE,PENDING",
        "REFUND,", "REFUND_DECLINED,", "REFUND_REVERSED,", "REVOKE,", "RENEWAL_EXTENDED,", "CONSUMPTION_REQUEST,",
        "ONE_TIME_CHARGE,", "METADATA_UPDATE,", "MIGRATION,", "PRICE_CHANGE,",
    })
    void every_type_carries_transaction_data_that_apples_verifier_accepts(String type, String subtype) throws Exception {
        server.enqueue(new MockResponse().setResponseCode(200));
        NotifRun.Result r = subtype == null
            ? send("--type", type, "--original-transaction-id", "2000000123456789")
            : send("--type", type, "--subtype", subtype, "--original-transaction-id", "2000000123456789");
        assertThat(r.exitCode()).as(r.toString()).isZero();

        SignedDataVerifier verifier = appleVerifier(Environment.SANDBOX, null);
        ResponseBodyV2DecodedPayload decoded = verifier.verifyAndDecodeNotification(
            signedPayload(server.takeRequest(5, TimeUnit.SECONDS)));
        assertThat(decoded.getNotificationType()).isEqualTo(NotificationTypeV2.fromValue(type));
        assertThat(decoded.getRawSubtype()).isEqualTo(subtype);
        JWSTransactionDecodedPayload tx = verifier.verifyAndDecodeTransaction(decoded.getData().getSignedTransactionInfo());
        assertThat(tx.getOriginalTransactionId()).isEqualTo("2000000123456789");
        assertThat(tx.getBundleId()).isEqualTo(BUNDLE);
        assertThat(tx.getProductId()).isEqualTo(BUNDLE + ".premium.monthly");
        assertThat(tx.getPurchaseDate()).isPositive();
        if (decoded.getData().getSignedRenewalInfo() != null) {
            JWSRenewalInfoDecodedPayload renewal = verifier.verifyAndDecodeRenewalInfo(
                decoded.getData().getSignedRenewalInfo());
            assertThat(renewal.getOriginalTransactionId()).isEqualTo("2000000123456789");
            assertThat(decoded.getData().getStatus()).isNotNull();
        }
        if (type.equals("EXPIRED")) {
            assertThat(tx.getExpiresDate()).isLessThan(System.currentTimeMillis());
        }
        if (type.startsWith("REFUND") || type.equals("REVOKE")) {
            assertThat(tx.getRevocationDate()).isNotNull();
        }
    }

    @Test
    void production_payloads_carry_the_app_apple_id_apples_verifier_requires() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(200));
        NotifRun.Result r = send("--environment", "production", "--app-apple-id", "987654321", "--type", "DID_RENEW");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        ResponseBodyV2DecodedPayload decoded = appleVerifier(Environment.PRODUCTION, 987654321L)
            .verifyAndDecodeNotification(signedPayload(server.takeRequest(5, TimeUnit.SECONDS)));
        assertThat(decoded.getData().getEnvironment()).isEqualTo(Environment.PRODUCTION);
        assertThat(decoded.getData().getAppAppleId()).isEqualTo(987654321L);
    }

    @Test
    void the_chain_is_created_once_with_private_keys_0600_and_reused() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(200));
        server.enqueue(new MockResponse().setResponseCode(200));
        NotifRun.Result first = send();
        assertThat(first.err()).contains("created notif's Apple test chain").contains("root.pem");
        byte[] root = Files.readAllBytes(chainDir().resolve("root.der"));
        for (String key : new String[] {"root.key.pem", "intermediate.key.pem", "leaf.key.pem"}) {
            assertThat(Files.getPosixFilePermissions(chainDir().resolve(key)))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        }

        NotifRun.Result second = send();
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.err()).doesNotContain("created");
        assertThat(Files.readAllBytes(chainDir().resolve("root.der"))).isEqualTo(root);
        server.takeRequest(5, TimeUnit.SECONDS);
        appleVerifier(Environment.SANDBOX, null).verifyAndDecodeNotification(
            signedPayload(server.takeRequest(5, TimeUnit.SECONDS)));
    }

    @Test
    void a_damaged_chain_is_replaced_and_the_new_root_announced() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(200));
        server.enqueue(new MockResponse().setResponseCode(200));
        send();
        byte[] root = Files.readAllBytes(chainDir().resolve("root.der"));
        Files.writeString(chainDir().resolve("leaf.pem"), "garbage");
        NotifRun.Result r = send();
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains("created notif's Apple test chain");
        assertThat(Files.readAllBytes(chainDir().resolve("root.der"))).isNotEqualTo(root);
    }

    @Test
    void a_v1_notification_carries_the_shared_secret_as_password_shown_redacted() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(200));
        NotifRun.Result r = send("--v1", "--password", "0123456789abcdef0123456789abcdef", "--type", "INITIAL_BUY",
            "--original-transaction-id", "2000000123456789");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode json = r.json();
        assertThat(json.get("version").asText()).isEqualTo("V1");
        assertThat(json.get("password").asText()).isEqualTo("****abcdef".replace("abcdef", "cdef"));
        assertThat(json.get("test_root").isNull()).isTrue();
        assertThat(r.out()).doesNotContain("0123456789abcdef0123456789abcdef");

        JsonNode body = Json.parse(server.takeRequest(5, TimeUnit.SECONDS).getBody().readString(StandardCharsets.UTF_8));
        assertThat(body.get("notification_type").asText()).isEqualTo("INITIAL_BUY");
        assertThat(body.get("password").asText()).isEqualTo("0123456789abcdef0123456789abcdef");
        assertThat(body.get("bid").asText()).isEqualTo(BUNDLE);
        assertThat(body.get("environment").asText()).isEqualTo("Sandbox");
        JsonNode info = body.at("/unified_receipt/latest_receipt_info/0");
        assertThat(info.get("original_transaction_id").asText()).isEqualTo("2000000123456789");
        assertThat(info.get("transaction_id").asText()).isEqualTo("2000000123456789");
        assertThat(Long.parseLong(info.get("expires_date_ms").asText())).isGreaterThan(System.currentTimeMillis());
    }

    /** Two rows through the whole command; every rule has its row in apple.AppleVerdictsTest. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "401|Invalid signature: certificate chain not trusted|signature_rejected",
        "503||server_error",
    })
    void answers_get_a_verdict_with_cause_and_fix(int status, String body, String verdict) {
        server.enqueue(new MockResponse().setResponseCode(status).setBody(body == null ? "" : body));
        NotifRun.Result r = send();
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        JsonNode json = r.json();
        assertThat(json.get("verdict").asText()).isEqualTo(verdict);
        assertThat(json.get("http_status").asInt()).isEqualTo(status);
        assertThat(json.get("cause").asText()).isNotBlank();
        assertThat(json.get("fix").asText()).isNotBlank();
        if (verdict.equals("signature_rejected")) {
            assertThat(json.get("fix").asText()).contains(chainDir().resolve("root.pem").toString())
                .contains("notif check apple");
        }
    }

    @Test
    void a_redirect_is_not_followed_and_named() {
        server.enqueue(new MockResponse().setResponseCode(301).setHeader("Location", "https://api.example.com/apple/"));
        NotifRun.Result r = send();
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.json().get("verdict").asText()).isEqualTo("redirected");
        assertThat(r.json().get("fix").asText()).contains("https://api.example.com/apple/");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void nothing_listening_is_unreachable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        NotifRun.Result r = NotifRun.in(home).run("send", "apple", "--url", "http://127.0.0.1:" + port + "/apple",
            "--bundle-id", BUNDLE, "--json");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.json().get("verdict").asText()).isEqualTo("unreachable");
    }

    @Test
    void a_v1_password_refusal_is_a_signature_rejection_about_the_shared_secret() {
        server.enqueue(new MockResponse().setResponseCode(400)
            .setBody("{\"error\":\"shared_secret_mismatch\",\"message\":\"password does not match\"}"));
        NotifRun.Result r = send("--v1", "--password", "wrongsecret0123456789");
        assertThat(r.json().get("verdict").asText()).isEqualTo("signature_rejected");
        assertThat(r.json().get("fix").asText()).contains("App-Specific Shared Secret");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--type=no-pe", "--password=abc", "--v1", "--type=TEST --subtype=INITIAL_BUY",
        "--environment=staging", "--bundle-id=com example"})
    void bad_input_is_a_usage_error_before_sending(String flags) {
        String[] extra = flags.split(" ");
        NotifRun.Result r = send(extra);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).startsWith("notif: ").contains("hint: ");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void text_output_says_it_is_not_apple_signed_and_names_the_root_to_trust() {
        server.enqueue(new MockResponse().setResponseCode(200));
        NotifRun.Result r = NotifRun.in(home).run("send", "apple", "--url", server.url("/apple").toString(),
            "--bundle-id", BUNDLE);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("not Apple").contains("root.pem").contains("accepted");
    }
}
