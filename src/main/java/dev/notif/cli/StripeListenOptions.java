package dev.notif.cli;

import dev.notif.core.NotifException;
import dev.notif.core.SecretFiles;
import dev.notif.core.Secrets;
import dev.notif.listen.ListenSetup;
import dev.notif.listen.RouteOptions;
import dev.notif.listen.StoreRoute;
import dev.notif.stripe.StripeInputs;
import dev.notif.stripe.StripeRoute;
import dev.notif.stripe.StripeSecret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The Stripe options of {@code notif listen} and the {@code POST /stripe} route they build. */
public class StripeListenOptions implements RouteOptions {
    static final String GENERATED_SECRET_FILE = "stripe-webhook-secret";

    @Option(names = "--stripe-secret", paramLabel = "SECRET",
        description = "Signing secret(s) to verify Stripe-Signature with; repeat during a rotation."
            + " Default: $STRIPE_WEBHOOK_SECRET, else a secret generated once and kept in the data directory.")
    List<String> secrets = new ArrayList<>();

    @Option(names = "--stripe-secret-file", paramLabel = "FILE", description = "Read the signing secret from FILE.")
    Path secretFile;

    @Option(names = "--track-new-purchases",
        description = "Also accept customer.subscription.created and checkout.session.completed.")
    boolean trackNewPurchases;

    @Option(names = "--stripe-tolerance", paramLabel = "SECONDS", defaultValue = "300",
        description = "Oldest signature timestamp accepted, in seconds (default: ${DEFAULT-VALUE}).")
    long toleranceSeconds;

    @Override
    public StoreRoute route(ListenSetup setup) {
        if (toleranceSeconds < 0) {
            throw NotifException.usage("--stripe-tolerance must be 0 or more seconds", "the default is 300");
        }
        List<String> all = new ArrayList<>(secrets);
        if (secretFile != null) {
            all.add(SecretFiles.read(secretFile));
        }
        if (all.isEmpty() && setup.ctx().env("STRIPE_WEBHOOK_SECRET") != null) {
            all.add(setup.ctx().env("STRIPE_WEBHOOK_SECRET"));
        }
        if (all.isEmpty()) {
            all.add(generatedSecret(setup));
        }
        for (String s : all) {
            StripeInputs.secret("--stripe-secret", s);
        }
        return new StripeRoute(all, trackNewPurchases, toleranceSeconds);
    }

    /** A secret made once per data directory and kept there (0600), so restarts keep accepting the same sender. */
    private static String generatedSecret(ListenSetup setup) {
        Path file = generatedSecretFile(setup.dataDir());
        String secret;
        if (Files.exists(file)) {
            secret = SecretFiles.read(file);
        } else {
            secret = StripeSecret.generate();
            SecretFiles.write(file, secret + "\n");
        }
        Secrets.remember(secret);
        setup.notice().accept("Stripe signing secret " + Secrets.redact(secret) + " (generated; whole in " + file
            + "; notif send stripe to this receiver uses it when given no secret, elsewhere --secret-file " + file
            + ")");
        return secret;
    }

    /** Where a receiver whose data directory is {@code dataDir} keeps the Stripe secret it generated. */
    static Path generatedSecretFile(Path dataDir) {
        return dataDir.resolve(GENERATED_SECRET_FILE);
    }

}
