package dev.notif.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.core.Json;
import dev.notif.stripe.StripeEventBuilder;
import dev.notif.stripe.StripeSignature;
import dev.notif.testing.NotifRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyStripeCommandTest {
    static final String SECRET = "whsec_Endpoint0123456789abcdefghijKLMN";
    static final String OLD = "whsec_Previous0123456789abcdefghijKLMN";
    static final long NOW = 1_800_000_000L;

    @TempDir
    Path home;
    Path payload;
    String body;
    String header;

    @BeforeEach
    void capture() throws Exception {
        body = Json.pretty(StripeEventBuilder.build(new StripeEventBuilder.Options("invoice.updated", null, null, true,
            Instant.ofEpochSecond(NOW - 20), null)));
        header = StripeSignature.header(SECRET, NOW - 20, body.getBytes(StandardCharsets.UTF_8));
        payload = home.resolve("body.json");
        Files.writeString(payload, body);
    }

    NotifRun run() {
        return NotifRun.in(home).clock(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));
    }

    @Test
    void a_valid_capture_exits_0_with_the_secret_redacted_and_the_contract_fields() {
        NotifRun.Result r = run().run("verify", "stripe", "--payload", payload.toString(), "--header", header,
            "--secret", SECRET, "--json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode j = r.json();
        for (String field : new String[] {"ok", "store", "valid", "matched_secret", "timestamp", "age_seconds", "cause",
            "fix", "steps"}) {
            assertThat(j.has(field)).as(field).isTrue();
        }
        assertThat(j.get("valid").asBoolean()).isTrue();
        assertThat(j.get("store").asText()).isEqualTo("stripe");
        assertThat(j.get("matched_secret").asText()).isEqualTo("whsec_****KLMN");
        assertThat(j.get("timestamp").asLong()).isEqualTo(NOW - 20);
        assertThat(j.get("age_seconds").asLong()).isEqualTo(20);
        assertThat(j.get("event_type").asText()).isEqualTo("invoice.updated");
        assertThat(j.get("steps")).extracting(s -> s.get("name").asText())
            .containsExactly("payload", "header", "secrets", "signature", "timestamp");
        assertThat(r.out() + r.err()).doesNotContain(SECRET);
    }

    @Test
    void which_of_a_rotation_s_secrets_signed_is_named_from_secret_files() throws Exception {
        Path secrets = home.resolve("secrets.txt");
        Files.writeString(secrets, OLD + "\n" + SECRET + "\n");
        NotifRun.Result r = run().env("COLUMNS", "200").run("verify", "stripe", "--payload", payload.toString(),
            "--header", "Stripe-Signature: " + header, "--secret-file", secrets.toString()); // the line whole
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("valid: signed by --secret-file " + secrets + " line 2 (whsec_****KLMN)");
    }

    @Test
    void a_reserialized_body_from_stdin_exits_1_naming_it_in_text() {
        NotifRun.Result r = run().env("COLUMNS", "200").stdin(Json.compact(Json.parse(body))).run("verify", "stripe",
            "--payload", "-", "--header", header, "--secret", SECRET);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).contains("invalid: the secret is right (--secret) but the body is not the bytes Stripe"
            + " signed", "compact JSON", "fix: verify the raw request body", "express.raw");
        assertThat(r.out()).containsPattern("(?m)^  fail +body ");
    }

    @Test
    void the_default_secret_comes_from_the_environment() {
        NotifRun.Result r = run().env("STRIPE_WEBHOOK_SECRET", OLD).run("verify", "stripe", "--payload",
            payload.toString(), "--header", header, "--json");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.json().get("cause_code").asText()).isEqualTo("wrong_secret");
        assertThat(r.json().get("steps").get(2).get("detail").asText()).contains("$STRIPE_WEBHOOK_SECRET");
    }

    @Test
    void bad_input_exits_2_with_a_hint() {
        NotifRun.Result none = run().run("verify", "stripe", "--payload", payload.toString(), "--header", header);
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("notif: no secret to verify with", "hint: ");
        NotifRun.Result missing = run().run("verify", "stripe", "--payload", home.resolve("nope.json").toString(),
            "--header", header, "--secret", SECRET);
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("cannot read --payload");
        NotifRun.Result tolerance = run().run("verify", "stripe", "--payload", payload.toString(), "--header", header,
            "--secret", SECRET, "--tolerance", "-1");
        assertThat(tolerance.exitCode()).isEqualTo(2);
        NotifRun.Result noHeader = run().run("verify", "stripe", "--payload", payload.toString(), "--secret", SECRET);
        assertThat(noHeader.exitCode()).isEqualTo(2);
        assertThat(noHeader.err()).doesNotContain("Exception");
    }
}
