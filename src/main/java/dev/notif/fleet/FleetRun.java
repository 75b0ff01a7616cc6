package dev.notif.fleet;

import dev.notif.config.NotifConfig;
import dev.notif.config.NotifConfig.StoreEntry;
import dev.notif.core.ExitCode;
import dev.notif.core.Inputs;
import dev.notif.core.NotifException;
import dev.notif.core.Secrets;
import dev.notif.core.Version;
import dev.notif.listen.StatusReader;
import dev.notif.listen.StoreStatus;
import dev.notif.output.Check;
import dev.notif.output.CheckReport;
import dev.notif.probe.HttpProbe;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import okhttp3.HttpUrl;

/**
 * Runs every app's stores of notif.toml at once: each store's own {@code check} command (through {@link Stores}),
 * at most {@code concurrency} of a provider at a time (one pool per store, over the one shared HTTP client of
 * {@code core.Http}, whose retries back off on 429), then the fleet's own judgements: liveness against
 * {@code max_silence}, and how long until a store gives up. One report, in file order.
 */
public final class FleetRun {
    public static final int DEFAULT_CONCURRENCY = 8;
    /** The check id suffix of a store whose command could not run at all. */
    public static final String RUN = ".run";

    /** Runs one store's check command for an entry; its stderr goes to {@code err}. */
    public interface Stores {
        CheckReport check(StoreEntry entry, PrintWriter err);
    }

    /** What to run and how to judge it. {@code concurrency} 0: the file's, or {@link #DEFAULT_CONCURRENCY}. */
    public record Options(List<String> apps, List<String> stores, CheckFilter filter, boolean failOnWarn,
                          int concurrency, boolean verbose) {
    }

    private final NotifConfig config;
    private final Stores stores;
    private final Clock clock;
    private final HttpProbe probe;
    private final Consumer<String> stderr;

    /** {@code probe} reads receivers' /status; {@code stderr} takes whole lines for the terminal. */
    public FleetRun(NotifConfig config, Stores stores, Clock clock, HttpProbe probe, Consumer<String> stderr) {
        this.config = config;
        this.stores = stores;
        this.clock = clock;
        this.probe = probe;
        this.stderr = stderr;
    }

    public FleetReport run(Options o) {
        Instant started = clock.instant();
        List<StoreEntry> entries = new ArrayList<>();
        for (NotifConfig.App app : config.apps()) {
            if (!o.apps().isEmpty() && !o.apps().contains(app.name())) {
                continue;
            }
            for (StoreEntry e : app.stores()) {
                if ((o.stores().isEmpty() || o.stores().contains(e.store())) && o.filter().mayKeep(e.store())) {
                    entries.add(e);
                }
            }
        }
        Map<String, Receiver> receivers = readReceivers(entries);
        List<StoreResult> results = Parallel.map(entries, config, o.concurrency(), e -> runOne(e, receivers, o));
        return report(results, started, o);
    }

    private FleetReport report(List<StoreResult> results, Instant started, Options o) {
        int exit = ExitCode.OK;
        FleetReport.ExitSetBy setBy = null;
        for (StoreResult r : results) {
            int worse = ExitCode.worst(exit, r.exitCode());
            if (worse != exit || setBy == null && r.exitCode() == worse && worse != ExitCode.OK) {
                exit = worse;
                setBy = new FleetReport.ExitSetBy(r.app(), r.store(), reason(r));
            }
        }
        List<FleetReport.AppResult> apps = new ArrayList<>();
        for (NotifConfig.App app : config.apps()) {
            List<StoreResult> mine = results.stream().filter(r -> r.app().equals(app.name())).toList();
            if (!mine.isEmpty()) {
                apps.add(new FleetReport.AppResult(app.name(), mine.stream().allMatch(StoreResult::ok), mine));
            }
        }
        long duration = Duration.between(started, clock.instant()).toMillis();
        return new FleetReport(exit == ExitCode.OK, FleetReport.SCHEMA_VERSION, Version.get(), config.shownName(),
            started, duration, exit, setBy, FleetReport.counts(results), apps, o.verbose());
    }

