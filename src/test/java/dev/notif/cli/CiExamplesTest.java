package dev.notif.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.notif.core.Context;
import dev.notif.testing.FixCommands;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** docs/ci.md's workflow and job are YAML, and every notif command in them (and in the README's CI section) parses. */
class CiExamplesTest {
    static final Path BASE = Path.of(System.getProperty("notif.basedir", "."));

    static List<String> yamlBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        for (int at = markdown.indexOf("```yaml\n"); at >= 0; at = markdown.indexOf("```yaml\n", at + 1)) {
            int start = at + "```yaml\n".length();
            blocks.add(markdown.substring(start, markdown.indexOf("```", start)));
        }
        return blocks;
    }

    /** Every shell line that runs notif, continuation lines joined. */
    static List<String> notifLines(String script) {
        List<String> lines = new ArrayList<>();
        String joined = script.replace("\\\n", " ");
        for (String line : joined.split("\n")) {
            String t = line.strip();
            if (t.startsWith("notif ")) {
                lines.add(t);
            }
        }
        return lines;
    }

    static void parses(String line) {
        List<String> words = FixCommands.words(line);
        List<String> args = words.subList(1, words.size()); // without "notif"
        Context ctx = new Context(Map.of(), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
            InputStream.nullInputStream(), Clock.systemUTC(), false);
        String[] argv = args.toArray(String[]::new);
        try {
            CommandLine.ParseResult parsed = Cli.commandLine(ctx, argv).parseArgs(argv);
            assertThat(parsed.unmatched()).as(line).isEmpty();
        } catch (CommandLine.ParameterException e) {
            throw new AssertionError("notif's parser refuses: " + line + "\n" + e.getMessage(), e);
        }
    }

    @Test
    void the_github_workflow_and_the_gitlab_job_are_yaml_whose_notif_commands_parse() throws Exception {
        List<String> blocks = yamlBlocks(Files.readString(BASE.resolve("docs/ci.md")));
        assertThat(blocks).hasSize(2);
        YAMLMapper yaml = new YAMLMapper();

        JsonNode github = yaml.readTree(blocks.get(0));
        assertThat(github.path("on").has("schedule")).isTrue();
        List<String> commands = new ArrayList<>();
        github.path("jobs").forEach(job -> job.path("steps").forEach(step -> {
            if (step.has("run")) {
                commands.addAll(notifLines(step.get("run").asText()));
            }
        }));
        assertThat(commands).anyMatch(c -> c.startsWith("notif check") && c.contains("--junit"))
            .anyMatch(c -> c.startsWith("notif plan") && c.contains("--exit-code"));
        assertThat(github.toString()).contains("secrets.STRIPE_API_KEY", "notif-junit.xml");

        JsonNode gitlab = yaml.readTree(blocks.get(1));
        JsonNode job = gitlab.get("notif-nightly");
        assertThat(job.path("artifacts").path("reports").path("junit").asText()).isEqualTo("notif-junit.xml");
        List<String> gitlabCommands = new ArrayList<>();
        for (String part : List.of("before_script", "script")) {
            job.path(part).forEach(l -> gitlabCommands.addAll(notifLines(l.asText())));
        }
        assertThat(gitlabCommands).anyMatch(c -> c.contains("--junit notif-junit.xml"));
        commands.addAll(gitlabCommands);
        commands.forEach(CiExamplesTest::parses);
    }

    @Test
    void the_readme_ci_section_commands_parse() throws Exception {
        String readme = Files.readString(BASE.resolve("README.md"));
        int start = readme.indexOf("## Running in CI");
        String section = readme.substring(start, readme.indexOf("\n## ", start + 1));
        List<String> commands = notifLines(section);
        assertThat(commands).hasSizeGreaterThanOrEqualTo(5);
        commands.forEach(CiExamplesTest::parses);
        notifLines(Files.readString(BASE.resolve("docs/ci.md"))).forEach(CiExamplesTest::parses);
    }

    @Test
    void a_line_that_notif_would_refuse_is_caught() {
        try {
            parses("notif check --config ci/notif.toml --junt notif-junit.xml");
        } catch (AssertionError e) {
            assertThat(e.getMessage()).contains("--junt");
            return;
        }
        throw new AssertionError("a misspelt option passed");
    }
}
