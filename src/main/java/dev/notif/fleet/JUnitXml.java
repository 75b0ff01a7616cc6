package dev.notif.fleet;

import dev.notif.core.Json;
import dev.notif.core.Secrets;
import dev.notif.output.Check;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The fleet report as JUnit XML, the shape GitLab, Jenkins and GitHub's test reporters read (the Ant/Surefire
 * schema): a {@code testsuite} per app and store, a {@code testcase} per check whose {@code classname} is its suite's
 * name. fail is a {@code failure} with the
 * summary as its message and the fix and details as its text; a check stopped by a cause (credentials refused,
 * a provider down) or a store whose command could not run is an {@code error}; skip is {@code skipped}; warn passes, with its text in
 * {@code system-out}, unless {@code --fail-on warn} makes it a failure.
 */
public final class JUnitXml {
    private JUnitXml() {
    }

    public static String of(FleetReport report, boolean failOnWarn) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuites");
            x.writeAttribute("name", "notif check " + report.config());
            x.writeAttribute("tests", String.valueOf(report.stores().stream().mapToInt(s -> s.checks().size()).sum()));
            int failures = 0;
            int errors = 0;
            for (StoreResult s : report.stores()) {
                for (StoreResult.Item c : s.checks()) {
                    String kind = kind(s, c, failOnWarn);
                    failures += "failure".equals(kind) ? 1 : 0;
                    errors += "error".equals(kind) ? 1 : 0;
                }
            }
            x.writeAttribute("failures", String.valueOf(failures));
            x.writeAttribute("errors", String.valueOf(errors));
            x.writeAttribute("time", seconds(report.durationMs()));
            int id = 0;
            for (StoreResult s : report.stores()) {
                suite(x, report, s, id++, failOnWarn);
            }
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static void suite(XMLStreamWriter x, FleetReport report, StoreResult s, int id, boolean failOnWarn)
        throws XMLStreamException {
        int failures = 0;
        int errors = 0;
        for (StoreResult.Item c : s.checks()) {
            String kind = kind(s, c, failOnWarn);
            failures += "failure".equals(kind) ? 1 : 0;
            errors += "error".equals(kind) ? 1 : 0;
        }
        x.writeCharacters("\n  ");
        x.writeStartElement("testsuite");
        x.writeAttribute("name", s.app() + "/" + s.store());
        x.writeAttribute("tests", String.valueOf(s.checks().size()));
        x.writeAttribute("failures", String.valueOf(failures));
        x.writeAttribute("errors", String.valueOf(errors));
        x.writeAttribute("skipped", String.valueOf(s.count(Check.Status.SKIP)));
        x.writeAttribute("time", seconds(s.durationMs()));
        x.writeAttribute("timestamp", report.startedAt().toString().replaceFirst("\\.\\d+Z$", "Z").replace("Z", ""));
        x.writeAttribute("id", String.valueOf(id));
        x.writeAttribute("package", s.app());
        x.writeCharacters("\n    ");
        x.writeStartElement("properties");
        property(x, "app", s.app());
        property(x, "store", s.store());
        if (s.target() != null) {
            property(x, "target", s.target());
        }
        property(x, "exit_code", String.valueOf(s.exitCode()));
        x.writeCharacters("\n    ");
        x.writeEndElement();
        for (StoreResult.Item c : s.checks()) {
            x.writeCharacters("\n    ");
            x.writeStartElement("testcase");
            x.writeAttribute("name", c.name());
            // the suite's name: reporters that group cases by class (Surefire's, Jenkins') keep them in their suite
            x.writeAttribute("classname", s.app() + "/" + s.store());
            String kind = kind(s, c, failOnWarn);
            if (kind != null) {
                x.writeCharacters("\n      ");
                x.writeStartElement(kind);
                x.writeAttribute("message", clean(c.summary()));
                x.writeAttribute("type", kind.equals("error") ? c.cause() == null ? "internal" : c.cause().word()
                    : c.status().word());
                if (!kind.equals("skipped")) {
                    x.writeCharacters(clean(body(c)));
                }
                x.writeEndElement();
            } else if (c.status() == Check.Status.WARN) {
                x.writeCharacters("\n      ");
                x.writeStartElement("system-out");
                x.writeCharacters(clean("warn: " + c.summary() + "\n" + body(c)));
                x.writeEndElement();
            }
            x.writeCharacters("\n    ");
            x.writeEndElement();
        }
        x.writeCharacters("\n  ");
        x.writeEndElement();
    }

    /** failure, error, skipped, or null for a pass (and a warn that does not fail the run). */
    static String kind(StoreResult s, StoreResult.Item c, boolean failOnWarn) {
        return switch (c.status()) {
            case FAIL -> c.cause() != null || c.id().endsWith(FleetRun.RUN) ? "error" : "failure";
            case WARN -> failOnWarn ? "failure" : null;
            case SKIP -> "skipped";
            case PASS -> null;
        };
    }

    private static String body(StoreResult.Item c) {
        StringBuilder sb = new StringBuilder();
        if (c.fix() != null) {
            sb.append("fix: ").append(c.fix()).append('\n');
        }
        for (Map.Entry<String, Object> d : c.details().entrySet()) {
            if (d.getValue() != null) {
                Object v = d.getValue();
                sb.append(d.getKey()).append(": ").append(v instanceof CharSequence || v instanceof Number
                    || v instanceof Boolean ? String.valueOf(v) : Json.compact(v)).append('\n');
            }
        }
        return sb.toString();
    }

    private static void property(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeCharacters("\n      ");
        x.writeEmptyElement("property");
        x.writeAttribute("name", name);
        x.writeAttribute("value", clean(value));
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    /** Secrets redacted, and no character XML 1.0 forbids (control characters other than tab and newlines). */
    static String clean(String s) {
        if (s == null) {
            return "";
        }
        return Secrets.scrub(s).replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", "?");
    }
}
