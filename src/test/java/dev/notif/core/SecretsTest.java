package dev.notif.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Redaction: by shape, and by the run's registry (values unique to each test: the registry is per process). */
class SecretsTest {
    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "whsec_0123456789abcdefghijklmnopqrstuv|whsec_****stuv",
        "sk_test_51Habcdefghijklmnop|sk_test_****mnop",
        "rk_live_51Habcdefghijklmnop|rk_live_****mnop",
        "rkcs_test_51Habcdefghijklmnop|rkcs_test_****mnop",
        "pk_live_51Habcdefghijklmnop|pk_live_****mnop",
        "ya29.a0AfH6SMBabcdefghijklmnop|ya29.****mnop",
        "whsec_short|whsec_****",
        "0123456789abcdef0123456789abcdef|****cdef",
        "12345678|****",
        "Bearer eyJhbGciOiJSUzI1NiJ9.payload.sig|Bearer ****",
        "-----BEGIN PRIVATE KEY-----\\nMIGT\\n-----END PRIVATE KEY-----|-----BEGIN PRIVATE KEY----- ****",
    })
    void redact_keeps_the_prefix_and_the_last_four(String secret, String redacted) {
        assertThat(Secrets.redact(secret.replace("\\n", "\n"))).isEqualTo(redacted);
    }

    @Test
    void redact_of_null_is_null() {
        assertThat(Secrets.redact(null)).isNull();
        assertThat(Secrets.scrub(null)).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "the key sk_test_51Habcdefghijklmnop was refused|the key sk_test_****mnop was refused",
        "Stripe-Signature: whsec_0123456789abcdefghijklmnopqrstuv|Stripe-Signature: whsec_****stuv",
        "Authorization: Bearer abcdefghijklmnopqrstuvwxyz|Authorization: Bearer ****",
        "token ya29.a0AfH6SMBabcdefghijklmnop here|token ya29.****mnop here",
        "pass --api-key sk_test_... or rk_test_...|pass --api-key sk_test_... or rk_test_...",
        "a bearer of news|a bearer of news",
    })
    void scrub_finds_keys_by_their_shape_in_free_text(String text, String scrubbed) {
        assertThat(Secrets.scrub(text)).isEqualTo(scrubbed);
    }

    @Test
    void a_remembered_secret_is_scrubbed_wherever_it_appears_also_json_escaped_or_url_encoded() {
        String secret = unique("p\"w/") + " +&";
        Secrets.remember(secret);
        String json = secret.replace("\"", "\\\"");
        String url = URLEncoder.encode(secret, StandardCharsets.UTF_8);

        assertThat(Secrets.scrub("got " + secret + "!")).doesNotContain(secret).contains(Secrets.redact(secret));
        assertThat(Secrets.scrub("{\"password\":\"" + json + "\"}")).doesNotContain(json);
        assertThat(Secrets.scrub("GET /?p=" + url)).doesNotContain(url);
    }

    @Test
    void a_remembered_secret_with_control_characters_is_scrubbed_as_json_writes_it() throws Exception {
        String secret = unique("line\nbreak\ttab");
        Secrets.remember(secret);
        String json = Json.compact(Json.object().put("password", secret));

        assertThat(json).contains("\\n").contains("\\t"); // JSON's short escapes, not \\u000a
        assertThat(Secrets.scrub(json)).doesNotContain(Json.escaped(secret)).contains("****");
    }

    @Test
    void short_values_are_not_remembered() {
        String word = "abc12";
        assertThat(Secrets.remember(word)).isEqualTo(word);
        assertThat(Secrets.scrub("say abc12 twice: abc12")).isEqualTo("say abc12 twice: abc12");
        assertThat(Secrets.remember(null)).isNull();
    }

    @Test
    void a_value_the_user_asked_to_see_stays_whole_in_scrubbed_output() {
        String secret = "whsec_" + unique("");
        Secrets.remember(secret);
        assertThat(Secrets.show(secret, false)).isEqualTo(Secrets.redact(secret)).doesNotContain(secret);
        assertThat(Secrets.show(secret, true)).isEqualTo(secret);
        assertThat(Secrets.scrub("secret: " + secret)).isEqualTo("secret: " + secret);
    }

    @Test
    void the_longest_remembered_value_is_redacted_first() {
        String shorter = unique("s");
        String longer = shorter + "tail0123";
        Secrets.remember(shorter);
        Secrets.remember(longer);
        assertThat(Secrets.scrub(longer)).isEqualTo(Secrets.redact(longer));
    }

    @Test
    void a_longer_secret_is_redacted_first_also_when_the_shorter_one_inside_it_starts_otherwise() {
        String shorter = unique("inner");
        String longer = "outer-" + shorter + "-tail";
        Secrets.remember(shorter);
        Secrets.remember(longer);
        assertThat(Secrets.scrub("a " + longer + " b " + shorter)).isEqualTo("a " + Secrets.redact(longer) + " b "
            + Secrets.redact(shorter));
    }

    @Test
    void many_remembered_tokens_with_one_prefix_are_each_redacted_and_a_text_without_the_prefix_is_left_alone() {
        String prefix = "eyJ" + unique("");
        java.util.List<String> tokens = new java.util.ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            tokens.add(Secrets.remember(prefix + ".claims" + i + ".sig-_" + i));
        }
        String quoted = "a peer said " + tokens.get(1234) + " and " + tokens.get(7) + "\"" + tokens.get(1999) + "\"";
        assertThat(Secrets.scrub(quoted)).isEqualTo("a peer said " + Secrets.redact(tokens.get(1234)) + " and "
            + Secrets.redact(tokens.get(7)) + "\"" + Secrets.redact(tokens.get(1999)) + "\"");
        assertThat(Secrets.scrub("GET /?t=" + tokens.get(5))).isEqualTo("GET /?t=" + Secrets.redact(tokens.get(5)));
        String other = "nothing of theirs: " + prefix.substring(0, 5) + " claims0 sig";
        assertThat(Secrets.scrub(other)).isEqualTo(other);
    }
}
