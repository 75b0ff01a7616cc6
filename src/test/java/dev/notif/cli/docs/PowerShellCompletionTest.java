package dev.notif.cli.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The PowerShell completer for notif.bat: its table holds every command of the tree with its options and values, the
 * script is well-formed (quotes closed, brackets matched) and parses with tree-sitter-powershell's grammar. With pwsh
 * on the PATH it is also run through TabExpansion2; pwsh itself is not packaged for Debian or npm, so that part runs
 * only where PowerShell is installed.
 */
class PowerShellCompletionTest {
    static final CommandLine TREE = GenerateFiles.commandLine();
    static final String SCRIPT = Completions.powershell(TREE);

    @TempDir
    Path dir;

    /** The table entry of one command: from its key to the next one. */
    static String entry(String path) {
        int start = SCRIPT.indexOf("\n  " + Completions.psQuote(path) + " = @{\n");
        assertThat(start).as(path).isNotNegative();
        int end = SCRIPT.indexOf("\n  }\n", start);
        return SCRIPT.substring(start, end);
    }

    @Test
    void the_table_holds_every_command_with_its_subcommands_and_options() {
        for (Completions.Command c : Completions.commands(TREE)) {
            String e = entry(c.path());
            for (Completions.Sub s : c.subcommands()) {
                assertThat(e).as(c.path()).contains("@{ Name = " + Completions.psQuote(s.name()) + "; Tip = ");
            }
            for (Completions.Opt o : c.options()) {
                for (String name : o.names()) {
                    assertThat(e).as(c.path()).contains(Completions.psQuote(name));
                }
            }
        }
    }

    @Test
    void values_are_candidates_files_or_free_text() {
        String send = entry("notif send stripe");
        Matcher event = Pattern.compile("@\\{ Names = @\\('--event'\\); Value = 'text'; Candidates = @\\(([^)]*)\\)")
            .matcher(send);
        assertThat(event.find()).as(send).isTrue();
        assertThat(event.group(1)).contains("'customer.subscription.updated'", "'charge.refunded'", "'invoice.paid'");
        assertThat(send).contains("@{ Names = @('--data'); Value = 'file'; Candidates = @(); Tip = ");
        assertThat(send).contains("@{ Names = @('--url'); Value = 'text'; Candidates = @(); Tip = ");
        assertThat(send).contains("@{ Names = @('--livemode'); Value = 'none'");
        assertThat(entry("notif setup apple")).contains("Names = @('--version'); Value = 'text'; Candidates = @('V1',"
            + " 'V2')");
        assertThat(entry("notif completion")).contains("Arguments = @('bash', 'zsh', 'fish', 'powershell')");
        assertThat(entry("notif")).contains("@{ Name = 'send'; Tip = ");
    }

    @Test
    void it_registers_for_notif_and_notif_bat() {
        assertThat(SCRIPT).contains("Register-ArgumentCompleter -Native -CommandName 'notif', 'notif.bat'"
            + " -ScriptBlock {");
    }

    @Test
    void quotes_are_doubled_including_typographic_ones() {
        assertThat(Completions.psQuote("it's")).isEqualTo("'it''s'");
        assertThat(Completions.psQuote("the app\u2019s id")).isEqualTo("'the app\u2019\u2019s id'");
        assertThat(Completions.psQuote("$HOME `x` \"y\"")).isEqualTo("'$HOME `x` \"y\"'");
    }

