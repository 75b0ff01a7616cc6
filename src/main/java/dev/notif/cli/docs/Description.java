package dev.notif.cli.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A command's description as documents see it: paragraphs (an empty line between them) and tables (consecutive rows
 * written {@code "  term   text"} in the annotation, such as the list of checks), each rendered by the page's own
 * markup instead of as preformatted text.
 */
final class Description {
    private static final Pattern ROW = Pattern.compile("^ {2}(\\S+) {2,}(\\S.*)$");

    /** A paragraph or a table of (term, text) rows. */
    sealed interface Block permits Paragraph, Table {
    }

    record Paragraph(String text) implements Block {
    }

    record Table(List<String[]> rows) implements Block {
        /** Whether every term is a check id ({@code stripe.endpoint.events}). */
        boolean checks() {
            return rows.stream().allMatch(r -> r[0].matches("[a-z]+(\\.[a-z_]+)+"));
        }
    }

    private Description() {
    }

    static List<Block> blocks(String[] description) {
        List<String> lines = new ArrayList<>();
        for (String d : description) {
            lines.addAll(List.of(d.replace("%n", "\n").split("\n", -1)));
        }
        List<Block> blocks = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        List<String[]> rows = new ArrayList<>();
        for (String line : lines) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                flush(paragraph, blocks);
                rows.add(new String[] {row.group(1), row.group(2).strip()});
                continue;
            }
            if (!rows.isEmpty()) {
                blocks.add(new Table(List.copyOf(rows)));
                rows.clear();
            }
            if (line.isBlank()) {
                flush(paragraph, blocks);
            } else {
                paragraph.append(paragraph.length() > 0 ? " " : "").append(line.strip());
            }
        }
        flush(paragraph, blocks);
        if (!rows.isEmpty()) {
            blocks.add(new Table(List.copyOf(rows)));
        }
        return blocks;
    }

    private static void flush(StringBuilder paragraph, List<Block> blocks) {
        if (paragraph.length() > 0) {
            blocks.add(new Paragraph(paragraph.toString()));
            paragraph.setLength(0);
        }
    }

    /** An option's description with ${DEFAULT-VALUE} and ${COMPLETION-CANDIDATES} resolved, as --help prints it. */
    static String of(OptionSpec o) {
        List<String> candidates = new ArrayList<>();
        if (o.completionCandidates() != null) {
            o.completionCandidates().forEach(candidates::add);
        }
        return String.join(" ", o.description()).replace("${DEFAULT-VALUE}", String.valueOf(o.defaultValueString()))
            .replace("${COMPLETION-CANDIDATES}", String.join(", ", candidates));
    }

    /** The examples of a footer: its indented lines, without the indent; the rest is prose after them. */
    static List<String> examples(String[] footer) {
        List<String> out = new ArrayList<>();
        for (String line : footer) {
            if (line.startsWith("  ")) {
                out.add(line.strip());
            }
        }
        return out;
    }

    /** The footer's lines that are not examples, joined as one paragraph (or empty). */
    static String footerProse(String[] footer) {
        List<String> out = new ArrayList<>();
        for (String line : footer) {
            if (!line.startsWith("  ") && !line.isBlank()) {
                out.add(line.strip());
            }
        }
        return String.join(" ", out);
    }
}
