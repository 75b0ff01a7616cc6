import dev.notif.testing.FakeStripe;

/**
 * The Stripe API on loopback for the set-up benchmarks: the stateful fake the tests use (webhook endpoints,
 * events, the account, idempotency). Prints its API base on the first line, then serves until stdin closes.
 */
public final class StripeStandIn {
    public static void main(String[] args) throws Exception {
        try (FakeStripe stripe = new FakeStripe()) {
            System.out.println(stripe.apiBase());
            System.out.flush();
            while (System.in.read() >= 0) {
                // serve until the benchmark closes our stdin
            }
        }
    }
}
