package dev.notif.fleet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The text of a starting notif.toml: commented, secrets only as references. Built from apps whose stores hold
 * key-value pairs in order, each with an optional comment line above it.
 */
public final class StarterFile {
    /** One store table of an app: its values (a null value is written as a commented-out example) and a note. */
    public record Store(String name, String note, Map<String, Object> values, Map<String, String> comments) {
        public Store(String name, String note) {
            this(name, note, new LinkedHashMap<>(), new LinkedHashMap<>());
        }

        public Store put(String key, Object value) {
            values.put(key, value);
            return this;
        }

        /** A key left commented out, with what to write. */
        public Store example(String key, String line) {
            values.put(key, null);
            comments.put(key, line);
            return this;
        }
    }

    /** One app: its name and stores. */
    public record App(String name, String note, List<Store> stores) {
    }

    private StarterFile() {
    }

    public static String render(String header, String maxSilence, List<App> apps) {
        StringBuilder out = new StringBuilder();
        for (String line : header.split("\n")) {
            out.append("# ").append(line).append('\n');
        }
        out.append('\n').append("[defaults]\n")
            .append("# a store fails when its newest evidence of a delivery is older than this\n")
            .append("max_silence = ").append(quote(maxSilence)).append('\n');
        for (App app : apps) {
            out.append('\n');
            if (app.note() != null) {
                out.append("# ").append(app.note()).append('\n');
            }
            out.append("[[app]]\n").append("name = ").append(quote(app.name())).append('\n');
            for (Store s : app.stores()) {
                out.append('\n');
                if (s.note() != null) {
                    for (String line : s.note().split("\n")) {
                        out.append("  # ").append(line).append('\n');
                    }
                }
                out.append("  [app.").append(s.name()).append("]\n");
                s.values().forEach((k, v) -> {
                    if (v == null) {
                        out.append("  # ").append(s.comments().get(k)).append('\n');
                    } else {
                        out.append("  ").append(k).append(" = ").append(value(v)).append('\n');
                    }
                });
            }
        }
        return out.toString();
    }

    private static String value(Object v) {
        if (v instanceof Boolean || v instanceof Number) {
            return String.valueOf(v);
        }
        if (v instanceof List<?> list) {
            List<String> items = new ArrayList<>();
            list.forEach(i -> items.add(quote(String.valueOf(i))));
            return "[" + String.join(", ", items) + "]";
        }
        return quote(String.valueOf(v));
    }

    /** A TOML basic string. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> sb.append(c < 0x20 ? String.format("\\u%04x", (int) c) : c);
            }
        }
        return sb.append('"').toString();
    }

    /** An app name from a URL's host and path: {@code https://api.example.com/stripe} -> {@code api-example-com}. */
    public static String nameFor(String host, String fallback) {
        String n = host == null ? "" : host.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-").replace('.', '-')
            .replaceAll("-+", "-").replaceAll("^-|-$", "");
        return n.isEmpty() ? fallback : n.length() > 60 ? n.substring(0, 60) : n;
    }
}