    /** The check that decided the store's exit code: the first whose cause it is, else the first failure or warning. */
    private static String reason(StoreResult r) {
        return r.checks().stream().filter(c -> c.cause() != null && c.cause().exitCode() == r.exitCode()).findFirst()
            .or(() -> r.checks().stream().filter(c -> c.status() == Check.Status.FAIL).findFirst())
            .or(() -> r.checks().stream().filter(c -> c.status() == Check.Status.WARN).findFirst())
            .map(c -> c.id() + ": " + c.summary()).orElse(FleetReport.meaning(r.exitCode()));
    }

    private StoreResult runOne(StoreEntry e, Map<String, Receiver> receivers, Options o) {
        Instant start = clock.instant();
        List<String> notes = new ArrayList<>();
        e.leftOut().forEach((key, why) -> notes.add(key + " = " + why));
        StringWriter err = new StringWriter();
        List<Check> checks;
        boolean ran = false;
        int code = ExitCode.OK;
        String target = target(e);
        try {
            CheckReport report = stores.check(e, new PrintWriter(err, true));
            checks = new ArrayList<>(report.checks());
            target = report.target() != null ? report.target() : target;
            ran = true;
        } catch (NotifException ex) {
            checks = new ArrayList<>(List.of(Check.fail(e.store() + RUN, "the " + e.store() + " checks could not run: "
                + Secrets.scrub(ex.getMessage()), Secrets.scrub(ex.hint())).because(ex.exitCode())));
        } catch (RuntimeException ex) {
            checks = new ArrayList<>(List.of(Check.fail(e.store() + RUN, "internal error: " + ex.getClass()
                .getSimpleName() + (ex.getMessage() == null ? "" : ": " + Secrets.scrub(ex.getMessage())),
                "this is a bug in notif " + Version.get() + "; rerun with --verbose and report it")));
            code = ExitCode.INTERNAL;
        }
        forward(e, err.toString(), o.verbose());
        if (!notes.isEmpty()) {
            String table = new Inputs.File(config.shownName(), e.app(), e.store(), Map.of()).table();
            checks.replaceAll(c -> fromTheFile(c, notes, table));
        }
        Instant now = clock.instant();
        if (ran) {
            checks.addAll(GivingUp.of(e.store(), checks, now));
            if (e.get("max_silence") instanceof Duration silence) {
                List<Liveness.Source> sources = new ArrayList<>(Liveness.fromChecks(e.store(), checks));
                Receiver r = e.get("receiver") == null ? null : receivers.get(String.valueOf(e.get("receiver")));
                if (r != null) {
                    sources.add(r.source(e, checks));
                }
                checks.add(Liveness.judge(e.store(), silence, now, sources, waiting(checks)));
            }
        }
        // what stopped a check counts even when --skip leaves the check out (a false green is worse than noise);
        // findings count only from the checks kept
        for (Check c : checks) {
            if (c.cause() != null) {
                code = ExitCode.worst(code, c.cause().exitCode());
            }
        }
        List<StoreResult.Item> kept = checks.stream().filter(c -> o.filter().keeps(c.id()))
            .map(c -> StoreResult.Item.of(e.app(), e.store(), c)).toList();
        if (kept.stream().anyMatch(c -> c.status() == Check.Status.FAIL) || !ran && code == ExitCode.OK
            || o.failOnWarn() && kept.stream().anyMatch(c -> c.status() == Check.Status.WARN)) {
            code = ExitCode.worst(code, ExitCode.FINDINGS);
        }
        return new StoreResult(e.store(), target, code == ExitCode.OK, code,
            Duration.between(start, clock.instant()).toMillis(), notes, kept, e.app(), e.at().line());
    }

    /**
     * A check that missing credentials or a missing value stopped, when the file left a value out: its fix says which,
     * unless the store's command named it already ({@code core.Inputs}: its words then name {@code table}); otherwise
     * that command's fix names its option or environment variable, which a run over the file does not read.
     */
    private Check fromTheFile(Check c, List<String> notes, String table) {
        if (c.cause() != Check.Cause.CREDENTIALS && c.cause() != Check.Cause.USAGE || c.status() == Check.Status.PASS
            || c.summary().contains(table)) {
            return c;
        }
        String fix = config.shownName() + " leaves a value out: " + String.join("; ", notes) + " (a run over the file"
            + " reads only the file's values" + (c.fix() == null ? ")" : "; the command alone would say: " + c.fix() + ")");
        return new Check(c.id(), c.status(), c.summary(), fix, c.details(), c.cause());
    }

