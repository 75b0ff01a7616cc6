package dev.notif.probe;

/**
 * How a store's answer is judged, the same way for every store: no HTTP answer, then 2xx, 3xx (no store follows
 * redirects), 5xx and finally 4xx. A store supplies what differs: its name in causes and fixes, its words for an
 * accepted delivery and for a server error (what the store does next), and its {@link #rejected} rules; a store
 * whose network failures say more may refine {@link #noAnswer}. A pure function of what was sent and what came back.
 *
 * @param <D> what was sent, as far as the judgement needs it (usually the store's {@link Delivery})
 */
public abstract class Classifier<D> {
    private final String who;

    /** {@code who} names the sender in causes and fixes ("Stripe", "Apple", "Amazon SNS"). */
    protected Classifier(String who) {
        this.who = who;
    }

    public final String who() {
        return who;
    }

    public final Verdict classify(D sent, Outcome outcome) {
        if (!outcome.answered()) {
            return noAnswer(sent, outcome.failure());
        }
        int status = outcome.status();
        if (status >= 200 && status < 300) {
            return accepted(sent, status);
        }
        if (status >= 300 && status < 400) {
            return NetworkVerdicts.redirect(status, outcome.header("location"), who);
        }
        if (status >= 500) {
            return serverError(sent, status);
        }
        return rejected(sent, status, NetworkVerdicts.saysNothing(outcome.body()) ? "" : outcome.body());
    }

    /** The request got no HTTP answer at all. */
    protected Verdict noAnswer(D sent, Outcome.Failure failure) {
        return NetworkVerdicts.of(failure, who);
    }

    /** A 2xx: the store counts the delivery as delivered; the verdict says what that does and does not prove. */
    protected abstract Verdict accepted(D sent, int status);

    /** A 5xx: what the store does next (retries, drops). */
    protected abstract Verdict serverError(D sent, int status);

    /**
     * Any other status (a 4xx): the store's rules, from the status and the body; the body is empty when it only
     * repeats a status line ({@link NetworkVerdicts#saysNothing}).
     */
    protected abstract Verdict rejected(D sent, int status, String body);
}
