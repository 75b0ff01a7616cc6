package dev.notif.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.notif.core.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** EventFields against a strict Jackson tree of the same bytes: same verdict (JSON object or not), same fields. */
class EventFieldsTest {
    private static final ObjectMapper STRICT = new ObjectMapper()
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** What a parsed tree says: null when the bytes are not one JSON object. */
    private static EventFields reference(byte[] body) {
        JsonNode n;
        try {
            n = STRICT.readTree(body);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        if (n == null || !n.isObject()) {
            return null;
        }
        JsonNode data = n.get("data");
        EventFields.DataObject object = null;
        if (data != null && data.isObject() && data.get("object") != null && data.get("object").isObject()) {
            JsonNode o = data.get("object");
            object = new EventFields.DataObject(text(o, "object"), text(o, "id"), text(o, "customer"));
        }
        return new EventFields(text(n, "id"), text(n, "type"), n.path("livemode").isBoolean()
            && n.get("livemode").booleanValue(), object);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isTextual() ? v.textValue() : null;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<byte[]> events() throws IOException {
        List<byte[]> all = new ArrayList<>();
        for (String name : List.of("event.json", "charge.json", "invoice.json", "subscription.json",
            "checkout.session.json", "customer.json", "refund.json")) {
            try (InputStream in = EventFieldsTest.class.getResourceAsStream("/fixtures/stripe/" + name)) {
                all.add(in.readAllBytes());
            }
        }
        for (String type : StripeEvents.allowed(true)) {
            var options = new StripeEventBuilder.Options(type, null, null, false, Instant.ofEpochSecond(1_800_000_000L),
                null);
            all.add(utf8(Json.compact(StripeEventBuilder.build(options))));
            all.add(utf8(Json.pretty(StripeEventBuilder.build(options))));
        }
        return all;
    }

    @Test
    void reads_every_event_as_a_parsed_tree_does() throws IOException {
        for (byte[] body : events()) {
            EventFields fields = EventFields.read(body);
            assertThat(fields).isNotNull().isEqualTo(reference(body));
        }
        EventFields built = EventFields.read(events().get(events().size() - 1));
        assertThat(built.type()).isNotNull();
        assertThat(built.object().id()).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{}", " {\"id\":\"evt_1\"} \n", "{\"id\":5,\"type\":[1,{\"a\":null}],\"livemode\":\"true\"}",
        "{\"livemode\":true,\"livemode\":false}", "{\"livemode\":false,\"livemode\":true}",
        "{\"id\":\"a\",\"id\":\"b\"}", "{\"id\":\"a\",\"id\":7}",
        "{\"data\":{\"object\":{\"id\":\"x\"}},\"data\":3}", "{\"data\":{\"object\":{\"id\":\"x\"},\"object\":[]}}",
        "{\"data\":{\"object\":{\"object\":\"invoice\",\"id\":\"in_1\",\"customer\":{\"id\":\"cus_1\"}}}}",
        "{\"\\u0074ype\":\"invoice.updated\",\"i\\u0064\":\"evt_\\u00e9\\n\\\"x\\\"\\\\\\/\\b\\f\\r\\t\"}",
        "{\"type\":\"\\ud83d\\ude00 caf\u00e9 \u4e2d \ud83d\ude00\"}", "{\"n\":[0,-0,1.5,-2e10,3E+2,4.0e-7,1234567890123]}",
        "{\"a\":{\"b\":{\"c\":[[[[]]]]}},\"e\":{}}", "{\"a\" : [ 1 , 2 ] , \"b\"\t:\r\n{ } }",
        // the same names deeper down are not the event's; the last of repeated members decides, at every level
        "{\"x\":{\"id\":\"inner\",\"type\":\"t\",\"livemode\":true},\"id\":\"outer\"}",
        "{\"type\":\"a\",\"data\":{\"type\":\"b\",\"id\":\"d\",\"object\":{\"type\":\"c\",\"data\":{\"object\":{\"id\":\"z\"}}}}}",
        "{\"data\":{\"object\":{\"object\":\"charge\",\"id\":\"ch_1\"},\"object\":{\"id\":\"x\"}}}",
        "{\"data\":{\"object\":{\"id\":\"x\",\"id\":null,\"customer\":\"c\",\"customer\":{\"id\":\"c\"}}}}",
        "{\"data\":{\"object\":{\"id\":\"x\"}},\"data\":{\"objects\":{\"id\":\"y\"}}}",
        "{\"data\":[{\"object\":{\"id\":\"x\"}}],\"object\":{\"id\":\"y\"}}",
        "{\"id\":\"evt_1\",\"data\":{\"object\":{\"object\":\"invoice\",\"lines\":{\"data\":[{\"id\":\"il_1\",\"object\":\"line_item\"}]},\"id\":\"in_1\"}}}",
        // names and text spelled with escapes, names that are almost the ones read, odd but valid text
        "{\"\\u0069\\u0064\":\"evt_esc\",\"\\u0064ata\":{\"obj\\u0065ct\":{\"\\u0063ustomer\":\"cus_\\u0031\"}}}",
        "{\"id \":\"a\",\" id\":\"b\",\"ID\":\"c\",\"i\":\"d\",\"idx\":\"e\",\"\":\"f\",\"\u00efd\":\"g\"}",
        "{\"type\":\"\\/invoice\\/\",\"id\":\"\\u0000\\u001f\\u007f\\uFFFF\",\"livemode\":true}",
        "{\"id\":\"\\ud800 lone\",\"type\":\"\\udfff\"}", "{\"id\":\"\u007f\u0080\u07ff\u0800\uffff\"}",
        "{\"type\":\"x\",\"livemode\":null}", "{\"livemode\":\"yes\"}", "{\"livemode\":1}",
        "\t\r\n {\t\"id\"\r\n:\n\"x\"\t,\r\"data\" :{ \"object\" :{ } } }\n\t",
        "{\"n\":[-0.0e-0,1E400,-1e-400,100000000000000000000000000000000000000,0.000000000000000000001,1e0001]}",
        "{\"a\":[true,false,null,\"\",{},[],[{}],{\"\":[]}]}",
        // not one JSON object
        "", " ", "[]", "\"x\"", "12", "null", "{", "}", "{\"a\"}", "{\"a\":}", "{\"a\":1,}", "{,\"a\":1}",
        "{\"a\":1}{}", "{\"a\":1} x", "{\"a\":[1,]}", "{\"a\":[,1]}", "{'a':1}", "{a:1}", "{\"a\":01}",
        "{\"a\":1.}", "{\"a\":.5}", "{\"a\":1e}", "{\"a\":-}", "{\"a\":+1}", "{\"a\":NaN}", "{\"a\":tru}",
        "{\"a\":truex}", "{\"a\":nul}", "{\"a\":\"\\x\"}", "{\"a\":\"\\u12\"}", "{\"a\":\"\\u12g4\"}",
        "{\"a\":\"tab\there\"}", "{\"a\":\"unterminated}", "{\"a\":1 /* c */}", "{\"a\":1}\u0000",
        "{\"a\":[1 2]}", "{\"a\":1 \"b\":2}", "{\"a\"::1}",
        "{\"a\":1,,\"b\":2}", "{\"a\":[1,,2]}", "{\"a\":\"\\U0041\"}", "{\"a\":\"\\'\"}", "{\"a\":-01}",
        "{\"a\":Infinity}", "{\"a\":-Infinity}", "{\"a\":0x10}", "{\"a\":1_000}", "{\"a\":True}", "{\"a\":undefined}",
        "{\"a\":1}\u00a0", "\u00a0{\"a\":1}", "{\"a\":1}\u000b", "{\"a\":1}\f", "{\"a\":\"line\nbreak\"}",
        "{\"data\":{\"object\":{\"id\":\"x\"}}", "{\"data\":{\"object\":{\"id\":\"x\"}}}}", "{\"id\":\"x\"}]",
        "{\"id\":\"x\" // c\n}", "{\"id\":\"x\"}\n#",
    })
    void agrees_with_a_parsed_tree(String body) {
        assertThat(EventFields.read(utf8(body))).isEqualTo(reference(utf8(body)));
    }

    /** Invalid UTF-8 (RFC 3629); jackson-core decodes the overlong slash and the code point above U+10FFFF. */
    @Test
    void refuses_bytes_that_are_not_utf8_and_bounds_nesting() {
        List<byte[]> bad = List.of(
            new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'},          // truncated sequence
            new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'}, // overlong
            new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xFF, '"', '}'},           // never valid
            new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xE2, (byte) 0x82, '"', '}'},
            new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80, '"', '}'},
            new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0x80, '"', '}'});
        for (byte[] b : bad) {
            assertThat(EventFields.read(b)).isNull();
        }
        String deep = "{\"a\":" + "[".repeat(998) + "]".repeat(998) + "}";
        assertThat(EventFields.read(utf8(deep))).isEqualTo(reference(utf8(deep))).isNotNull();
        String tooDeep = "{\"a\":" + "[".repeat(1000) + "]".repeat(1000) + "}";
        assertThat(EventFields.read(utf8(tooDeep))).isNull();
        assertThat(EventFields.read(utf8("{\"n\":" + "1".repeat(1001) + "}"))).isNull();
    }

    /** Where jackson-core bounds numbers (1000 digits) and names (50,000 characters), EventFields bounds them alike. */
    @Test
    void agrees_with_a_parsed_tree_at_the_parser_bounds() {
        List<String> numbers = List.of("1".repeat(1000), "1".repeat(1001), "-" + "1".repeat(1000), "-" + "1".repeat(1001),
            "1".repeat(500) + "." + "1".repeat(500), "1".repeat(500) + "." + "1".repeat(501), "0." + "1".repeat(999),
            "0." + "1".repeat(1000), "1e" + "1".repeat(998), "1e" + "1".repeat(999), "-1.5e-" + "2".repeat(997),
            "-1.5e-" + "2".repeat(998));
        for (String n : numbers) {
            String body = "{\"id\":\"x\",\"n\":" + n + "}";
            assertThat(EventFields.read(utf8(body))).as("number of %d characters", n.length())
                .isEqualTo(reference(utf8(body)));
        }
        List<String> names = List.of("a".repeat(50_000), "a".repeat(50_001), "\u00e9".repeat(50_000),
            "\u00e9".repeat(50_001), "\\u0061".repeat(50_000), "\\u0061".repeat(50_001), "\ud83d\ude00".repeat(25_000),
            "\ud83d\ude00".repeat(25_001));
        for (String name : names) {
            for (String body : List.of("{\"" + name + "\":1,\"id\":\"x\"}",
                "{\"data\":{\"object\":{\"" + name + "\":1}}}")) {
                assertThat(EventFields.read(utf8(body))).as("name of %d characters", name.length())
                    .isEqualTo(reference(utf8(body)));
            }
        }
    }

    /**
     * RFC 8259 section 8.1: a body is UTF-8 without a byte order mark. jackson-core also guesses UTF-16/32 and skips
     * a mark; Stripe never sends either, and its own libraries (JSON.parse of the UTF-8 text) refuse a mark, so
     * EventFields refuses both.
     */
    @Test
    void refuses_a_byte_order_mark_and_utf16() {
        assertThat(EventFields.read(utf8("\ufeff{\"id\":\"x\"}"))).isNull();
        assertThat(EventFields.read("{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_16LE))).isNull();
        assertThat(EventFields.read("{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_16BE))).isNull();
    }

    /** Every way of breaking an event by one byte (dropped, doubled, replaced by punctuation) is judged alike. */
    @Test
    void agrees_with_a_parsed_tree_on_damaged_events() throws IOException {
        byte[] event = events().get(events().size() - 1);
        byte[] alphabet = utf8("{}[]\":,\\ 0-.eEtfnu\n\u00e9");
        Random random = new Random(14);
        int checked = 0;
        for (int at = 0; at < event.length; at++) {
            byte[] dropped = new byte[event.length - 1];
            System.arraycopy(event, 0, dropped, 0, at);
            System.arraycopy(event, at + 1, dropped, at, event.length - at - 1);
            byte[] replaced = event.clone();
            replaced[at] = alphabet[random.nextInt(alphabet.length)];
            byte[] doubled = new byte[event.length + 1];
            System.arraycopy(event, 0, doubled, 0, at + 1);
            System.arraycopy(event, at, doubled, at + 1, event.length - at);
            for (byte[] b : List.of(dropped, replaced, doubled)) {
                assertThat(EventFields.read(b)).as(new String(b, StandardCharsets.UTF_8)).isEqualTo(reference(b));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(1000);
    }
}
