package dev.notif.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.notif.core.Context;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A run over notif.toml reuses one command line of each store command for table after table
 * ({@link FleetStores.Reused}): whatever a table's run left in the command or its mixins, the next table's command is
 * field for field the one built afresh for that table. Every field of every store command counts, present or future.
 */
class FleetStoresReuseTest {
    final Context ctx = new Context(Map.of("HOME", "/nonexistent"), new PrintWriter(new StringWriter()),
        new PrintWriter(new StringWriter()), java.io.InputStream.nullInputStream(), Clock.systemUTC(), false);

    @Test
    void a_reused_command_is_the_command_built_for_its_table_whatever_the_table_before_left_in_it() throws Exception {
        int commands = 0;
        for (String verb : List.of("check", "setup")) {
            for (String store : FleetStores.STORES) {
                if (!FleetStores.has(verb, store)) {
                    continue;
                }
                commands++;
                CommandSpec model = FleetStores.leaf(ctx, verb, store).getCommandSpec();
                FleetStores.Reused line = new FleetStores.Reused(ctx, verb, store);
                BaseCommand first = line.parse(args(model, true));
                // a run that changed every field (a key it resolved, an option it rewrote, a flag...)
                change(first);
                List<String> second = args(model, false);
                BaseCommand reused = line.parse(second);
                CommandLine fresh = FleetStores.leaf(ctx, verb, store);
                BaseCommand built = (BaseCommand) fresh.parseArgs(second.toArray(String[]::new)).commandSpec()
                    .userObject();
                assertThat(fields(reused)).as(verb + " " + store).isEqualTo(fields(built));
                assertThat(given(reused, model)).as(verb + " " + store + ": what given() sees")
                    .isEqualTo(given(built, model));

                // check runs the parse it made while reading the file, on whichever command line is idle by then
                FleetStores.Parsed parsed = new FleetStores(ctx).parse(verb, store, second);
                FleetStores.Reused other = new FleetStores.Reused(ctx, verb, store);
                change(other.parse(args(model, true)));
                BaseCommand resumed = other.resume(parsed);
                assertThat(fields(resumed)).as(verb + " " + store + " resumed").isEqualTo(fields(built));
                assertThat(given(resumed, model)).as(verb + " " + store + " resumed: what given() sees")
                    .isEqualTo(given(built, model));
            }
        }
        assertThat(commands).isEqualTo(7);
    }

    static final class Keeps {
        @CommandLine.Option(names = "--tag")
        List<String> tags = new ArrayList<>();
        StringBuilder log;
    }

    @CommandLine.Command
    static final class Appends {
        @CommandLine.Option(names = "--tag")
        List<String> tags = new ArrayList<>();
    }

    @Test
    void a_field_that_would_share_an_object_between_tables_is_refused_and_so_is_a_changed_initial_value() {
        Keeps keeps = new Keeps();
        keeps.log = new StringBuilder();
        assertThatThrownBy(() -> new FleetStores.Built(new CommandLine(keeps).getCommandSpec()))
            .hasMessageContaining("log").hasMessageContaining("StringBuilder");

        Appends appends = new Appends();
        CommandLine cl = new CommandLine(appends);
        FleetStores.Built built = new FleetStores.Built(cl.getCommandSpec());
        built.restore();
        cl.parseArgs();
        appends.tags.add("kept from the table before"); // the initial list itself, which the next parse starts with
        assertThatThrownBy(built::restore).hasMessageContaining("tags");
    }

    /** Every option given (first) or only the required ones (second), with values that differ between the two. */
    static List<String> args(CommandSpec spec, boolean first) {
        List<String> args = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            if (o.usageHelp() || o.versionHelp() || !(first || o.required())) {
                continue;
            }
            String name = o.longestName();
            Class<?> type = o.type();
            if (type == boolean.class || type == Boolean.class) {
                args.add(name);
            } else if (type.isEnum()) {
                Object[] values = type.getEnumConstants();
                args.addAll(List.of(name, values[first ? 0 : values.length - 1].toString()));
            } else if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
                args.addAll(List.of(name, first ? "3" : "2"));
            } else {
                args.addAll(List.of(name, (first ? "first-" : "second-") + name.substring(2)));
            }
        }
        return args;
    }

    /** Sets every field of the command and its mixins that a run could set to a value it does not start with. */
    static void change(Object command) throws Exception {
        for (Field f : all(command.getClass())) {
            f.setAccessible(true);
            if (f.isAnnotationPresent(CommandLine.Mixin.class)) {
                change(f.get(command));
                continue;
            }
            Object v = f.get(command);
            Class<?> t = f.getType();
            Object other;
            if (t == boolean.class || t == Boolean.class) {
                other = !Boolean.TRUE.equals(v);
            } else if (t == int.class || t == Integer.class) {
                other = v == null ? 7 : (Integer) v + 7;
            } else if (t == long.class || t == Long.class) {
                other = v == null ? 7L : (Long) v + 7;
            } else if (t == double.class || t == Double.class) {
                other = v == null ? 7.0 : (Double) v + 7;
            } else if (t == String.class) {
                other = "kept from the table before";
            } else if (t == Path.class) {
                other = Path.of("kept-from-the-table-before");
            } else if (List.class.isAssignableFrom(t)) {
                other = new ArrayList<>(List.of("kept from the table before"));
            } else if (v != null) {
                other = null;
            } else {
                other = unsafe().allocateInstance(t); // a value of any class: a key a run resolved, ...
            }
            f.set(command, other);
        }
    }

    /**
     * The fields a run could set (not picocli's model, not the context the command was built with), by name; the
     * parse result a resumed command answers {@code given} from is compared by {@link #given} instead.
     */
    static Map<String, Object> fields(Object command) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Field f : all(command.getClass())) {
            f.setAccessible(true);
            Object v = f.get(command);
            if (f.isAnnotationPresent(CommandLine.Mixin.class)) {
                fields(v).forEach((k, x) -> out.put(f.getName() + "." + k, x));
            } else if (f.getType() != CommandLine.ParseResult.class) {
                out.put(f.getName(), v);
            }
        }
        return out;
    }

    /** Which options the command says were given. */
    static List<String> given(BaseCommand command, CommandSpec spec) {
        return spec.options().stream().map(OptionSpec::longestName).filter(command::given).toList();
    }

    private static List<Field> all(Class<?> c) {
        List<Field> out = new ArrayList<>();
        for (; c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                int mod = f.getModifiers();
                if (!Modifier.isStatic(mod) && !Modifier.isFinal(mod) && !f.isSynthetic()
                    && !f.isAnnotationPresent(CommandLine.Spec.class)) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    private static sun.misc.Unsafe unsafe() throws Exception {
        Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
        f.setAccessible(true);
        return (sun.misc.Unsafe) f.get(null);
    }
}
