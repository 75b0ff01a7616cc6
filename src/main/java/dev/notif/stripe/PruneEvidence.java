package dev.notif.stripe;

import dev.notif.output.Check;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Which endpoint {@code setup stripe --prune} keeps when the user did not name one: the one whose signing secret the
 * backend holds, as the differential probe ({@link StripeSecretProbe#confirm}) shows it, never a guess. A secret
 * links to an endpoint only through what notif saved when Stripe showed it ({@link SavedSecrets}: Stripe never
 * shows it again), so the probe tries the given secret ({@code --secret}) and the saved secrets of the candidates.
 * When that settles nothing (no secret, no answer, a secret no candidate is known to sign with, two accepted), the
 * decision says what could not be told and the candidates are kept.
 */
public final class PruneEvidence {
    /** The endpoint to keep and why; or, with {@code keep} null, what could not be told. */
    public record Decision(String keep, String why) {
    }

    private final StripeSecretProbe probe;
    private final Path configDir;
    private final Clock clock;
    private final Consumer<String> progress;

    public PruneEvidence(StripeSecretProbe probe, Path configDir, Clock clock, Consumer<String> progress) {
        this.probe = probe;
        this.configDir = configDir;
        this.clock = clock;
        this.progress = progress;
    }

    public Decision decide(String url, List<StripeEndpoint> candidates, String given, boolean livemode) {
        Map<String, String> saved = new LinkedHashMap<>();
        for (StripeEndpoint e : candidates) {
            String s = SavedSecrets.find(configDir, e.id(), progress);
            if (s != null) {
                saved.put(e.id(), s);
            }
        }
        List<String> told = new ArrayList<>();
        if (given != null) {
            String owner = ownerOf(saved, given);
            progress.accept("probing " + url + " with the given secret (two deliveries: it and a random one)");
            Check c = probe.confirm(url, given, null, null, livemode, clock.instant());
            if (StripeSecretProbe.confirmed(c)) {
                if (owner != null) {
                    return new Decision(owner, "the backend holds its signing secret, the one given (" + c.summary()
                        + ")");
                }
                told.add("the backend holds the given secret, but none of " + ids(candidates) + " is known to sign with"
                    + " it (Stripe shows an endpoint's secret only at its creation; notif knows the ones it saved)");
            } else {
                told.add("the given secret: " + c.summary());
            }
            saved.values().removeIf(given::equals);
        }
        List<String> accepted = new ArrayList<>();
        for (Map.Entry<String, String> e : saved.entrySet()) {
            progress.accept("probing " + url + " with the saved secret of " + e.getKey());
            Check c = probe.confirm(url, e.getValue(), null, null, livemode, clock.instant());
            if (StripeSecretProbe.confirmed(c)) {
                accepted.add(e.getKey());
            } else {
                told.add("the saved secret of " + e.getKey() + ": " + c.summary());
            }
        }
        if (accepted.size() == 1 && told.stream().noneMatch(t -> t.startsWith("the backend holds"))) {
            return new Decision(accepted.get(0), "the backend holds its signing secret (saved by notif at its creation)");
        }
        if (accepted.size() > 1) {
            told.add("the backend accepts the secrets of " + String.join(" and ", accepted) + " alike");
        }
        if (given == null && saved.isEmpty()) {
            told.add("no secret to probe with: neither --secret nor a secret notif saved for " + ids(candidates));
        }
        return new Decision(null, String.join("; ", told));
    }

    private static String ownerOf(Map<String, String> saved, String secret) {
        return saved.entrySet().stream().filter(e -> e.getValue().equals(secret)).map(Map.Entry::getKey).findFirst()
            .orElse(null);
    }

    private static String ids(List<StripeEndpoint> candidates) {
        return String.join(", ", candidates.stream().map(StripeEndpoint::id).toList());
    }
}
