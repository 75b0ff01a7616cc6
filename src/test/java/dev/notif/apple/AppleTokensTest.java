package dev.notif.apple;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notif.core.Inputs;
import dev.notif.core.Json;
import dev.notif.core.NotifException;
import dev.notif.core.Shared;
import dev.notif.testing.AppleTestKeys;
import dev.notif.testing.ManualClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new App Store Server API token for each request (Apple's rule); one App Store Connect token per key, reused until
 * a minute before its exp, then a new one; a key file read by every app and parsed once per content.
 */
class AppleTokensTest {
    static final String ISSUER = "57246542-96fe-1a63-e053-0824d011072a";
    final ManualClock clock = new ManualClock(Instant.now());
    final AppleTokens tokens = new AppleTokens();
    @TempDir
    Path dir;

    AppleKey key(String keyId, KeyPair pair) throws Exception {
        Path p8 = AppleTestKeys.writeP8(dir, "SubscriptionKey_" + keyId + ".p8", pair);
        return AppleKey.load(AppleKey.Kind.IAP, "test", p8.toString(), keyId, ISSUER);
    }

    @Test
    void each_app_store_server_api_request_gets_a_new_token_and_app_store_connect_reuses_one_until_its_last_minute()
            throws Exception {
        KeyPair pair = AppleTestKeys.generate();
        AppleKey key = key("ABC123DEFG", pair);
        String first = tokens.serverApi(key, "com.example.game", clock);
        JsonNode claims = dev.notif.apple.Jws.payloadOrNull(first);
        assertThat(claims.get("iat").asLong()).isEqualTo(clock.instant().getEpochSecond());
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(5 * 60);
        assertThat(claims.get("bid").asText()).isEqualTo("com.example.game");
        assertThat(AppleTestKeys.jwtProblems("Bearer " + first, pair.getPublic(), "ABC123DEFG", ISSUER,
            AppleTokens.AUDIENCE, "com.example.game", clock.instant())).isEmpty();
        // "Generate a new signed JWT for each new request" (ES256 signatures are randomised: a new token each time)
        assertThat(tokens.serverApi(key, "com.example.game", clock)).isNotEqualTo(first);
        assertThat(tokens.authenticator(key, "com.example.game", clock).generateToken())
            .isNotEqualTo(tokens.authenticator(key, "com.example.game", clock).generateToken());

        String connect = tokens.connect(key, clock);
        clock.advance(Duration.ofMinutes(14).minusSeconds(1));
        assertThat(tokens.connect(key, clock)).isEqualTo(connect);
        clock.advance(Duration.ofSeconds(1));
        String second = tokens.connect(key, clock);
        assertThat(second).isNotEqualTo(connect);
        assertThat(dev.notif.apple.Jws.payloadOrNull(second).get("iat").asLong())
            .isEqualTo(clock.instant().getEpochSecond());
        assertThat(tokens.connect(key, clock)).isEqualTo(second);
    }

    @Test
    void each_key_has_its_own_app_store_connect_token_and_no_bundle_id_in_it() throws Exception {
        KeyPair pair = AppleTestKeys.generate();
        AppleKey key = key("ABC123DEFG", pair);
        String connect = tokens.connect(key, clock);
        assertThat(dev.notif.apple.Jws.payloadOrNull(tokens.serverApi(key, "com.example.chat", clock)).get("bid")
            .asText()).isEqualTo("com.example.chat");
        // the same key id and issuer with another private key (a key file replaced): not the old key's token
        Path other = AppleTestKeys.writeP8(dir.resolve("other"), "SubscriptionKey_ABC123DEFG.p8",
            AppleTestKeys.generate());
        AppleKey replaced = AppleKey.load(AppleKey.Kind.IAP, "test", other.toString(), "ABC123DEFG", ISSUER);
        assertThat(tokens.connect(replaced, clock)).isNotEqualTo(connect);
        // App Store Connect's token has no bid and lives 15 minutes
        JsonNode claims = dev.notif.apple.Jws.payloadOrNull(connect);
        assertThat(claims.has("bid")).isFalse();
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(15 * 60);
        assertThat(tokens.connect(key, clock)).isEqualTo(connect);
    }

    @Test
    void a_key_file_is_read_by_every_app_so_an_edit_or_a_removal_is_seen_and_a_content_is_parsed_once() throws Exception {
        Shared process = new Shared();
        KeyPair pair = AppleTestKeys.generate();
        Path p8 = AppleTestKeys.writeP8(dir, "SubscriptionKey_ABC123DEFG.p8", pair);
        String good = Files.readString(p8);
        AppleKey first = AppleKey.load(AppleKey.Kind.IAP, "check apple", p8.toString(), "ABC123DEFG", ISSUER, process);
        Files.writeString(p8, good.replace("-----END PRIVATE KEY-----", ""));
        assertThatThrownBy(() -> AppleKey.load(AppleKey.Kind.IAP, "check apple", p8.toString(), "ABC123DEFG", ISSUER,
            process)).isInstanceOfSatisfying(NotifException.class, e -> assertThat(e.getMessage())
                .isEqualTo("the In-App Purchase key (App Store Server API) file " + p8 + " is not a .p8 private key (no"
                    + " BEGIN PRIVATE KEY block)"));
        Files.delete(p8);
        assertThatThrownBy(() -> AppleKey.load(AppleKey.Kind.IAP, "check apple", p8.toString(), "ABC123DEFG", ISSUER,
            process)).isInstanceOfSatisfying(NotifException.class, e -> assertThat(e.getMessage()).endsWith(
                "does not exist"));
        Files.writeString(p8, good);
        AppleKey again = AppleKey.load(AppleKey.Kind.IAP, "check apple", p8.toString(), "ABC123DEFG", ISSUER, process);
        assertThat(again.privateKey()).isSameAs(first.privateKey());
        AppleKey fresh = AppleKey.load(AppleKey.Kind.IAP, "check apple", p8.toString(), "ABC123DEFG", ISSUER,
            new Shared());
        assertThat(fresh.privateKey()).isNotSameAs(first.privateKey()).isEqualTo(first.privateKey());
    }

    @Test
    void a_token_is_written_as_jackson_writes_its_header_and_claims_and_signed_by_the_key() throws Exception {
        KeyPair pair = AppleTestKeys.generate();
        AppleKey key = key("ABC123DEFG", pair);
        Instant now = clock.instant();
        for (String bid : new String[] {"com.example.game", "com.example.\"quoted\\", null}) {
            String token = AppleTokens.sign(key, bid, now, Duration.ofMinutes(5));
            String[] parts = token.split("\\.");
            ObjectNode header = Json.object().put("alg", "ES256").put("kid", "ABC123DEFG").put("typ", "JWT");
            ObjectNode claims = Json.object().put("iss", ISSUER).put("iat", now.getEpochSecond())
                .put("exp", now.getEpochSecond() + 300).put("aud", AppleTokens.AUDIENCE);
            if (bid != null) {
                claims.put("bid", bid);
            }
            assertThat(decoded(parts[0])).isEqualTo(Json.compact(header));
            assertThat(decoded(parts[1])).isEqualTo(Json.compact(claims));
            assertThat(AppleTestKeys.jwtVerdict("Bearer " + token, pair.getPublic(), "ABC123DEFG", ISSUER,
                AppleTokens.AUDIENCE, bid).problems()).isEmpty();
            assertThat(AppleTestKeys.jwtVerdict("Bearer " + token, AppleTestKeys.generate().getPublic(), "ABC123DEFG",
                ISSUER, AppleTokens.AUDIENCE, bid).problems()).containsExactly("signature does not verify");
        }
    }

    static String decoded(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    @Test
    void a_malformed_key_or_issuer_id_is_named_by_its_flag_on_the_command_line_and_by_its_key_in_notif_toml()
            throws Exception {
        Path p8 = AppleTestKeys.writeP8(dir, "SubscriptionKey_ABC123DEFG.p8", AppleTestKeys.generate());
        assertThatThrownBy(() -> AppleKey.load(AppleKey.Kind.IAP, "check apple", p8.toString(), "abc", ISSUER))
            .hasMessageStartingWith("--key-id 'abc' is not an Apple key id (");
        try (Inputs.Scope s = Inputs.file(new Inputs.File("notif.toml", "ios", "apple", Map.of()))) {
            assertThatThrownBy(() -> AppleKey.load(AppleKey.Kind.IAP, "check apple", p8.toString(), "abc", ISSUER))
                .hasMessageStartingWith("key_id 'abc' in [app.apple] of app \"ios\" in notif.toml is not an Apple key id (");
            assertThatThrownBy(() -> AppleKey.load(AppleKey.Kind.ASC, "check apple", p8.toString(), "ABC123DEFG", "x"))
                .hasMessageStartingWith("asc_issuer_id 'x' in [app.apple] of app \"ios\" in notif.toml is not an issuer"
                    + " id (");
        }
    }
}
