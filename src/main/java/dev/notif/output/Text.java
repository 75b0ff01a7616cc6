package dev.notif.output;

import dev.notif.core.Secrets;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi.Style;

/**
 * Human output: lines, a few colours (only when enabled, through picocli's {@link Help.Ansi}, as the help is),
 * aligned tables. With a width, a longer line is wrapped under its hanging indent ({@link Wrap}): a {@code label: } or
 * a second column; a table row under its last column.
 */
public final class Text {
    private final PrintWriter out;
    private final boolean color;
    private final int width;
    private final Instant now;

    /** Text never wrapped, times without how long ago. */
    public Text(PrintWriter out, boolean color) {
        this(out, color, 0, null);
    }

    /** Text wrapped to {@code width} columns (0: never), times said relative to {@code now} (null: not). */
    public Text(PrintWriter out, boolean color, int width, Instant now) {
        this.out = out;
        this.color = color;
        this.width = width;
        this.now = now;
    }

    /** A time as human output shows it: {@code 2026-03-01 14:05:09Z (3 h ago)} ({@link Times}). */
    public String time(Instant at) {
        return at == null ? "-" : Times.when(at, now);
    }

    /** The columns lines are wrapped to; 0 when they are not. */
    public int width() {
        return width;
    }

    public boolean color() {
        return color;
    }

    /** Prints a line, scrubbed of every secret the run knows (see {@code Secrets}). */
    public Text line(String s) {
        String t = Secrets.scrub(s);
        out.println(width > 0 && t != null ? Wrap.text(t, width) : t);
        return this;
    }

    /** A shell command line, scrubbed, fitted as {@link Wrap#shell} does (still runs when pasted). */
    public Text command(String line) {
        String t = Secrets.scrub(line);
        out.println(width > 0 ? String.join("\n", Wrap.shell(t, width)) : t);
        return this;
    }

    /** A line, scrubbed, whose continuation lines, if it needs any, start {@code hang} columns in. */
    public Text line(String s, int hang) {
        out.println(String.join("\n", Wrap.lines(Secrets.scrub(s), width, hang)));
        return this;
    }

    public Text line() {
        out.println();
        return this;
    }

    public Text print(String s) {
        out.print(Secrets.scrub(s));
        return this;
    }

    public void flush() {
        out.flush();
    }

    public String green(String s) {
        return paint(Style.fg_green, s);
    }

    public String red(String s) {
        return paint(Style.fg_red, s);
    }

    public String yellow(String s) {
        return paint(Style.fg_yellow, s);
    }

    public String cyan(String s) {
        return paint(Style.fg_cyan, s);
    }

    public String dim(String s) {
        return paint(Style.faint, s);
    }

    public String bold(String s) {
        return paint(Style.bold, s);
    }

    /** A status word coloured by its meaning: pass/ok/accepted green, warn/skip yellow, everything else red. */
    public String status(String word) {
        switch (word) {
            case "pass": case "ok": case "accepted": case "expected": case "none": case "create": case "created":
                return green(word);
            case "warn": case "skip": case "update": case "pending":
                return yellow(word);
            default:
                return red(word);
        }
    }

    private String paint(Style style, String s) {
        return color && s != null && !s.isEmpty() ? Colours.ON.apply(s, List.<Help.Ansi.IStyle>of(style)).toString() : s;
    }

    /** Picocli's colour scheme, made on the first coloured word (plain output never builds it). */
    private static final class Colours {
        static final Help.ColorScheme ON = Help.defaultColorScheme(Help.Ansi.ON);
    }

    /** Visible width of a string that may hold colour codes. */
    static int width(String s) {
        return Wrap.width(s);
    }

    /**
     * A table with a header row, columns padded to their widest cell, two spaces apart. When it is wider than the
     * width, columns whose cells have spaces in them are narrowed (never below their longest word; first the one
     * that then wraps the fewest cells) and their cells wrapped inside the column; a table that still does not fit
     * is printed as it is.
     */
    public Text table(List<String> header, List<List<String>> rows) {
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        for (List<String> row : rows) { // scrubbed before they are measured
            List<String> scrubbed = new ArrayList<>(row.size());
            row.forEach(cell -> scrubbed.add(Secrets.scrub(cell)));
            all.add(scrubbed);
        }
        int cols = header.size();
        int[] widths = new int[cols];
        int[] least = new int[cols];
        for (List<String> row : all) {
            for (int i = 0; i < cols && i < row.size(); i++) {
                widths[i] = Math.max(widths[i], width(row.get(i)));
                least[i] = Math.max(least[i], row.get(i) == null ? 0 : Wrap.longestUnbreakable(row.get(i)));
            }
        }
        int total = 2 * cols;
        for (int w : widths) {
            total += w;
        }
        while (width > 0 && total > width) { // narrow the column that then wraps the fewest cells
            int best = -1;
            int bestWrapped = Integer.MAX_VALUE;
            for (int i = 0; i < cols; i++) {
                if (widths[i] > least[i]) {
                    int wrapped = 0; // cells that fit now and would not one column narrower
                    for (List<String> row : all) {
                        wrapped += i < row.size() && width(row.get(i)) == widths[i] ? 1 : 0;
                    }
                    if (wrapped < bestWrapped || wrapped == bestWrapped && widths[i] - least[i] > widths[best] - least[best]) {
                        best = i;
                        bestWrapped = wrapped;
                    }
                }
            }
            if (best < 0) {
                break;
            }
            widths[best]--;
            total--;
        }
        for (int r = 0; r < all.size(); r++) {
            List<List<String>> cells = new ArrayList<>();
            int height = 1;
            for (int i = 0; i < cols; i++) {
                List<String> row = all.get(r);
                String cell = i < row.size() && row.get(i) != null ? row.get(i) : "";
                List<String> parts = Wrap.cell(cell, widths[i]);
                cells.add(parts);
                height = Math.max(height, parts.size());
            }
            for (int k = 0; k < height; k++) {
                StringBuilder sb = new StringBuilder("  ");
                for (int i = 0; i < cols; i++) {
                    String part = k < cells.get(i).size() ? cells.get(i).get(k) : "";
                    sb.append(r == 0 ? bold(part) : part);
                    if (i < cols - 1) {
                        sb.append(" ".repeat(Math.max(0, widths[i] - width(part)) + 2));
                    }
                }
                out.println(sb.toString().stripTrailing());
            }
        }
        return this;
    }
}
