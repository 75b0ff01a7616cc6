package dev.notif.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notif.cli.docs.GenerateFiles;
import dev.notif.core.Context;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Help;

/** The fast paths of startup (pre-rendered help, the lazily built tree) answer exactly what the full tree does. */
class CommandTreeTest {

    record Run(int code, String out, String err) {
    }

    static Run run(boolean terminal, boolean viaPicocli, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Context ctx = new Context(Map.of(), new PrintWriter(out, true), new PrintWriter(err, true),
            InputStream.nullInputStream(), Clock.systemUTC(), terminal);
        int code = viaPicocli ? Cli.commandLine(ctx, args).execute(args) : Cli.run(ctx, args);
        return new Run(code, out.toString(), err.toString());
    }

    static CommandLine full() {
        Context quiet = new Context(Map.of(), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
            InputStream.nullInputStream(), Clock.systemUTC(), false);
        return Cli.fullCommandLine(quiet);
    }

    static List<CommandLine> everyCommand(CommandLine cl) {
        List<CommandLine> all = new ArrayList<>(List.of(cl));
        for (CommandLine sub : new LinkedHashSet<>(cl.getSubcommands().values())) {
            all.addAll(everyCommand(sub));
        }
        return all;
    }

    static String[] helpArgs(CommandLine cl, String flag) {
        List<String> args = new ArrayList<>(List.of(cl.getCommandSpec().qualifiedName(" ").split(" ")));
        args.remove(0);
        args.add(flag);
        return args.toArray(String[]::new);
    }

    @Test
    void every_help_page_is_the_full_trees_whether_pre_rendered_or_from_the_lazy_tree() {
        List<CommandLine> commands = everyCommand(full());
        assertThat(commands).hasSizeGreaterThan(3);
        for (CommandLine cl : commands) {
            for (boolean terminal : new boolean[] {false, true}) {
                String expected = HelpText.wrap(cl.getUsageMessage(terminal ? Help.Ansi.ON : Help.Ansi.OFF), 80,
                    cl.getCommandSpec().qualifiedName(" "));
                for (boolean viaPicocli : new boolean[] {false, true}) {
                    Run r = run(terminal, viaPicocli, helpArgs(cl, viaPicocli ? "--help" : "-h"));
                    assertThat(r.code()).isZero();
                    assertThat(r.err()).isEmpty();
                    assertThat(r.out()).as(cl.getCommandSpec().qualifiedName() + " terminal=" + terminal
                        + " picocli=" + viaPicocli).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void no_option_needs_the_converters_left_out_at_startup() {
        for (CommandLine cl : everyCommand(full())) {
            for (var arg : cl.getCommandSpec().args()) {
                Class<?> type = arg.typeInfo().isMultiValue() ? arg.typeInfo().getAuxiliaryTypes()[0] : arg.type();
                assertThat(type.getName()).as(cl.getCommandSpec().qualifiedName() + " " + arg
                    + ": picocli's converters for java.sql and java.time are not loaded (Cli.CONVERTER_EXCLUDES);"
                    + " parse such values in the command instead").doesNotMatch(Cli.CONVERTER_EXCLUDES);
            }
        }
    }

    @Test
    void the_pre_rendered_pages_on_the_class_path_are_the_ones_the_build_generates_today() throws Exception {
        Map<String, String> pages = GenerateFiles.resources();
        assertThat(pages).containsKey(HelpIndex.resource("notif send stripe", true));
        for (Map.Entry<String, String> page : pages.entrySet()) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(page.getKey())) {
                assertThat(in).as(page.getKey() + " missing from the class path; run mvn process-classes").isNotNull();
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(page.getValue());
            }
        }
    }

    @Test
    void version_without_picocli_is_what_picocli_prints() {
        Run fast = run(false, false, "--version");
        Run picocli = run(false, true, "--version");
        assertThat(fast).isEqualTo(picocli);
        assertThat(fast.out()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\n");
        assertThat(run(false, false, "-V")).isEqualTo(picocli);
    }

    @Test
    void only_the_commands_the_arguments_name_are_built_in_full() {
        Context quiet = new Context(Map.of(), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
            InputStream.nullInputStream(), Clock.systemUTC(), false);
        CommandLine forHelp = Cli.commandLine(quiet, "--help");
        CommandLine send = forHelp.getSubcommands().get("send");
        assertThat(send.getSubcommands()).as("a group not named is a stand-in").isEmpty();
        assertThat(send.getCommandSpec().usageMessage().header()).isEqualTo(
            full().getSubcommands().get("send").getCommandSpec().usageMessage().header());

        CommandLine forSend = Cli.commandLine(quiet, "send", "stripe", "--url", "http://127.0.0.1:1/");
        CommandLine stripe = forSend.getSubcommands().get("send").getSubcommands().get("stripe");
        assertThat(stripe.getCommandSpec().findOption("--url")).isNotNull();
        assertThat(forSend.getSubcommands()).as("the siblings of a named command are left out").containsOnlyKeys("send");
        assertThat(forSend.getSubcommands().get("send").getSubcommands()).containsOnlyKeys("stripe");
        assertThat(stripe.getCommandSpec().qualifiedName()).isEqualTo("notif send stripe");
    }

    @Test
    void a_mistyped_command_is_still_answered_with_suggestions_from_the_stand_ins() {
        Run r = run(false, false, "sen", "stripe");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("notif: unknown command or argument 'sen'\nhint: did you mean send or resend or setup");
        Run leaf = run(false, false, "send", "strpe");
        assertThat(leaf.code()).isEqualTo(2);
        assertThat(leaf.err()).contains("did you mean stripe?");
    }
}
