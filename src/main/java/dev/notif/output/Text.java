package dev.notif.output;

import dev.notif.core.Secrets;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Human output: lines, a few colours (only when enabled), aligned tables. */
public final class Text {
    private static final String RESET = "\u001b[0m";
    private final PrintWriter out;
    private final boolean color;

    public Text(PrintWriter out, boolean color) {
        this.out = out;
        this.color = color;
    }

    public boolean color() {
        return color;
    }

    /** Prints a line, scrubbed of every secret the run knows (see {@code Secrets}). */
    public Text line(String s) {
        out.println(Secrets.scrub(s));
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
        return paint("32", s);
    }

    public String red(String s) {
        return paint("31", s);
    }

    public String yellow(String s) {
        return paint("33", s);
    }

    public String cyan(String s) {
        return paint("36", s);
    }

    public String dim(String s) {
        return paint("2", s);
    }

    public String bold(String s) {
        return paint("1", s);
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

    private String paint(String code, String s) {
        return color && s != null && !s.isEmpty() ? "\u001b[" + code + "m" + s + RESET : s;
    }

    /** Visible width of a string that may hold colour codes. */
    static int width(String s) {
        if (s == null) {
            return 0;
        }
        String plain = s.replaceAll("\u001b\\[[0-9;]*m", "");
        return plain.codePointCount(0, plain.length());
    }

    /** A table with a header row, columns padded to their widest cell, two spaces apart. */
    public Text table(List<String> header, List<List<String>> rows) {
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        int cols = header.size();
        int[] widths = new int[cols];
        for (List<String> row : all) {
            for (int i = 0; i < cols && i < row.size(); i++) {
                widths[i] = Math.max(widths[i], width(row.get(i)));
            }
        }
        for (int r = 0; r < all.size(); r++) {
            List<String> row = all.get(r);
            StringBuilder sb = new StringBuilder("  ");
            for (int i = 0; i < cols; i++) {
                String cell = i < row.size() && row.get(i) != null ? row.get(i) : "";
                String shown = r == 0 ? bold(cell) : cell;
                sb.append(shown);
                if (i < cols - 1) {
                    sb.append(" ".repeat(widths[i] - width(cell) + 2));
                }
            }
            out.println(Secrets.scrub(sb.toString().stripTrailing()));
        }
        return this;
    }
}
