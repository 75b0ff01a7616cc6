package dev.notif;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The tree follows {@code .editorconfig}: every text file of the repository is UTF-8 with LF line ends and a final
 * newline, indented with spaces, without trailing whitespace. The rules are read from {@code .editorconfig} itself
 * (its sections and their {@code charset}, {@code end_of_line}, {@code insert_final_newline}, {@code indent_style},
 * {@code trim_trailing_whitespace}); {@code max_line_length} is the editors' margin and not held here (see
 * docs/DEVELOPING.md, "Formatting"). Left out: build output, and the providers' fixtures, kept byte for byte.
 */
class EditorConfigTest {
    static final Path BASE = Path.of(System.getProperty("notif.basedir", "."));
    /** Not the project's files: builds, installs, and bench/.work (what bench/run installs and writes). */
    static final Set<String> SKIPPED = Set.of(".git", "target", "node_modules", ".idea", "out", ".work");
    static final Path FIXTURES = Path.of("src/test/resources/fixtures");

    /** One {@code [glob]} section of .editorconfig with its properties; a glob without a slash matches file names. */
    record Section(PathMatcher glob, boolean byName, Map<String, String> properties) {
        boolean matches(Path relative) {
            return glob.matches(byName ? relative.getFileName() : relative);
        }
    }

    static List<Section> sections() throws IOException {
        List<Section> sections = new ArrayList<>();
        Map<String, String> current = null;
        for (String raw : Files.readAllLines(BASE.resolve(".editorconfig"))) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                String glob = line.substring(1, line.length() - 1);
                current = new LinkedHashMap<>();
                sections.add(new Section(FileSystems.getDefault().getPathMatcher("glob:" + glob), !glob.contains("/"),
                    current));
            } else if (current != null && line.contains("=")) {
                current.put(line.substring(0, line.indexOf('=')).strip(), line.substring(line.indexOf('=') + 1).strip());
            }
        }
        return sections;
    }

    static Map<String, String> rulesFor(Path relative, List<Section> sections) {
        Map<String, String> rules = new LinkedHashMap<>();
        for (Section s : sections) {
            if (s.matches(relative)) {
                rules.putAll(s.properties());
            }
        }
        return rules;
    }

    static List<Path> textFiles() throws IOException {
        try (Stream<Path> all = Files.walk(BASE)) {
            return all.filter(Files::isRegularFile)
                .map(BASE::relativize)
                .filter(p -> {
                    for (Path part : p) {
                        if (SKIPPED.contains(part.toString())) {
                            return false;
                        }
                    }
                    return !p.startsWith(FIXTURES);
                })
                .filter(p -> !binary(BASE.resolve(p)))
                .sorted()
                .toList();
        }
    }

    static boolean binary(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            for (int i = 0; i < Math.min(bytes.length, 8000); i++) {
                if (bytes[i] == 0) {
                    return true;
                }
            }
            String name = file.getFileName().toString();
            return name.endsWith(".cer") || name.endsWith(".der") || name.endsWith(".p12") || name.endsWith(".jks");
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void every_text_file_follows_the_editorconfig_rules() throws IOException {
        List<Section> sections = sections();
        assertThat(sections).as(".editorconfig has a [*] section").isNotEmpty();
        List<String> problems = new ArrayList<>();
        List<Path> files = textFiles();
        assertThat(files).as("the walk finds the sources").anyMatch(p -> p.toString().endsWith("EditorConfigTest.java"));
        for (Path p : files) {
            problems.addAll(problems(p, Files.readAllBytes(BASE.resolve(p)), rulesFor(p, sections)));
        }
        assertThat(problems).as("files that do not follow .editorconfig (fix them in the editor, which reads it)")
            .isEmpty();
    }

    /** What is wrong with one file under these rules: one line per problem, {@code path:line: what}. */
    static List<String> problems(Path p, byte[] bytes, Map<String, String> rules) {
        List<String> out = new ArrayList<>();
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            if ("utf-8".equals(rules.get("charset"))) {
                out.add(p + ": not UTF-8");
            }
            return out;
        }
        if ("true".equals(rules.get("insert_final_newline")) && !text.isEmpty() && !text.endsWith("\n")) {
            out.add(p + ": no final newline");
        }
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String where = p + ":" + (i + 1) + ": ";
            if ("lf".equals(rules.get("end_of_line")) && line.endsWith("\r")) {
                out.add(where + "CRLF line end");
                line = line.substring(0, line.length() - 1);
            }
            if ("true".equals(rules.get("trim_trailing_whitespace")) && !line.equals(line.stripTrailing())) {
                out.add(where + "trailing whitespace");
            }
            if ("space".equals(rules.get("indent_style")) && line.startsWith("\t")) {
                out.add(where + "indented with a tab");
            }
        }
        return out;
    }

    @Test
    void each_rule_can_fail() {
        Map<String, String> rules = Map.of("charset", "utf-8", "end_of_line", "lf", "insert_final_newline", "true",
            "indent_style", "space", "trim_trailing_whitespace", "true");
        Path p = Path.of("X.java");
        assertThat(problems(p, "class X {\n    int x;\n}\n".getBytes(StandardCharsets.UTF_8), rules)).isEmpty();
        assertThat(problems(p, "class X {}".getBytes(StandardCharsets.UTF_8), rules))
            .containsExactly("X.java: no final newline");
        assertThat(problems(p, "class X {\r\n}\n".getBytes(StandardCharsets.UTF_8), rules))
            .containsExactly("X.java:1: CRLF line end");
        assertThat(problems(p, "class X { \n}\n".getBytes(StandardCharsets.UTF_8), rules))
            .containsExactly("X.java:1: trailing whitespace");
        assertThat(problems(p, "class X {\n\tint x;\n}\n".getBytes(StandardCharsets.UTF_8), rules))
            .containsExactly("X.java:2: indented with a tab");
        assertThat(problems(p, new byte[] {(byte) 0xC3, 0x28, '\n'}, rules)).containsExactly("X.java: not UTF-8");
        assertThat(problems(p, "a \n".getBytes(StandardCharsets.UTF_8), Map.of())).isEmpty();
    }

    @Test
    void sections_apply_by_glob_and_later_ones_win() throws IOException {
        List<Section> sections = sections();
        assertThat(rulesFor(Path.of("src/main/java/dev/notif/Main.java"), sections))
            .containsEntry("indent_size", "4").containsEntry("end_of_line", "lf");
        assertThat(rulesFor(Path.of("pom.xml"), sections)).containsEntry("indent_size", "2");
        assertThat(rulesFor(Path.of(".ci/x/job.yml"), sections)).containsEntry("indent_size", "2");
    }
}
