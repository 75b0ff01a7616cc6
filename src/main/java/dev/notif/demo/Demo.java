package dev.notif.demo;

import dev.notif.core.Context;
import dev.notif.core.Http;
import dev.notif.core.Json;
import dev.notif.core.Secrets;
import dev.notif.listen.Receiver;
import dev.notif.listen.StatusDocument;
import dev.notif.listen.StoreRoute;
import dev.notif.probe.HttpProbe;
import dev.notif.probe.Outcome;
import dev.notif.probe.Sender;
import dev.notif.probe.Verdict;
import dev.notif.stripe.StripeDelivery;
import dev.notif.stripe.StripeEventBuilder;
import dev.notif.stripe.StripeEvents;
import dev.notif.stripe.StripeRoute;
import dev.notif.stripe.StripeSecret;
import dev.notif.stripe.StripeVerdicts;
import dev.notif.stripe.StripeSignature;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The main job in one offline run: a receiver on a free loopback port behaving like the ingestion service, every
 * accepted Stripe event signed the way Stripe signs it, one delivery with a wrong secret and one unsupported event,
 * each judged by the same classifier {@code send stripe} uses; then one renewal from each app store (see
 * {@link AppStoreSteps}); then the last-received table read from GET /status.
 */
public final class Demo {
    /** One planned delivery and the verdict it should get. */
    record Step(String eventType, boolean rightSecret, String expected) {
    }

    static final String UNSUPPORTED = "invoice.paid";

    private Demo() {
    }

    static List<Step> plan() {
        List<Step> steps = new ArrayList<>();
        for (String type : StripeEvents.allowed(true)) {
            steps.add(new Step(type, true, Verdict.ACCEPTED));
        }
        steps.add(new Step(StripeEvents.DEFAULT_TYPE, false, Verdict.SIGNATURE_REJECTED));
        steps.add(new Step(UNSUPPORTED, true, Verdict.EVENT_REJECTED));
        return steps;
    }

    public static DemoResult run(Context ctx, Path dataDir, Duration timeout, boolean withStores) throws IOException {
        String secret = StripeSecret.generate();
        HttpProbe probe = new HttpProbe(Http.client(timeout));
        List<StoreRoute> routes = new ArrayList<>();
        routes.add(new StripeRoute(List.of(secret), true, StripeSignature.DEFAULT_TOLERANCE_SECONDS));
        try (AppStoreSteps stores = withStores ? new AppStoreSteps(dataDir.resolve("signers"), ctx.clock()) : null) {
            if (stores != null) {
                routes.addAll(stores.routes(probe));
            }
            try (Receiver receiver = Receiver.start(new Receiver.Config("127.0.0.1", 0, dataDir.resolve("receiver"),
                Receiver.DEFAULT_MAX_BODY, routes, ctx.clock(), null))) {
                String url = receiver.baseUrl() + "/stripe";
                Sender sender = new Sender(probe);
                List<DemoResult.Delivery> deliveries = new ArrayList<>();
                for (Step step : plan()) {
                    String key = step.rightSecret() ? secret : StripeSecret.generate();
                    var event = StripeEventBuilder.build(new StripeEventBuilder.Options(step.eventType(), null, null,
                        false, ctx.clock().instant(), null));
                    var sent = sender.send(StripeDelivery.of(url, key, event, ctx.clock().instant().getEpochSecond()),
                        StripeVerdicts.CLASSIFIER);
                    deliveries.add(DemoResult.Delivery.of("stripe", step.eventType(),
                        step.rightSecret() ? "right secret" : "wrong secret", step.expected(), sent));
                }
                if (stores != null) {
                    deliveries.addAll(stores.send(receiver.baseUrl(), sender));
                }
                Outcome status = probe.get(receiver.baseUrl() + "/status", Map.of());
                var table = status.status() != null && status.status() == 200
                    ? StatusDocument.parse(Json.parseOrNull(status.body()))
                    : receiver.status();
                boolean ok = deliveries.stream().allMatch(DemoResult.Delivery::asExpected);
                return new DemoResult(ok, receiver.baseUrl(), Secrets.redact(secret), ctx.clock().instant(), deliveries,
                    table);
            }
        }
    }
}
