package dev.notif.fleet;

import dev.notif.config.Durations;
import dev.notif.output.Check;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code <store>.liveness}: the newest evidence of a delivery, from the store's own history (Stripe's Events API,
 * Apple's notification history, Google's push metrics) and a notif receiver's {@code /status}, against
 * {@code max_silence}. A pure judgement: when no source can be read, or the sources cover less time than
 * max_silence and saw nothing, it says it could not tell rather than pass.
 */
public final class Liveness {
    public static final String SUFFIX = ".liveness";

    /**
     * One source: the newest delivery it saw ({@code last}, null: none) within {@code window} (null: as far back as it
     * keeps), or why it could not be read ({@code unreadable}). {@code what} names the delivery (an event id).
     */
    public record Source(String name, Instant last, String what, Duration window, String unreadable) {
        static Source unreadable(String name, String why) {
            return new Source(name, null, null, null, why);
        }

        boolean readable() {
            return unreadable == null;
        }
    }

    private Liveness() {
    }

    /** The evidence the store's own checks carry in their details ({@code last_delivered_at}, {@code window_days}). */
    public static List<Source> fromChecks(String store, List<Check> checks) {
        List<Source> sources = new ArrayList<>();
        switch (store) {
            case "stripe" -> checks.stream().filter(c -> c.id().equals("stripe.deliveries")).findFirst()
                .ifPresent(c -> sources.add(source("Stripe's Events API", c, "last_delivered_at",
                    "last_delivered_event")));
            case "apple" -> {
                List<Check> history = checks.stream().filter(c -> c.id().equals("apple.history")).toList();
                boolean production = history.stream().anyMatch(c -> "production".equals(c.details().get("environment")));
                for (Check c : history) {
                    Object env = c.details().get("environment");
                    if (!production || "production".equals(env)) {
                        String field = c.details().containsKey("last_non_test_delivered_at") ? "last_non_test_delivered_at"
                            : "last_delivered_at";
                        sources.add(source("Apple's notification history (" + env + ")", c, field, null));
                    }
                }
            }
            case "google" -> checks.stream().filter(c -> c.id().equals("google.deliveries")).findFirst()
                .ifPresent(c -> sources.add(source("Cloud Monitoring push metrics", c, "last_delivered_at",
                    "subscription")));
            default -> {
            }
        }
        return sources;
    }

    private static Source source(String name, Check c, String field, String whatField) {
        if (c.status() == Check.Status.SKIP) {
            return Source.unreadable(name, c.summary());
        }
        Object days = c.details().get("window_days");
        Duration window = days instanceof Number n ? Duration.ofDays(n.longValue()) : null;
        Object what = whatField == null ? null : c.details().get(whatField);
        return new Source(name, instant(c.details().get(field)), what == null ? null : String.valueOf(what), window, null);
    }

    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(String.valueOf(value));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * @param oldestWaiting how long the oldest message has waited unacknowledged (Pub/Sub), or null
     */
    public static Check judge(String store, Duration maxSilence, Instant now, List<Source> sources,
                              Duration oldestWaiting) {
        String id = store + SUFFIX;
        String limit = "max_silence " + Durations.human(maxSilence);
        Source newest = null;
        for (Source s : sources) {
            if (s.readable() && s.last() != null && (newest == null || s.last().isAfter(newest.last()))) {
                newest = s;
            }
        }
        List<Source> readable = sources.stream().filter(Source::readable).toList();
        String fix = "find why deliveries stopped (the checks above name the causes; notif status shows what a"
            + " receiver got); if the app simply sold and renewed nothing in that time, raise max_silence";
        Check check;
        if (oldestWaiting != null && oldestWaiting.compareTo(maxSilence) > 0) {
            check = Check.fail(id, "a notification has waited " + Durations.human(oldestWaiting) + " without being"
                + " acknowledged (" + limit + "): deliveries are stuck", fix);
        } else if (newest != null) {
            Duration age = Duration.between(newest.last(), now);
            String seen = newest.name() + (newest.what() == null ? "" : ", " + newest.what()) + " at " + newest.last();
            check = age.compareTo(maxSilence) > 0
                ? Check.fail(id, "no delivery for " + Durations.human(age) + " (" + limit + "); the newest evidence: "
                    + seen, fix)
                : Check.pass(id, "last delivery " + Durations.human(age) + " ago, within " + limit + " (" + seen + ")");
        } else if (readable.stream().anyMatch(s -> s.window() == null || s.window().compareTo(maxSilence) >= 0)) {
            check = Check.fail(id, "no delivery at all in what " + names(readable) + (readable.size() == 1 ? " shows"
                : " show") + windows(readable) + " (" + limit + ")", fix);
        } else if (!readable.isEmpty()) {
            check = Check.skip(id, "could not tell: " + names(readable) + " saw no delivery, but cover only"
                + windows(readable) + ", less than " + limit);
        } else if (!sources.isEmpty()) {
            check = Check.skip(id, "could not tell: " + String.join("; ", sources.stream()
                .map(s -> s.name() + ": " + s.unreadable()).toList()));
        } else {
            check = Check.warn(id, "could not tell: " + store + " keeps no delivery history notif can read, and no"
                + " receiver is set", "set receiver = \"http://HOST:8085\" (a notif listen receiver that gets this"
                + " store's notifications) in [app." + store + "], or remove max_silence there");
        }
        Map<String, Object> listed = new LinkedHashMap<>();
        for (Source s : sources) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("last_delivered_at", s.last() == null ? null : s.last().toString());
            m.put("window_days", s.window() == null ? null : s.window().toDays());
            m.put("unreadable", s.unreadable());
            listed.put(s.name(), m);
        }
        return check.detail("max_silence", Durations.human(maxSilence))
            .detail("last_delivered_at", newest == null ? null : newest.last().toString())
            .detail("source", newest == null ? null : newest.name())
            .detail("oldest_unacked_age_seconds", oldestWaiting == null ? null : oldestWaiting.toSeconds())
            .detail("sources", listed);
    }

    private static String names(List<Source> sources) {
        return String.join(" and ", sources.stream().map(Source::name).toList());
    }

    private static String windows(List<Source> sources) {
        List<String> w = sources.stream().filter(s -> s.window() != null).map(s -> Durations.human(s.window())).toList();
        return w.isEmpty() ? "" : " (the last " + String.join(", ", w) + ")";
    }
}
