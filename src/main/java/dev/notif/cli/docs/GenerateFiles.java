package dev.notif.cli.docs;

import dev.notif.cli.Cli;
import dev.notif.cli.HelpIndex;
import dev.notif.core.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine;
import picocli.CommandLine.Help;

/**
 * Writes {@code completions/} and {@code docs/commands/} from the command classes. Run by the build
 * (process-classes) into {@code target/generated}; {@code -Dnotif.generated.dir=.} refreshes the committed copies.
 * A second argument, the classes directory, receives the pre-rendered help pages ({@link HelpIndex}).
 */
public final class GenerateFiles {
    private GenerateFiles() {
    }

    public static void main(String[] args) throws IOException {
        write(Path.of(args.length > 0 ? args[0] : "target/generated"), files());
        if (args.length > 1) {
            write(Path.of(args[1]), resources());
        }
    }

    private static void write(Path root, Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = root.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
        }
    }

    /** What the build puts on the class path: every command's help, plain and coloured, and the completions. */
    public static Map<String, String> resources() {
        Map<String, String> pages = new TreeMap<>();
        CommandLine cl = commandLine();
        helpPages(cl, pages);
        for (String shell : Completions.SHELLS) {
            pages.put(Completions.RESOURCES + Completions.fileName(shell), Completions.script(shell, cl));
        }
        return pages;
    }

    private static void helpPages(CommandLine cl, Map<String, String> pages) {
        String name = cl.getCommandSpec().qualifiedName(" ");
        pages.put(HelpIndex.resource(name, false), cl.getUsageMessage(Help.Ansi.OFF));
        pages.put(HelpIndex.resource(name, true), cl.getUsageMessage(Help.Ansi.ON));
        for (CommandLine sub : new LinkedHashSet<>(cl.getSubcommands().values())) {
            helpPages(sub, pages);
        }
    }

    /** Every generated file, by path relative to the project root. */
    public static Map<String, String> files() {
        CommandLine cl = commandLine();
        Map<String, String> files = new TreeMap<>();
        for (String shell : Completions.SHELLS) {
            files.put("completions/" + Completions.fileName(shell), Completions.script(shell, cl));
        }
        CommandPages.pages(cl).forEach((name, page) -> files.put("docs/commands/" + name, page));
        ManPages.pages(cl).forEach((name, page) -> files.put("docs/man/" + name, page));
        return files;
    }

    /** The real command tree, built with a context that touches nothing. */
    public static CommandLine commandLine() {
        Context quiet = new Context(Map.of(), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
            InputStream.nullInputStream(), Clock.systemUTC(), false);
        return Cli.fullCommandLine(quiet);
    }
}
