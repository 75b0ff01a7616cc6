package dev.notif.fleet;

import dev.notif.core.Secrets;
import dev.notif.output.Check;
import java.util.ArrayList;
import java.util.List;

/**
 * Under GitHub Actions ({@code GITHUB_ACTIONS=true}): an {@code ::error}/{@code ::warning} workflow command per failed
 * or warned check, pointing at the store's table in notif.toml, and a Markdown job summary for
 * {@code GITHUB_STEP_SUMMARY}. The runner reads workflow commands from stderr as from stdout, so they go to stderr
 * and stdout keeps exactly the report (one JSON document with --json).
 */
public final class GitHubActions {
    /** GitHub keeps at most 1 MiB of summary per step. */
    static final int SUMMARY_LIMIT = 1 << 20;

    private GitHubActions() {
    }

    public static List<String> annotations(FleetReport report, boolean failOnWarn) {
        List<String> lines = new ArrayList<>();
        for (StoreResult s : report.stores()) {
            for (StoreResult.Item c : s.checks()) {
                boolean fail = c.status() == Check.Status.FAIL || failOnWarn && c.status() == Check.Status.WARN;
                if (!fail && c.status() != Check.Status.WARN) {
                    continue;
                }
                StringBuilder props = new StringBuilder("file=").append(property(report.config()));
                if (s.line() > 0) {
                    props.append(",line=").append(s.line());
                }
                props.append(",title=").append(property(s.app() + "/" + s.store() + " " + c.name()));
                lines.add("::" + (fail ? "error" : "warning") + " " + props + "::"
                    + data(c.summary() + (c.fix() == null ? "" : "\nfix: " + c.fix())));
            }
        }
        return lines;
    }

    public static String summary(FleetReport report) {
        StringBuilder md = new StringBuilder();
        var counts = report.counts();
        md.append("## notif check ").append(cell(report.config())).append('\n').append('\n');
        md.append(report.ok() ? "All checks passed" : "**exit " + report.exitCode() + "** ("
            + FleetReport.meaning(report.exitCode()) + ")" + (report.exitSetBy() == null ? "" : ", set by "
            + report.exitSetBy().app() + "/" + report.exitSetBy().store() + ": " + cell(report.exitSetBy().reason())));
        md.append(": ").append(counts.get("pass")).append(" passed, ").append(counts.get("warn")).append(" warned, ")
            .append(counts.get("fail")).append(" failed, ").append(counts.get("skip")).append(" skipped in ")
            .append(report.apps().size()).append(" app(s).\n\n");
        md.append("| app | store | result | checks |\n|---|---|---|---|\n");
        for (StoreResult s : report.stores()) {
            String result = s.severity() == 0 ? ":x: fail" + (s.exitCode() > 1 ? " (exit " + s.exitCode() + ")" : "")
                : s.severity() == 1 ? ":warning: warn" : ":white_check_mark: pass";
            md.append("| ").append(cell(s.app())).append(" | ").append(s.store()).append(" | ").append(result)
                .append(" | ").append(s.count(Check.Status.PASS)).append(" passed, ").append(s.count(Check.Status.FAIL))
                .append(" failed |\n");
        }
        for (StoreResult s : report.stores()) {
            List<StoreResult.Item> bad = s.checks().stream().filter(c -> c.status() == Check.Status.FAIL
                || c.status() == Check.Status.WARN).toList();
            if (bad.isEmpty()) {
                continue;
            }
            md.append("\n### ").append(cell(s.app())).append(" / ").append(s.store()).append('\n');
            for (StoreResult.Item c : bad) {
                md.append("- **").append(c.status().word()).append("** `").append(c.name()).append("`: ")
                    .append(cell(c.summary())).append('\n');
                if (c.fix() != null) {
                    md.append("  - fix: ").append(cell(c.fix())).append('\n');
                }
            }
        }
        String text = Secrets.scrub(md.toString());
        return text.length() > SUMMARY_LIMIT - 100 ? text.substring(0, SUMMARY_LIMIT - 100)
            + "\n\n(cut: the summary reached GitHub's limit; the JUnit report has everything)\n" : text;
    }

    /** Escapes the message of a workflow command. */
    static String data(String s) {
        return Secrets.scrub(s).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Escapes a property value of a workflow command (also ':' and ','). */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }

    private static String cell(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
    }
}
