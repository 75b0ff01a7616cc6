package dev.notif.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notif.stripe.StripeEvents;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Trees read and written without the ObjectMapper are the mapper's, node for node and byte for byte. */
class JsonTest {
    static final ObjectMapper MAPPER = Json.mapper();

    static Stream<Path> documents() throws IOException {
        List<Path> all = new ArrayList<>();
        for (String dir : List.of("src/test/resources/fixtures", "src/main/resources/dev/notif/stripe")) {
            try (Stream<Path> files = Files.walk(Path.of(dir))) {
                files.filter(f -> f.toString().endsWith(".json")).forEach(all::add);
            }
        }
        assertThat(all).hasSizeGreaterThan(15);
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void every_fixture_reads_and_writes_as_the_mapper_does(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.UTF_8);
        JsonNode expected = MAPPER.readTree(text);
        sameTree(Json.parse(text), expected);
        sameTree(Json.readTree(new ByteArrayInputStream(bytes)), MAPPER.readTree(bytes));
        assertThat(Json.pretty(expected)).isEqualTo(mapperPretty(expected));
        assertThat(Json.compact(expected)).isEqualTo(MAPPER.writeValueAsString(expected));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "0", "-1", "2147483647", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
        "-92233720368547758090", "1.0", "-0.0", "0.1", "1e2", "1E-7", "2.5e+300", "123456789012345678901234567890.5",
        "\"\"", "\"a\\u0000b\\\"c\\\\d\\/e\\n\\t\\u00e9\\ud83d\\ude00 \u00e9\u20ac\"", "true", "false", "null",
        "[]", "{}", "[[],{},[{}],{\"a\":[]}]", "{\"a\":1,\"b\":{\"c\":[1,2.5,\"x\",null,true]},\"a\":2}",
        "  {\"spaced\" :  [ 1 , 2 ] }  ", "{\"first\":1} {\"second\":2}", "[1,2] trailing",
        "{\"\":\"empty name\",\"\\u00e9\":\"escaped name\"}",
    })
    void values_read_and_write_as_the_mapper_does(String text) throws IOException {
        JsonNode expected = MAPPER.readTree(text);
        sameTree(Json.parse(text), expected);
        assertThat(Json.pretty(expected)).isEqualTo(mapperPretty(expected));
        assertThat(Json.compact(expected)).isEqualTo(MAPPER.writeValueAsString(expected));
    }

    @Test
    void deep_nesting_and_no_content_read_as_the_mapper_reads_them() throws IOException {
        String deep = "[".repeat(500) + "]".repeat(500);
        sameTree(Json.parse(deep), MAPPER.readTree(deep));
        assertThat(Json.parse("").isMissingNode()).isEqualTo(MAPPER.readTree("").isMissingNode()).isTrue();
        assertThat(Json.parse(" \n").isMissingNode()).isTrue();
        assertThat(Json.parseOrNull("{not json")).isNull();
        assertThatThrownBy(() -> Json.parse("{\"a\":}")).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void built_events_are_printed_as_the_mapper_prints_them() throws IOException {
        for (String type : StripeEvents.known()) {
            var options = new dev.notif.stripe.StripeEventBuilder.Options(type, null, null, false,
                java.time.Instant.parse("2026-01-02T03:04:05Z"), null);
            ObjectNode event = dev.notif.stripe.StripeEventBuilder.build(options);
            assertThat(Json.pretty(event)).as(type).isEqualTo(mapperPretty(event));
        }
    }

    @Test
    void trees_holding_other_objects_go_through_the_mapper() throws IOException {
        ObjectNode node = Json.object();
        node.putPOJO("when", java.time.Instant.parse("2026-01-02T03:04:05Z"));
        node.put("bytes", new byte[] {1, 2, 3});
        node.set("nested", Json.object().putPOJO("map", Map.of("some_key", 1)));
        assertThat(Json.compact(node)).isEqualTo(MAPPER.writeValueAsString(node))
            .contains("\"2026-01-02T03:04:05Z\"", "\"AQID\"");
        assertThat(Json.pretty(node)).isEqualTo(mapperPretty(node));
    }

    static String mapperPretty(JsonNode node) throws IOException {
        return MAPPER.writer(new Json.StripeStylePrinter()).writeValueAsString(node);
    }

    @Test
    void quote_escapes_a_string_as_the_mapper_writes_it() throws Exception {
        for (String value : List.of("", "plain", "q\"uote", "back\\slash", "new\nline\ttab\r\b\f", "\u0000\u001f\u007f",
            "https://sns.us-east-1.amazonaws.com/x.pem?a=b&c=<d>", "é€𝄞", "\u2028\u2029", "\ud800 lone surrogate")) {
            assertThat(Json.quote(value)).as(value).isEqualTo(Json.mapper().writeValueAsString(value));
        }
    }

    /** Equal, and of the same node classes all the way down (IntNode, LongNode, DoubleNode...). */
    static void sameTree(JsonNode actual, JsonNode expected) {
        assertThat(actual).isEqualTo(expected);
        assertThat(actual.getClass()).isEqualTo(expected.getClass());
        if (expected.isObject()) {
            assertThat(List.copyOf(iterable(actual.fieldNames()))).isEqualTo(List.copyOf(iterable(expected.fieldNames())));
            expected.fields().forEachRemaining(e -> sameTree(actual.get(e.getKey()), e.getValue()));
        } else if (expected.isArray()) {
            for (int i = 0; i < expected.size(); i++) {
                sameTree(actual.get(i), expected.get(i));
            }
        }
    }

    static <T> List<T> iterable(Iterator<T> it) {
        List<T> list = new ArrayList<>();
        it.forEachRemaining(list::add);
        return list;
    }
}
