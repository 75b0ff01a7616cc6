package dev.notif.apple;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.core.NotifException;
import dev.notif.core.Shared;
import dev.notif.testing.AppleTestKeys;
import dev.notif.testing.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One ES256 token per key, issuer, bundle id and audience, reused until a minute before its exp, then a new one; a
 * key file read by every app and parsed once per content.
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
    void a_token_serves_until_a_minute_before_its_exp_then_a_new_one_is_signed() throws Exception {
        KeyPair pair = AppleTestKeys.generate();
        AppleKey key = key("ABC123DEFG", pair);
        String first = tokens.serverApi(key, "com.example.game", clock);
        JsonNode claims = dev.notif.apple.Jws.payloadOrNull(first);
        assertThat(claims.get("iat").asLong()).isEqualTo(clock.instant().getEpochSecond());
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(5 * 60);
        assertThat(claims.get("bid").asText()).isEqualTo("com.example.game");
        assertThat(AppleTestKeys.jwtProblems("Bearer " + first, pair.getPublic(), "ABC123DEFG", ISSUER,
            AppleTokens.AUDIENCE, "com.example.game", clock.instant())).isEmpty();

        clock.advance(Duration.ofMinutes(4).minusSeconds(1));
        assertThat(tokens.serverApi(key, "com.example.game", clock)).isEqualTo(first);
        clock.advance(Duration.ofSeconds(1));
        String second = tokens.serverApi(key, "com.example.game", clock);
        assertThat(second).isNotEqualTo(first);
        assertThat(dev.notif.apple.Jws.payloadOrNull(second).get("iat").asLong())
            .isEqualTo(clock.instant().getEpochSecond());
        assertThat(tokens.serverApi(key, "com.example.game", clock)).isEqualTo(second);
    }

    @Test
    void each_bundle_id_key_and_audience_has_its_own() throws Exception {
        KeyPair pair = AppleTestKeys.generate();
        AppleKey key = key("ABC123DEFG", pair);
        String game = tokens.serverApi(key, "com.example.game", clock);
        assertThat(tokens.serverApi(key, "com.example.chat", clock)).isNotEqualTo(game);
        // the same key id and issuer with another private key (a key file replaced): not the old key's token
        Path other = AppleTestKeys.writeP8(dir.resolve("other"), "SubscriptionKey_ABC123DEFG.p8",
            AppleTestKeys.generate());
        AppleKey replaced = AppleKey.load(AppleKey.Kind.IAP, "test", other.toString(), "ABC123DEFG", ISSUER);
        assertThat(tokens.serverApi(replaced, "com.example.game", clock)).isNotEqualTo(game);
        // App Store Connect's token has no bid and lives 15 minutes
        JsonNode connect = dev.notif.apple.Jws.payloadOrNull(tokens.connect(key, clock));
        assertThat(connect.has("bid")).isFalse();
        assertThat(connect.get("exp").asLong() - connect.get("iat").asLong()).isEqualTo(15 * 60);
        assertThat(tokens.serverApi(key, "com.example.game", clock)).isEqualTo(game);
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
}
