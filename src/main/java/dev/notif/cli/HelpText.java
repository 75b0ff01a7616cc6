package dev.notif.cli;

import dev.notif.output.Wrap;
import java.util.List;

/**
 * A help page fitted to the width it is printed at. Pages are rendered unwrapped (one line per option, row or
 * paragraph; {@link #UNWRAPPED}), by the build for the pre-rendered pages and by picocli at run time alike, and
 * wrapped here when printed: the synopsis under the command's name, rows under their second column, options under
 * their description, examples as shell lines (a long comment above its command, a long command continued with
 * {@code \}).
 */
public final class HelpText {
    /** The width help is rendered at before it is wrapped: wide enough that picocli never breaks a line. */
    public static final int UNWRAPPED = 10_000;

    private HelpText() {
    }

    /** {@code page} (the help of {@code command}, e.g. "notif send stripe") fitted to {@code width} columns. */
    public static String wrap(String page, int width, String command) {
        StringBuilder sb = new StringBuilder();
        boolean examples = false;
        String[] lines = page.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            String plain = Wrap.plain(line);
            List<String> out;
            if (Wrap.width(line) <= width) {
                out = List.of(line);
            } else if (plain.startsWith("Usage: ")) {
                int hang = plain.startsWith("Usage: " + command + " ") ? ("Usage: " + command + " ").length() : 7;
                out = Wrap.lines(line, width, hang, false);
            } else if (examples && !plain.isBlank()) {
                out = Wrap.shell(line, width);
            } else {
                out = Wrap.lines(line, width, Wrap.hang(line, width));
            }
            if (plain.equals("Examples:")) {
                examples = true;
            } else if (plain.isBlank()) {
                examples = false;
            }
            sb.append(String.join("\n", out));
            if (n < lines.length - 1) {
                sb.append('\n');
            }
        }
        return sb.toString();
    }
}
