package dev.notif.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.apple.itunes.storekit.model.AppTransaction;
import com.apple.itunes.storekit.model.BillingPlanType;
import com.apple.itunes.storekit.model.Environment;
import com.apple.itunes.storekit.model.JWSRenewalInfoDecodedPayload;
import com.apple.itunes.storekit.model.JWSTransactionDecodedPayload;
import com.apple.itunes.storekit.model.NotificationTypeV2;
import com.apple.itunes.storekit.model.ResponseBodyV2DecodedPayload;
import com.apple.itunes.storekit.verification.SignedDataVerifier;
import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.core.Context;
import dev.notif.core.Json;
import dev.notif.listen.ListenSetup;
import dev.notif.listen.Receiver;
import dev.notif.testing.NotifRun;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notification types and fields Apple added since V2 shipped, checked against Apple's own library: what send apple
 * signs verifies and decodes there; verify apple and the receiver decode and accept them, and types notif does not
 * know.
 */
class AppleNewerNotificationsTest {
    static final String BUNDLE = "com.example.app";

    @TempDir
    Path home;
    MockWebServer server;
    Receiver receiver;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
        if (receiver != null) {
            receiver.close();
        }
    }

    /** Sends one notification and returns its signedPayload as the server got it. */
    String sent(String... extra) throws Exception {
        server.enqueue(new MockResponse().setResponseCode(200));
        String[] base = {"send", "apple", "--url", server.url("/apple").toString(), "--bundle-id", BUNDLE, "--json"};
        NotifRun.Result r = NotifRun.in(home).run(base, extra);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        String body = server.takeRequest(5, TimeUnit.SECONDS).getBody().readString(StandardCharsets.UTF_8);
        return Json.parse(body).get("signedPayload").asText();
    }

    SignedDataVerifier apple() throws Exception {
        byte[] root = Files.readAllBytes(home.resolve("config/apple-test-chain/root.der"));
        return new SignedDataVerifier(Set.of(new ByteArrayInputStream(root)), BUNDLE, null, Environment.SANDBOX, false);
    }

    NotifRun.Result verify(String signedPayload) throws Exception {
        Path file = home.resolve("payload.json");
        Files.writeString(file, "{\"signedPayload\":\"" + signedPayload + "\"}");
        return NotifRun.in(home).run("verify", "apple", "--payload", file.toString(), "--root",
            home.resolve("config/apple-test-chain/root.der").toString(), "--json");
    }

    @Test
    void rescind_consent_carries_app_data_with_a_signed_app_transaction_and_apples_verifier_accepts_it()
        throws Exception {
        String jws = sent("--type", "RESCIND_CONSENT");
        ResponseBodyV2DecodedPayload decoded = apple().verifyAndDecodeNotification(jws);
        assertThat(decoded.getNotificationType()).isEqualTo(NotificationTypeV2.RESCIND_CONSENT);
        assertThat(decoded.getData()).isNull();
        assertThat(decoded.getAppData().getBundleId()).isEqualTo(BUNDLE);
        assertThat(decoded.getAppData().getEnvironment()).isEqualTo(Environment.SANDBOX);
        AppTransaction app = apple().verifyAndDecodeAppTransaction(decoded.getAppData().getSignedAppTransactionInfo());
        assertThat(app.getBundleId()).isEqualTo(BUNDLE);

        NotifRun.Result v = verify(jws);
        assertThat(v.exitCode()).as(v.toString()).isZero();
        assertThat(v.json().at("/notification/bundle_id").asText()).isEqualTo(BUNDLE);
        assertThat(v.json().at("/notification/environment").asText()).isEqualTo("Sandbox");
        assertThat(v.json().get("steps").toString()).contains("signedAppTransactionInfo");
    }

    @Test
    void summary_and_external_purchase_token_payloads_verify_with_apples_library() throws Exception {
        String extension = sent("--type", "RENEWAL_EXTENSION", "--subtype", "FAILURE");
        ResponseBodyV2DecodedPayload summary = apple().verifyAndDecodeNotification(extension);
        assertThat(summary.getSummary().getFailedCount()).isPositive();
        String external = sent("--type", "EXTERNAL_PURCHASE_TOKEN");
        ResponseBodyV2DecodedPayload token = apple().verifyAndDecodeNotification(external);
        assertThat(token.getExternalPurchaseToken().getExternalPurchaseId()).startsWith("SANDBOX");
    }

    @Test
    void the_2026_commitment_fields_decode_in_apples_library_and_verify_apple_shows_them() throws Exception {
        String jws = sent("--type", "DID_RENEW", "--commitment");
        ResponseBodyV2DecodedPayload decoded = apple().verifyAndDecodeNotification(jws);
        JWSTransactionDecodedPayload tx = apple().verifyAndDecodeTransaction(decoded.getData().getSignedTransactionInfo());
        assertThat(tx.getBillingPlanType()).isEqualTo(BillingPlanType.MONTHLY);
        assertThat(tx.getCommitmentInfo().getTotalBillingPeriods()).isEqualTo(12);
        JWSRenewalInfoDecodedPayload renewal = apple().verifyAndDecodeRenewalInfo(
            decoded.getData().getSignedRenewalInfo());
        assertThat(renewal.getCommitmentInfo().getCommitmentRenewalPrice()).isPositive();

        NotifRun.Result v = verify(jws);
        JsonNode n = v.json().get("notification");
        assertThat(n.get("billing_plan_type").asText()).isEqualTo("MONTHLY");
        assertThat(n.at("/commitment/total_billing_periods").asInt()).isEqualTo(12);
        assertThat(n.get("renewal_billing_plan_type").asText()).isEqualTo("MONTHLY");
        NotifRun.Result text = NotifRun.in(home).run("verify", "apple", "--payload", home.resolve("payload.json")
            .toString(), "--root", home.resolve("config/apple-test-chain/root.der").toString());
        assertThat(text.out()).contains("billing: MONTHLY").contains("period 3 of 12");
    }

    @Test
    void a_type_notif_does_not_know_is_decoded_and_accepted_by_verify_and_the_receiver() throws Exception {
        String jws = sent("--type", "SOMETHING_APPLE_ADDS_IN_2027");
        ResponseBodyV2DecodedPayload decoded = apple().verifyAndDecodeNotification(jws);
        assertThat(decoded.getRawNotificationType()).isEqualTo("SOMETHING_APPLE_ADDS_IN_2027");

        NotifRun.Result v = verify(jws);
        assertThat(v.exitCode()).as(v.toString()).isZero();
        assertThat(v.json().at("/notification/known_type").asBoolean()).isFalse();

        AppleRouteOptions options = new AppleRouteOptions();
        options.roots.add(home.resolve("config/apple-test-chain/root.pem"));
        Context ctx = new Context(Map.of(), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
            InputStream.nullInputStream(), Clock.systemUTC(), false);
        Path data = home.resolve("receiver");
        var route = options.route(new ListenSetup(ctx, data, Duration.ofSeconds(5), n -> { }));
        receiver = Receiver.start(new Receiver.Config("127.0.0.1", 0, data, Receiver.DEFAULT_MAX_BODY, List.of(route),
            Clock.systemUTC(), null));
        String[] base = {"send", "apple", "--url", receiver.baseUrl() + "/apple", "--bundle-id", BUNDLE, "--json"};
        NotifRun.Result r = NotifRun.in(home).run(base, "--type", "SOMETHING_APPLE_ADDS_IN_2027");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.json().get("verdict").asText()).isEqualTo("accepted");
        assertThat(r.err()).contains("not a V2 type this notif release knows");
    }
}
