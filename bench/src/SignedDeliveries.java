import dev.notif.core.Json;
import dev.notif.stripe.StripeEventBuilder;
import dev.notif.stripe.StripeSignature;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Writes N Stripe deliveries, each a distinct event signed with SECRET at the current time, one per line as
 * "Stripe-Signature value TAB compact JSON body", for the load generator to send in turn.
 * Usage: SignedDeliveries SECRET N FILE
 */
public final class SignedDeliveries {
    public static void main(String[] args) throws Exception {
        String secret = args[0];
        int n = Integer.parseInt(args[1]);
        long now = Instant.now().getEpochSecond();
        String[] types = {"customer.subscription.updated", "invoice.updated", "charge.refunded",
            "customer.subscription.deleted"};
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[2]), StandardCharsets.UTF_8)) {
            for (int i = 0; i < n; i++) {
                var options = new StripeEventBuilder.Options(types[i % types.length], null, null, false,
                    Instant.ofEpochSecond(now), null);
                byte[] body = Json.compact(StripeEventBuilder.build(options)).getBytes(StandardCharsets.UTF_8);
                out.write(StripeSignature.header(secret, now, body));
                out.write('\t');
                out.write(new String(body, StandardCharsets.UTF_8));
                out.write('\n');
            }
        }
    }
}
