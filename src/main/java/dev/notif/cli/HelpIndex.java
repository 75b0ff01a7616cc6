package dev.notif.cli;

import dev.notif.core.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Help pages rendered by the build from the full command tree ({@code docs.GenerateFiles}), unwrapped, and printed
 * fitted to the width ({@link HelpText}), so {@code notif [COMMAND...] --help} starts no picocli at all. Only the exact
 * form {@code WORDS... --help} (or {@code -h}) is answered here; anything else, or a page missing from the class path,
 * goes through picocli, which prints the same text.
 */
public final class HelpIndex {
    /** Where the pages live on the class path: {@code notif.send.stripe.txt}, and {@code .ansi} with colour. */
    public static final String DIR = "dev/notif/cli/help/";

    private HelpIndex() {
    }

    /** A command's name: {@code [a-z][a-z0-9-]*} (checked without a regular expression, which costs at start-up). */
    private static boolean word(String arg) {
        if (arg.isEmpty() || arg.charAt(0) < 'a' || arg.charAt(0) > 'z') {
            return false;
        }
        for (int i = 1; i < arg.length(); i++) {
            char c = arg.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
        }
        return true;
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
            if (!word(args[i])) {
                return false;
            }
            name.append(' ').append(args[i]);
        }
        try (InputStream in = HelpIndex.class.getClassLoader()
                .getResourceAsStream(resource(name.toString(), Cli.color(ctx, false)))) {
            if (in == null) {
                return false;
            }
            String page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            ctx.out().print(HelpText.wrap(page, ctx.width(), name.toString()));
            ctx.out().flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
