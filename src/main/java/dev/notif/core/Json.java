package dev.notif.core;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.FromStringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * JSON in one place: snake_case result records (instants as ISO-8601 text), and the pretty form Stripe itself sends
 * (two-space indent, {@code "key": value}, {@code []} and {@code {}} when empty).
 *
 * <p>Trees ({@link JsonNode}) are parsed and written with jackson-core's streaming parser and generator alone, node for
 * node and byte for byte what the {@link ObjectMapper} reads and writes (JsonTest holds it): setting an ObjectMapper
 * up costs a short command about 100 ms of CPU and 450 classes, and the deliveries {@code send} builds are trees.
 * Records and other objects go through the mapper.
 */
public final class Json {
    private Json() {
    }

    private static final class Holder {
        static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new SimpleModule("notif-time")
                .addSerializer(Instant.class, new ToStringSerializer(Instant.class))
                .addDeserializer(Instant.class, new FromStringDeserializer<Instant>(Instant.class) {
                    @Override
                    protected Instant _deserialize(String value, DeserializationContext ctxt) {
                        return Instant.parse(value);
                    }
                }))
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    }

    public static ObjectMapper mapper() {
        return Holder.MAPPER;
    }

    /** The parser and generator factory of trees, without an ObjectMapper. */
    private static final class Trees {
        static final JsonFactory FACTORY = new JsonFactory();
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    /** Pretty JSON with a final newline omitted: results, event bodies. */
    public static String pretty(Object value) {
        try {
            if (value instanceof JsonNode node && streamable(node)) {
                return write(node, true);
            }
            return mapper().writer(new StripeStylePrinter()).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code s} as a JSON string, quoted and escaped as the mapper writes it, without a generator: for JSON text
     * built field by field (SNS messages, JWT headers and claims).
     */
    public static String quote(String s) {
        return new StringBuilder(s.length() + 8).append('"').append(JsonStringEncoder.getInstance().quoteAsString(s))
            .append('"').toString();
    }

    /** {@code s} as it appears between the quotes of a JSON string the mapper wrote. */
    public static String escaped(String s) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(s));
    }

    /** Compact JSON: log lines, request bodies. */
    public static String compact(Object value) {
        try {
            if (value instanceof JsonNode node && streamable(node)) {
                return write(node, false);
            }
            return mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A tree of the nodes {@link #write} knows (those {@link #readTree} makes, and the ones built with put):
     * objects, arrays, text, int/long/big-integer/double numbers, booleans and nulls. Anything else (POJO, binary,
     * decimal, missing) goes through the mapper.
     */
    private static boolean streamable(JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT, ARRAY -> {
                for (JsonNode child : node) {
                    if (!streamable(child)) {
                        return false;
                    }
                }
                return true;
            }
            case NUMBER -> {
                return node.isInt() || node.isLong() || node.isBigInteger() || node.isDouble();
            }
            case STRING, BOOLEAN, NULL -> {
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private static String write(JsonNode node, boolean pretty) throws JsonProcessingException {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = Trees.FACTORY.createGenerator(out)) {
            if (pretty) {
                g.setPrettyPrinter(new StripeStylePrinter());
            }
            write(g, node);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    /** What the mapper's serializers of trees write, with its default features. */
    private static void write(JsonGenerator g, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                g.writeStartObject(node, node.size());
                for (var field : node.properties()) {
                    g.writeFieldName(field.getKey());
                    write(g, field.getValue());
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray(node, node.size());
                for (JsonNode child : node) {
                    write(g, child);
                }
                g.writeEndArray();
            }
            case STRING -> g.writeString(node.textValue());
            case NUMBER -> {
                if (node.isInt()) {
                    g.writeNumber(node.intValue());
                } else if (node.isLong()) {
                    g.writeNumber(node.longValue());
                } else if (node.isBigInteger()) {
                    g.writeNumber(node.bigIntegerValue());
                } else {
                    g.writeNumber(node.doubleValue());
                }
            }
            case BOOLEAN -> g.writeBoolean(node.booleanValue());
            default -> g.writeNull();
        }
    }

    /** A tree as {@code ObjectMapper.readTree} reads it: {@link MissingNode} for no content, the first value only. */
    public static JsonNode readTree(InputStream in) throws IOException {
        try (JsonParser p = Trees.FACTORY.createParser(in)) {
            return tree(p);
        }
    }

    private static JsonNode readTree(String text) throws JsonProcessingException {
        try (JsonParser p = Trees.FACTORY.createParser(text)) {
            return tree(p);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a String does not fail
        }
    }

    private static JsonNode tree(JsonParser p) throws IOException {
        JsonToken first = p.nextToken();
        return first == null ? MissingNode.getInstance() : node(p, first);
    }

    private static JsonNode node(JsonParser p, JsonToken token) throws IOException {
        JsonNodeFactory f = JsonNodeFactory.instance;
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = f.objectNode();
                for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
                    object.replace(name, node(p, p.nextToken())); // a repeated name: the last value, in the first place
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = f.arrayNode();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    array.add(node(p, t));
                }
                return array;
            }
            case VALUE_STRING -> {
                return f.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return switch (p.getNumberType()) {
                    case INT -> f.numberNode(p.getIntValue());
                    case LONG -> f.numberNode(p.getLongValue());
                    default -> f.numberNode(p.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return f.numberNode(p.getDoubleValue());
            }
            case VALUE_TRUE -> {
                return f.booleanNode(true);
            }
            case VALUE_FALSE -> {
                return f.booleanNode(false);
            }
            case VALUE_NULL -> {
                return f.nullNode();
            }
            default -> throw new JsonParseException(p, "unexpected " + token);
        }
    }

    /** Parses JSON or returns null when the text is not JSON. */
    public static JsonNode parseOrNull(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    public static JsonNode parse(String text) {
        try {
            return readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <T> T convert(Object value, Class<T> type) {
        return mapper().convertValue(value, type);
    }

    /** A text field of a JSON object, or null. */
    public static String text(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** Two-space indentation on objects and arrays, {@code ": "} between name and value, empty containers tight. */
    static final class StripeStylePrinter extends DefaultPrettyPrinter {
        StripeStylePrinter() {
            super(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withRootSeparator(""));
            DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
            _objectIndenter = indenter;
            _arrayIndenter = indenter;
        }

        StripeStylePrinter(StripeStylePrinter base) {
            super(base);
        }

        @Override
        public DefaultPrettyPrinter createInstance() {
            return new StripeStylePrinter(this);
        }

        @Override
        public void writeEndObject(JsonGenerator g, int entries) throws IOException {
            if (!_objectIndenter.isInline()) {
                --_nesting;
            }
            if (entries > 0) {
                _objectIndenter.writeIndentation(g, _nesting);
            }
            g.writeRaw('}');
        }

        @Override
        public void writeEndArray(JsonGenerator g, int values) throws IOException {
            if (!_arrayIndenter.isInline()) {
                --_nesting;
            }
            if (values > 0) {
                _arrayIndenter.writeIndentation(g, _nesting);
            }
            g.writeRaw(']');
        }
    }
}
