package dev.notif.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where each table and key of a TOML text is, by path ({@code app[1].stripe.url}): Jackson's TOML reader builds a
 * tree without positions, so errors about a value are located by reading the lines once more. Handles table headers,
 * arrays of tables, dotted keys and multi-line strings; keys inside inline tables get the position of their table.
 */
final class TomlLocator {
    private static final String KEY = "(?:[A-Za-z0-9_-]+|\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*')";
    private static final Pattern HEADER = Pattern.compile("^(\\s*)(\\[\\[?)\\s*(" + KEY + "(?:\\s*\\.\\s*" + KEY
        + ")*)\\s*]]?");
    private static final Pattern ASSIGN = Pattern.compile("^(\\s*)(" + KEY + "(?:\\s*\\.\\s*" + KEY + ")*)\\s*=");
    private static final Pattern SEGMENT = Pattern.compile(KEY);

    private final Map<String, Position> positions = new HashMap<>();

    TomlLocator(String text) {
        Map<String, Integer> arrays = new HashMap<>();
        String table = "";
        String openString = null;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (openString != null) {
                int close = line.indexOf(openString);
                if (close < 0) {
                    continue;
                }
                openString = null;
                line = " ".repeat(close + 3) + line.substring(close + 3);
            }
            Matcher h = HEADER.matcher(line);
            Matcher a = ASSIGN.matcher(line);
            if (h.find()) {
                List<String> segments = segments(h.group(3));
                boolean array = h.group(2).equals("[[");
                StringBuilder path = new StringBuilder();
                for (int s = 0; s < segments.size(); s++) {
                    if (path.length() > 0) {
                        path.append('.');
                    }
                    path.append(segments.get(s));
                    boolean last = s == segments.size() - 1;
                    String plain = path.toString();
                    if (last && array) {
                        int index = arrays.merge(plain, 1, Integer::sum) - 1;
                        positions.putIfAbsent(plain, new Position(i + 1, h.group(1).length() + 1));
                        path.append('[').append(index).append(']');
                    } else if (arrays.containsKey(plain)) {
                        path.append('[').append(arrays.get(plain) - 1).append(']');
                    }
                }
                table = path.toString();
                positions.putIfAbsent(table, new Position(i + 1, h.group(1).length() + 1));
            } else if (a.find()) {
                String key = String.join(".", segments(a.group(2)));
                positions.putIfAbsent(table.isEmpty() ? key : table + "." + key,
                    new Position(i + 1, a.group(1).length() + 1));
                openString = opensMultiline(line.substring(a.end()));
            }
        }
    }

    /** The position of {@code path}, or of its nearest located parent, or {@link Position#UNKNOWN}. */
    Position find(String path) {
        for (String p = path; !p.isEmpty(); p = parent(p)) {
            Position at = positions.get(p);
            if (at != null) {
                return at;
            }
        }
        return Position.UNKNOWN;
    }

    private static String parent(String path) {
        if (path.endsWith("]")) {
            return path.substring(0, path.lastIndexOf('['));
        }
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(0, dot);
    }

    private static List<String> segments(String dotted) {
        List<String> out = new ArrayList<>();
        Matcher m = SEGMENT.matcher(dotted);
        while (m.find()) {
            String s = m.group();
            out.add(s.startsWith("\"") || s.startsWith("'") ? s.substring(1, s.length() - 1) : s);
        }
        return out;
    }

    /** The delimiter of a multi-line string the value opens and does not close on its line, or null. */
    private static String opensMultiline(String value) {
        for (String q : new String[] {"\"\"\"", "'''"}) {
            int open = value.indexOf(q);
            if (open >= 0 && value.indexOf(q, open + 3) < 0) {
                return q;
            }
        }
        return null;
    }
}
