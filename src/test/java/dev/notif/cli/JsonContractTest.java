package dev.notif.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import dev.notif.core.Json;
import dev.notif.output.Result;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Each command's help documents its JSON ({@code JSON (--json): {ok, store, ...}}); this holds the documentation
 * against the result record its {@code execute()} returns: the same fields in the same order at every level the
 * documentation spells out ({@code {...}}, Maps and JSON trees are open).
 */
class JsonContractTest {
    /** Commands without a JSON result: completion prints a shell script. */
    static final Set<String> UNDOCUMENTED = Set.of("notif completion");

    @Test
    void every_commands_documented_json_is_its_result_records() {
        SoftAssertions soft = new SoftAssertions();
        List<String> checked = new ArrayList<>();
        for (CommandLine cl : CommandTreeTest.everyCommand(CommandTreeTest.full())) {
            Object command = cl.getCommand();
            if (!(command instanceof BaseCommand)) {
                continue;
            }
            String name = cl.getCommandSpec().qualifiedName(" ");
            String doc = documented(String.join("\n", cl.getCommandSpec().usageMessage().description()));
            if (UNDOCUMENTED.contains(name)) {
                assertThat(doc).as(name + " documents its JSON now: take it off UNDOCUMENTED").isNull();
                continue;
            }
            assertThat(doc).as(name + " says JSON (--json): {...} in its description").isNotNull();
            Class<?> result = resultOf(command.getClass());
            compare(soft, name, parse(doc), Json.mapper().constructType(result));
            checked.add(name);
        }
        soft.assertAll();
        assertThat(checked).hasSizeGreaterThan(12).contains("notif send stripe", "notif check apple",
            "notif setup google", "notif verify amazon", "notif demo", "notif check", "notif listen");
    }

    /** The result type {@code execute()} declares (every command names its own record). */
    static Class<?> resultOf(Class<?> command) {
        for (Method m : command.getDeclaredMethods()) {
            if (m.getName().equals("execute") && m.getParameterCount() == 0 && !m.isBridge()) {
                assertThat(m.getReturnType()).as(command.getSimpleName() + ".execute() names its result record")
                    .isNotEqualTo(Result.class);
                return m.getReturnType();
            }
        }
        throw new AssertionError(command + " has no execute()");
    }

    /** The text after "JSON (--json): " up to its matching brace, or null. */
    static String documented(String description) {
        int at = description.indexOf("JSON (--json): {");
        if (at < 0) {
            return null;
        }
        int start = at + "JSON (--json): ".length();
        int depth = 0;
        for (int i = start; i < description.length(); i++) {
            char c = description.charAt(i);
            depth += c == '{' || c == '[' ? 1 : c == '}' || c == ']' ? -1 : 0;
            if (depth == 0) {
                return description.substring(start, i + 1).replace('\n', ' ');
            }
        }
        throw new AssertionError("unbalanced JSON documentation: " + description.substring(start));
    }

    /** A documented object: its field names in order, each with its documented object (null: not spelled out). */
    record Doc(Map<String, Doc> fields, boolean open) {
    }

    static Doc parse(String text) {
        int[] pos = {0};
        Doc d = object(text, pos);
        assertThat(text.substring(pos[0]).strip()).as("after the documented object").isEmpty();
        return d;
    }

    private static Doc object(String s, int[] pos) {
        expect(s, pos, '{');
        Map<String, Doc> fields = new LinkedHashMap<>();
        boolean open = false;
        while (true) {
            skipSpaces(s, pos);
            if (s.startsWith("...", pos[0]) || s.startsWith("…", pos[0])) {
                open = true;
                pos[0] += s.startsWith("...", pos[0]) ? 3 : 1;
            } else {
                int start = pos[0];
                while (pos[0] < s.length() && (Character.isLetterOrDigit(s.charAt(pos[0])) || "_\"<>".indexOf(
                    s.charAt(pos[0])) >= 0)) {
                    pos[0]++;
                }
                String name = s.substring(start, pos[0]);
                Doc nested = null;
                skipSpaces(s, pos);
                if (s.charAt(pos[0]) == '(') { // a remark: "secret (redacted)"
                    pos[0] = s.indexOf(')', pos[0]) + 1;
                    skipSpaces(s, pos);
                }
                if (s.charAt(pos[0]) == ':') {
                    pos[0]++;
                    skipSpaces(s, pos);
                    nested = value(s, pos);
                }
                fields.put(name, nested);
            }
            skipSpaces(s, pos);
            char c = s.charAt(pos[0]++);
            if (c == '}') {
                return new Doc(fields, open);
            }
            assertThat(c).as("separator in " + s).isEqualTo(',');
        }
    }

    /** A documented value: an object, a list of one object, or words (an example value, alternatives). */
    private static Doc value(String s, int[] pos) {
        if (s.charAt(pos[0]) == '{') {
            return object(s, pos);
        }
        if (s.charAt(pos[0]) == '[') {
            pos[0]++;
            skipSpaces(s, pos);
            Doc element = s.charAt(pos[0]) == '{' ? object(s, pos) : null;
            pos[0] = s.indexOf(']', pos[0]) + 1;
            return element;
        }
        while (s.charAt(pos[0]) != ',' && s.charAt(pos[0]) != '}') {
            pos[0]++;
        }
        return null;
    }

    private static void expect(String s, int[] pos, char c) {
        skipSpaces(s, pos);
        assertThat(s.charAt(pos[0])).as("at " + pos[0] + " of " + s).isEqualTo(c);
        pos[0]++;
    }

    private static void skipSpaces(String s, int[] pos) {
        while (pos[0] < s.length() && Character.isWhitespace(s.charAt(pos[0]))) {
            pos[0]++;
        }
    }

    /** The documented fields are the record's JSON properties, in order; nested objects likewise. */
    static void compare(SoftAssertions soft, String where, Doc doc, JavaType type) {
        Map<String, JavaType> properties = properties(type);
        List<String> documented = List.copyOf(doc.fields().keySet());
        if (doc.open() || anyGetter(type)) {
            soft.assertThat(documented).as(where + ": documented fields").containsAll(properties.keySet());
        } else {
            soft.assertThat(documented).as(where + ": documented fields (in JSON order)")
                .containsExactlyElementsOf(properties.keySet());
        }
        for (Map.Entry<String, Doc> f : doc.fields().entrySet()) {
            JavaType t = properties.get(f.getKey());
            if (f.getValue() == null || t == null) {
                continue;
            }
            JavaType inner = t.isCollectionLikeType() ? t.getContentType() : t;
            if (inner.isMapLikeType() || JsonNode.class.isAssignableFrom(inner.getRawClass())) {
                continue; // keys chosen at run time
            }
            compare(soft, where + " ." + f.getKey(), f.getValue(), inner);
        }
    }

    /** JSON property names and types, unwrapped ones expanded in place. */
    static Map<String, JavaType> properties(JavaType type) {
        BeanDescription bean = Json.mapper().getSerializationConfig().introspect(type);
        Map<String, JavaType> out = new LinkedHashMap<>();
        for (BeanPropertyDefinition p : bean.findProperties()) {
            if (!p.couldSerialize() || p.getAccessor() == null) {
                continue;
            }
            if (p.getAccessor().hasAnnotation(JsonUnwrapped.class)) {
                out.putAll(properties(p.getPrimaryType()));
            } else {
                out.put(p.getName(), p.getPrimaryType());
            }
        }
        return out;
    }

    static boolean anyGetter(JavaType type) {
        return Json.mapper().getSerializationConfig().introspect(type).findAnyGetter() != null;
    }
}
