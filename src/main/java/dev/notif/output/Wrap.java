package dev.notif.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Lines that fit a width: broken at spaces, continuation lines under a hanging indent, colour codes kept (and closed
 * at a break, reopened after it). A word longer than the room is never cut (but a list such as {@code a|b|c} may
 * break after a bar): it overflows on a line of its own. A command inside a line ({@code notif ...},
 * {@code gcloud ...}) is kept whole when it fits a line, so that a fix stays one line to copy.
 *
 * <p>Written without regular expressions: {@code --help} wraps its page with it, and a JVM that has just started runs
 * this code interpreted.
 */
public final class Wrap {
    private static final char ESC = '\u001b';
    private static final String RESET = "\u001b[0m";
    /** Glues the words of a command: never a place to break. */
    private static final char GLUE = '\u0000';
    private static final int LABEL_MAX = 24;
    /** notif's commands, the words after {@code notif } that start a command line (WrapTest holds it to the tree). */
    static final Set<String> NOTIF_COMMANDS = Set.of("setup", "check", "send", "verify", "listen", "status",
        "demo", "completion", "rotate", "resend", "init", "plan", "apply");

    private Wrap() {
    }

    /** The visible width of {@code s}: colour codes take no room. */
    public static int width(String s) {
        if (s == null) {
            return 0;
        }
        int w = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ESC) {
                i = codeEnd(s, i) - 1;
            } else if (!Character.isLowSurrogate(c)) {
                w++;
            }
        }
        return w;
    }

    /** {@code s} without colour codes. */
    public static String plain(String s) {
        if (s.indexOf(ESC) < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == ESC) {
                i = codeEnd(s, i) - 1;
            } else {
                sb.append(s.charAt(i));
            }
        }
        return sb.toString();
    }

    /** The index after the colour code {@code ESC [ digits ; m} that starts at {@code at} (or after the ESC alone). */
    private static int codeEnd(String s, int at) {
        int i = at + 1;
        if (i < s.length() && s.charAt(i) == '[') {
            i++;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == ';')) {
                i++;
            }
            if (i < s.length() && s.charAt(i) == 'm') {
                return i + 1;
            }
        }
        return at + 1;
    }

    /** Every line of {@code text} wrapped to {@code width} under its own hanging indent ({@link #hang}). */
    public static String text(String text, int width) {
        if (width <= 0) {
            return text;
        }
        StringBuilder sb = new StringBuilder();
        int from = 0;
        while (true) {
            int nl = text.indexOf('\n', from);
            String line = nl < 0 ? text.substring(from) : text.substring(from, nl);
            appendLines(sb, width(line) <= width ? List.of(line) : lines(line, width, hang(line, width)));
            if (nl < 0) {
                return sb.toString();
            }
            sb.append('\n');
            from = nl + 1;
        }
    }

    private static void appendLines(StringBuilder sb, List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                sb.append('\n');
            }
            sb.append(lines.get(i));
        }
    }

    /**
     * Where a line's continuation starts: under the text after a short {@code label: }, else under its second
     * column (two spaces or more after the first text, in the left half), else under its first character.
     */
    public static int hang(String line, int width) {
        String plain = plain(line);
        int lead = leading(plain);
        int label = labelEnd(plain, lead);
        if (label > 0 && label <= width / 2) {
            return label;
        }
        int column = secondColumn(plain, lead);
        if (column > 0 && column <= width / 2) {
            return column;
        }
        return lead;
    }

    /** {@code label: text}: the index of the text, or -1. A label is a word ({@code fix}, {@code signature_rejected}). */
    private static int labelEnd(String plain, int lead) {
        int i = lead;
        if (i >= plain.length() || !Character.isLetter(plain.charAt(i))) {
            return -1;
        }
        while (i < plain.length() && i - lead <= LABEL_MAX) {
            char c = plain.charAt(i);
            if (c == ':') {
                int text = i + 1;
                while (text < plain.length() && plain.charAt(text) == ' ') {
                    text++;
                }
                return text > i + 1 && text < plain.length() ? text : -1;
            }
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-')) {
                return -1;
            }
            i++;
        }
        return -1;
    }

    /** The index of the text after the first run of two spaces or more that follows text, or -1. */
    private static int secondColumn(String plain, int lead) {
        for (int i = lead + 1; i + 2 < plain.length(); i++) {
            if (plain.charAt(i) == ' ' && plain.charAt(i + 1) == ' ' && plain.charAt(i - 1) != ' ') {
                int text = i + 2;
                while (text < plain.length() && plain.charAt(text) == ' ') {
                    text++;
                }
                return text < plain.length() ? text : -1;
            }
        }
        return -1;
    }

    /** The spaces a line starts with. */
    public static int leading(String plain) {
        int i = 0;
        while (i < plain.length() && plain.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /**
     * {@code line} as lines of at most {@code width} columns (0: no limit), each continuation indented by
     * {@code indent} spaces (half the width at most); commands in it kept whole.
     */
    public static List<String> lines(String line, int width, int indent) {
        return lines(line, width, indent, true);
    }

    /** A table cell in lines of {@code width}: a short group in brackets ({@code (3 h ago)}) is kept whole. */
    public static List<String> cell(String cell, int width) {
        if (width(cell) <= width) {
            return List.of(cell);
        }
        List<String> lines = lines(glueBrackets(cell), width, 0, false);
        List<String> out = new ArrayList<>(lines.size());
        for (String l : lines) {
            out.add(l.replace(GLUE, ' '));
        }
        return out;
    }

    /** The longest run a cell cannot be broken in (a word, or a short group in brackets). */
    public static int longestUnbreakable(String cell) {
        int longest = 0;
        for (String word : plain(glueBrackets(cell)).split(" ")) {
            longest = Math.max(longest, word.length());
        }
        return longest;
    }

    private static String glueBrackets(String s) {
        StringBuilder sb = new StringBuilder(s);
        for (int open = s.indexOf('('); open >= 0; open = s.indexOf('(', open + 1)) {
            int close = s.indexOf(')', open);
            if (close > open && close - open <= 16) {
                for (int k = open; k < close; k++) {
                    if (sb.charAt(k) == ' ') {
                        sb.setCharAt(k, GLUE);
                    }
                }
            }
        }
        return sb.toString();
    }

    /** As {@link #lines(String, int, int)}; {@code keepCommands} false lets it break anywhere (a synopsis). */
    public static List<String> lines(String line, int width, int indent, boolean keepCommands) {
        if (width <= 0 || width(line) <= width) {
            return List.of(line);
        }
        int hang = Math.min(indent, width / 2);
        String glued = keepCommands ? glueCommands(line, width - hang) : line;
        List<String> out = new ArrayList<>();
        int lead = leading(glued);
        StringBuilder current = new StringBuilder(glued.substring(0, lead));
        int used = lead;
        String open = ""; // colour codes in force where the line breaks
        boolean lineHasWord = false;
        for (String[] token : tokens(glued.substring(lead), width - hang)) {
            String gap = token[0];
            String word = token[1];
            int wordWidth = width(word);
            if (lineHasWord && used + gap.length() + wordWidth > width) {
                out.add(close(current.toString(), open));
                current = new StringBuilder(" ".repeat(hang)).append(open);
                used = hang;
                gap = "";
            }
            current.append(gap).append(word);
            used += gap.length() + wordWidth;
            lineHasWord = true;
            open = openCodes(open, word);
        }
        out.add(current.toString());
        for (int i = 0; i < out.size(); i++) { // no lambda: its bootstrap costs more than the loop at start-up
            out.set(i, out.get(i).replace(GLUE, ' '));
        }
        return out;
    }

    /**
     * (spaces before, word) pairs; a word wider than {@code room} that lists alternatives ({@code a|b|c}) is cut
     * after a bar into pieces with nothing between them.
     */
    private static List<String[]> tokens(String text, int room) {
        List<String[]> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int start = i;
            while (i < text.length() && text.charAt(i) == ' ') {
                i++;
            }
            int wordStart = i;
            while (i < text.length() && text.charAt(i) != ' ') {
                i++;
            }
            if (wordStart == i) {
                break; // trailing spaces
            }
            String gap = text.substring(start, wordStart);
            String word = text.substring(wordStart, i);
            while (word.length() > room && word.indexOf(ESC) < 0 && word.lastIndexOf('|', room - 1) > 0) {
                int cut = word.lastIndexOf('|', room - 1) + 1;
                tokens.add(new String[] {gap, word.substring(0, cut)});
                gap = "";
                word = word.substring(cut);
            }
            tokens.add(new String[] {gap, word});
        }
        return tokens;
    }

    private static String close(String line, String open) {
        String trimmed = line.stripTrailing();
        return open.isEmpty() ? trimmed : trimmed + RESET;
    }

    /** The colour codes in force after {@code word}, given those before it: a reset clears them. */
    private static String openCodes(String before, String word) {
        if (word.indexOf(ESC) < 0) {
            return before;
        }
        StringBuilder open = new StringBuilder(before);
        for (int i = word.indexOf(ESC); i >= 0; i = word.indexOf(ESC, i + 1)) {
            int end = codeEnd(word, i);
            String code = word.substring(i, end);
            if (code.equals("\u001b[m") || code.equals(RESET)) {
                open.setLength(0);
            } else if (end > i + 1) {
                open.append(code);
            }
        }
        return open.toString();
    }

    /**
     * The spaces inside each command become glue, so that a command that fits in {@code room} columns is never broken.
     * A command starts with {@code notif SUBCOMMAND}, {@code gcloud WORD} or {@code stripe WORD}, and ends before
     * {@code , } {@code ; } {@code  (} {@code  #} two spaces, a {@code )} or the end of the line.
     */
    private static String glueCommands(String line, int room) {
        StringBuilder sb = null;
        int from = 0;
        while (true) {
            int start = commandStart(line, from);
            if (start < 0) {
                return sb == null ? line : sb.toString();
            }
            int stop = commandEnd(line, start);
            if (stop - start <= room) {
                if (sb == null) {
                    sb = new StringBuilder(line);
                }
                for (int k = start; k < stop; k++) {
                    if (sb.charAt(k) == ' ') {
                        sb.setCharAt(k, GLUE);
                    }
                }
            }
            from = Math.max(stop, start + 1);
        }
    }

    private static int commandStart(String line, int from) {
        int best = -1;
        for (String program : new String[] {"notif ", "gcloud ", "stripe "}) {
            for (int at = line.indexOf(program, from); at >= 0; at = line.indexOf(program, at + 1)) {
                if (at > 0 && Character.isLetterOrDigit(line.charAt(at - 1))) {
                    continue;
                }
                String next = word(line, at + program.length());
                boolean command = program.equals("notif ") ? NOTIF_COMMANDS.contains(next) : lowerWord(next);
                if (command) {
                    best = best < 0 ? at : Math.min(best, at);
                    break;
                }
            }
        }
        return best;
    }

    private static boolean lowerWord(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Character.isLowerCase(c) || c == '_' || c == '-')) {
                return false;
            }
        }
        return !s.isEmpty();
    }

    private static String word(String line, int at) {
        int end = at;
        while (end < line.length() && line.charAt(end) != ' ') {
            end++;
        }
        return line.substring(at, end);
    }

    private static int commandEnd(String line, int start) {
        for (int i = start; i < line.length(); i++) {
            char c = line.charAt(i);
            char next = i + 1 < line.length() ? line.charAt(i + 1) : 0;
            if (c == ')' || (c == ',' || c == ';') && next == ' '
                || c == ' ' && (next == '(' || next == '#' || next == ' ')) {
                return i;
            }
        }
        return line.length();
    }

    /**
     * A shell command line ({@code  notif send stripe --url URL   # a comment}) fitted to {@code width}: a comment that
     * does not fit goes on a line of its own above it, a long command is continued with a backslash (an option and its
     * value kept together, quoted words whole), so that what is shown still runs when pasted.
     */
    public static List<String> shell(String line, int width) {
        if (width(line) <= width) {
            return List.of(line);
        }
        List<String> out = new ArrayList<>();
        String command = line;
        int lead = leading(line);
        int comment = line.indexOf("  # ");
        if (comment > lead) { // a comment after the command, two spaces or more apart: on a line of its own
            out.add(" ".repeat(lead) + line.substring(comment).strip());
            command = line.substring(0, comment).stripTrailing();
        }
        List<String> words = shellWords(command.substring(lead));
        StringBuilder current = new StringBuilder(" ".repeat(lead)).append(words.get(0));
        String indent = " ".repeat(lead + 4);
        int room = width - 2; // for " \\"
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            int next = width(current.toString()) + 1 + width(word);
            // an option and its value stay together: break before an option unless both fit
            boolean withValue = word.startsWith("-") && i + 1 < words.size() && !words.get(i + 1).startsWith("-");
            int needed = withValue ? next + 1 + width(words.get(i + 1)) : next;
            if (needed > room && (word.startsWith("-") || next > room)) {
                out.add(current + " \\");
                current = new StringBuilder(indent).append(word);
            } else {
                current.append(' ').append(word);
            }
        }
        out.add(current.toString());
        return out;
    }

    /** The words of a command line, a quoted word with spaces in it kept whole. */
    private static List<String> shellWords(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        for (char c : command.toCharArray()) {
            if (quote == 0 && c == ' ') {
                if (word.length() > 0) {
                    words.add(word.toString());
                    word.setLength(0);
                }
                continue;
            }
            if (quote == 0 && (c == '\'' || c == '"')) {
                quote = c;
            } else if (c == quote) {
                quote = 0;
            }
            word.append(c);
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }
}
