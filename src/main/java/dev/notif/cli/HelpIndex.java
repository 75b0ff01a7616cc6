package dev.notif.cli;

import dev.notif.core.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Help pages rendered by the build from the full command tree ({@code docs.GenerateFiles}) and printed as they
 * are, so {@code notif [COMMAND...] --help} starts no picocli at all. Only the exact form {@code WORDS... --help}
 * (or {@code -h}) is answered here; anything else, or a page missing from the class path, goes through picocli,
 * which prints the same text.
 */
public final class HelpIndex {
    /** Where the pages live on the class path: {@code notif.send.stripe.txt}, and {@code .ansi} with colour. */
    public static final String DIR = "dev/notif/cli/help/";
    private static final Pattern WORD = Pattern.compile("[a-z][a-z0-9-]*");

    private HelpIndex() {
    }

    /** The resource name of a command's page: its qualified name with dots, plain or coloured. */
    public static String resource(String qualifiedName, boolean color) {
        return DIR + qualifiedName.replace(' ', '.') + (color ? ".ansi" : ".txt");
    }

    /** Prints the page {@code args} ask for and returns true, or returns false when picocli has to answer. */
    static boolean print(Context ctx, String... args) {
        int last = args.length - 1;
        if (last < 0 || !("--help".equals(args[last]) || "-h".equals(args[last]))) {
            return false;
        }
        StringBuilder name = new StringBuilder("notif");
        for (int i = 0; i < last; i++) {
            if (!WORD.matcher(args[i]).matches()) {
                return false;
            }
            name.append(' ').append(args[i]);
        }
        try (InputStream in = HelpIndex.class.getClassLoader()
                .getResourceAsStream(resource(name.toString(), Cli.color(ctx, false)))) {
            if (in == null) {
                return false;
            }
            ctx.out().print(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            ctx.out().flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
