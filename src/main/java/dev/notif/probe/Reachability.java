package dev.notif.probe;

import dev.notif.output.Check;
import java.util.Locale;
import java.util.function.Function;

/**
 * {@code <store>.endpoint.reachable}, the same for every store: no HTTP answer fails with the network cause
 * ({@code details.failure}: dns, refused, no_route, timeout, tls, reset, other), a redirect fails
 * ({@code details.location}), and any other answer is judged by the store; every such check carries
 * {@code details.http_status}, {@code latency_ms} and {@code body} (its start, scrubbed), null when there was no
 * answer.
 */
public final class Reachability {
    private Reachability() {
    }

    /** {@code who} names the sender in causes and fixes; {@code answered} judges an answer that is not a redirect. */
    public static Check check(String id, String who, Outcome o, Function<Outcome, Check> answered) {
        Check c;
        if (!o.answered()) {
            Verdict v = NetworkVerdicts.of(o.failure(), who);
            c = Check.fail(id, v.cause(), v.fix()).detail("failure", o.failure().kind().name().toLowerCase(Locale.ROOT));
        } else if (o.status() >= 300 && o.status() < 400) {
            Verdict v = NetworkVerdicts.redirect(o.status(), o.header("location"), who);
            c = Check.fail(id, v.cause(), v.fix()).detail("location", o.header("location"));
        } else {
            c = answered.apply(o);
        }
        return c.detail("http_status", o.status()).detail("latency_ms", o.latencyMs()).detail("body", o.shownBody());
    }
}