    /** Strings closed and (), [], {} matched, outside strings and comments, as PowerShell's tokenizer reads them. */
    @Test
    void the_script_is_well_formed() {
        Deque<Character> open = new ArrayDeque<>();
        int i = 0;
        int line = 1;
        while (i < SCRIPT.length()) {
            char ch = SCRIPT.charAt(i);
            if (ch == '\n') {
                line++;
            }
            if (isSingleQuote(ch)) {
                int j = i + 1;
                while (true) {
                    assertThat(j).as("string opened on line " + line + " is closed").isLessThan(SCRIPT.length());
                    if (isSingleQuote(SCRIPT.charAt(j))) {
                        if (j + 1 < SCRIPT.length() && isSingleQuote(SCRIPT.charAt(j + 1))) {
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    assertThat(SCRIPT.charAt(j)).as("line " + line).isNotEqualTo('\n');
                    j++;
                }
                i = j + 1;
                continue;
            }
            if (ch == '"') {
                int j = i + 1;
                while (SCRIPT.charAt(j) != '"') {
                    assertThat(SCRIPT.charAt(j)).as("line " + line).isNotEqualTo('\n');
                    j += SCRIPT.charAt(j) == '`' ? 2 : 1;
                }
                i = j + 1;
                continue;
            }
            if (ch == '#') {
                i = SCRIPT.indexOf('\n', i);
                continue;
            }
            if ("({[".indexOf(ch) >= 0) {
                open.push(ch);
            } else if (")}]".indexOf(ch) >= 0) {
                assertThat(open).as("line " + line + ": " + ch + " closes nothing").isNotEmpty();
                assertThat(open.pop()).as("line " + line).isEqualTo("({[".charAt(")}]".indexOf(ch)));
            }
            i++;
        }
        assertThat(open).as("unclosed").isEmpty();
    }

    private static boolean isSingleQuote(char ch) {
        return ch == '\'' || ch >= '\u2018' && ch <= '\u201B';
    }

    /**
     * PowerShell's grammar as tree-sitter-powershell has it (from npm, with its WebAssembly parser): the script parses
     * without an error node, and a broken one does not (so the check can fail). Skipped without node and npm.
     */
    @Test
    void tree_sitter_powershell_parses_it() throws Exception {
        assumeTrue(onPath("node") && onPath("npm"), "node and npm are not installed");
        Path tools = Path.of(System.getProperty("notif.basedir", "."), "target", "tree-sitter-powershell");
        if (!Files.exists(tools.resolve("node_modules/tree-sitter-powershell/tree-sitter-powershell.wasm"))) {
            Files.createDirectories(tools);
            Run install = run(tools, "npm", "install", "--no-audit", "--no-fund", "--ignore-scripts", "--prefix",
                tools.toString(), "tree-sitter-powershell@0.26.4", "web-tree-sitter@0.27.2");
            assumeTrue(install.code() == 0, "npm could not install tree-sitter-powershell: " + install.out());
        }
        Path parse = tools.resolve("parse.cjs");
        try (var in = getClass().getResourceAsStream("/powershell/parse.cjs")) {
            Files.write(parse, in.readAllBytes());
        }
        Path script = dir.resolve("notif.ps1");
        Files.writeString(script, SCRIPT);
        Path broken = dir.resolve("broken.ps1");
        Files.writeString(broken, SCRIPT.replace("if ($null -eq $command) { return }", "if ($null -eq $command { return }"));
        Run good = run(tools, "node", parse.toString(), script.toString());
        assertThat(good.code()).as(good.out()).isZero();
        assertThat(good.out()).contains("notif.ps1: ok");
        Run bad = run(tools, "node", parse.toString(), broken.toString());
        assertThat(bad.code()).as(bad.out()).isEqualTo(1);
        assertThat(bad.out()).contains("ERROR");
    }

    record Run(int code, String out) {
    }

    private static Run run(Path in, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(in.toFile()).redirectErrorStream(true).start();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
        return new Run(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static boolean onPath(String program) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
            .anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }

    @Test
    void pwsh_completes_with_it() throws Exception {
        assumeTrue(onPath("pwsh"), "pwsh is not installed");
        Path script = dir.resolve("notif.ps1");
        Files.writeString(script, SCRIPT);
        Path stub = dir.resolve("notif"); // a native command named notif on the PATH, as the launcher is
        Files.writeString(stub, "#!/bin/sh\n");
        stub.toFile().setExecutable(true);
        assertThat(complete(script, "notif se")).containsExactlyInAnyOrder("send", "setup");
        assertThat(complete(script, "notif send stripe --event charge.")).contains("charge.refunded");
        assertThat(complete(script, "notif send stripe --event=charge.")).contains("--event=charge.refunded");
        assertThat(complete(script, "notif setup apple --version ")).containsExactly("V1", "V2");
        assertThat(complete(script, "notif completion p")).containsExactly("powershell");
        assertThat(complete(script, "notif send stripe --da")).containsExactly("--data");
    }

    private List<String> complete(Path script, String line) throws Exception {
        String command = ". '" + script + "'; (TabExpansion2 -inputScript '" + line + "' -cursorColumn " + line.length()
            + ").CompletionMatches | ForEach-Object { $_.CompletionText }";
        ProcessBuilder pb = new ProcessBuilder("pwsh", "-NoProfile", "-NonInteractive", "-Command", command)
            .directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("PATH", dir + File.pathSeparator + System.getenv("PATH"));
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        return out.lines().filter(l -> !l.isBlank()).toList();
    }
}
