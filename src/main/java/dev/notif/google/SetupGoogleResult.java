package dev.notif.google;

import dev.notif.output.PlanAction;
import dev.notif.output.Result;
import dev.notif.output.Text;
import java.util.List;

/**
 * The result of {@code notif setup google}: what was (or, with --dry-run, would be) done to the topic, Play's publisher
 * binding and the push subscription, and the topic name to paste into Play Console.
 */
public record SetupGoogleResult(boolean ok, String store, boolean dryRun, String project, String topic,
                                String principal, List<PlanAction> actions, PlayConsole playConsole) implements Result {

    /** Where the topic goes in Play Console: this step has no API. */
    public record PlayConsole(String topicName, String where) {
        public static final String WHERE = "Play Console > your app > Monetize with Play > Monetization setup >"
            + " Real-time developer notifications: tick \"Enable real-time notifications\", paste the topic name,"
            + " Save changes, then \"Send test notification\"";

        public static PlayConsole of(String topic) {
            return new PlayConsole(topic, WHERE);
        }
    }

    @Override
    public void printText(Text out) {
        out.line(out.bold("notif setup google  " + topic) + out.dim("  as " + principal)
            + (dryRun ? out.yellow("  (dry run: nothing changed)") : ""));
        int width = actions.stream().mapToInt(a -> a.resource().length()).max().orElse(0);
        for (PlanAction a : actions) {
            String word = a.hasFailed() ? "failed" : a.action();
            out.line("  " + out.status(word) + " ".repeat(Math.max(1, 8 - word.length())) + a.resource()
                + " ".repeat(width - a.resource().length() + 2) + a.name());
            for (String change : a.changes()) {
                out.line("          " + out.dim(change));
            }
            if (a.hasFailed()) {
                out.line("          " + out.red(a.cause()));
                out.line("          fix: " + a.fix());
            }
        }
        out.line();
        out.line("Last step, by hand (there is no API for it): " + playConsole.where() + ".");
        out.line("Topic name:");
        out.line("  " + out.bold(playConsole.topicName()));
    }
}
