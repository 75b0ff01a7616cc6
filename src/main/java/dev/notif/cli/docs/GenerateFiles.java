package dev.notif.cli.docs;

import dev.notif.cli.Cli;
import dev.notif.core.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine;

/**
 * Writes {@code completions/} and {@code docs/commands/} from the command classes. Run by the build
 * (process-classes) into {@code target/generated}; {@code -Dnotif.generated.dir=.} refreshes the committed copies.
 */
public final class GenerateFiles {
    private GenerateFiles() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "target/generated");
        for (Map.Entry<String, String> file : files().entrySet()) {
            Path path = root.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
        }
    }

    /** Every generated file, by path relative to the project root. */
    public static Map<String, String> files() {
        CommandLine cl = commandLine();
        Map<String, String> files = new TreeMap<>();
        files.put("completions/notif.bash", Completions.bash(cl));
        files.put("completions/_notif", Completions.zsh(cl));
        files.put("completions/notif.fish", Completions.fish(cl));
        CommandPages.pages(cl).forEach((name, page) -> files.put("docs/commands/" + name, page));
        return files;
    }

    /** The real command tree, built with a context that touches nothing. */
    static CommandLine commandLine() {
        Context quiet = new Context(Map.of(), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
            InputStream.nullInputStream(), Clock.systemUTC(), false);
        return Cli.commandLine(quiet);
    }
}