    private static Duration waiting(List<Check> checks) {
        return checks.stream().filter(c -> c.id().equals("google.deliveries")).findFirst()
            .map(c -> c.details().get("oldest_unacked_age_seconds"))
            .map(v -> v instanceof Number n && n.longValue() > 0 ? Duration.ofSeconds(n.longValue()) : null)
            .orElse(null);
    }

    private static String target(StoreEntry e) {
        // Google's is its topic (its url, formerly push_url, is where the topic pushes)
        for (String key : e.store().equals("google") ? List.of("topic") : List.of("url", "bundle_id", "topic")) {
            if (e.get(key) != null) {
                return String.valueOf(e.get(key));
            }
        }
        return null;
    }

    /** The store command's stderr: warnings always, everything with --verbose; each line labelled app/store. */
    private void forward(StoreEntry e, String err, boolean verbose) {
        for (String line : err.split("\r?\n")) {
            String plain = line.replaceAll("\u001b\\[[0-9;]*m", "");
            if (!plain.isBlank() && (verbose || plain.startsWith("warning:"))) {
                stderr.accept(e.app() + "/" + e.store() + ": " + Secrets.scrub(plain));
            }
        }
    }

    /** Every receiver named in the file, read once before any check sends it anything. */
    private Map<String, Receiver> readReceivers(List<StoreEntry> entries) {
        Map<String, Receiver> out = new LinkedHashMap<>();
        for (StoreEntry e : entries) {
            Object url = e.get("receiver");
            if (url != null && e.get("max_silence") != null) {
                out.computeIfAbsent(String.valueOf(url), this::readReceiver);
            }
        }
        return out;
    }

    private Receiver readReceiver(String url) {
        HttpUrl base = HttpUrl.parse(url);
        try {
            var result = StatusReader.fromReceiver(probe, Objects.requireNonNull(base), clock.instant());
            return new Receiver(base, result.stores(), null);
        } catch (NotifException | IllegalArgumentException e) {
            return new Receiver(base, Map.of(), Secrets.scrub(e.getMessage()));
        }
    }

    /** A receiver's /status as read before the checks ran, or why it could not be read. */
    record Receiver(HttpUrl base, Map<String, StoreStatus> stores, String unreadable) {
        Liveness.Source source(StoreEntry e, List<Check> checks) {
            String name = "the receiver " + base;
            if (unreadable != null) {
                return Liveness.Source.unreadable(name, unreadable);
            }
            StoreStatus s = stores.get(e.store());
            if (s == null || s.lastReceivedAt() == null) {
                return new Liveness.Source(name, null, null, null, null);
            }
            String probed = ownProbe(e, s, checks);
            if (probed != null) {
                return Liveness.Source.unreadable(name, probed);
            }
            return new Liveness.Source(name, s.lastReceivedAt(), s.lastType() == null ? null : s.lastType()
                + (s.lastId() == null ? "" : " " + s.lastId()), null, null);
        }

        /** Why this receiver's newest delivery may be one of notif's own probes, or null when it cannot be. */
        private String ownProbe(StoreEntry e, StoreStatus s, List<Check> checks) {
            if ("apple".equals(e.store()) && "TEST".equals(s.lastType())) {
                return "its newest accepted delivery is a TEST notification (notif check apple asks Apple for one on"
                    + " every run), so it cannot show silence";
            }
            HttpUrl url = e.get("url") == null ? null : HttpUrl.parse(String.valueOf(e.get("url")));
            boolean same = url != null && url.host().equalsIgnoreCase(base.host()) && url.port() == base.port();
            String probe = switch (e.store()) {
                case "stripe" -> "stripe.secret.accepted";
                case "amazon" -> "amazon.notification.answered";
                default -> null;
            };
            boolean accepted = probe != null && checks.stream().anyMatch(c -> c.id().equals(probe)
                && c.status() == Check.Status.PASS);
            return same && accepted ? "notif's own probe delivery (" + probe + ") is accepted there, so its"
                + " last_received_at cannot show silence" : null;
        }
    }
}
