package dev.notif.apple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.notif.core.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Builds App Store Server Notifications as Apple sends them, with realistic transaction and renewal data: V2
 * ({@code {"signedPayload": JWS}}, the payload and its signedTransactionInfo/signedRenewalInfo signed ES256 by
 * {@link AppleTestChain}) and V1 (a statusUpdateNotification JSON body carrying the shared secret as
 * {@code password}).
 */
public final class AppleNotificationBuilder {
    static final Duration PERIOD = Duration.ofDays(30);
    private static final Set<String> NO_RENEWAL_INFO = Set.of("TEST", "ONE_TIME_CHARGE", "CONSUMPTION_REQUEST");
    /** Types whose payload has no data object: appData, summary or externalPurchaseToken stands in its place. */
    private static final Set<String> NOT_DATA = Set.of("RESCIND_CONSENT", "RENEWAL_EXTENSION", "EXTERNAL_PURCHASE_TOKEN");
    private static final DateTimeFormatter V1_DATE =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'Etc/GMT'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter V1_DATE_PST =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'America/Los_Angeles'").withZone(ZoneOffset.ofHours(-8));

    private AppleNotificationBuilder() {
    }

    /** What to put in the notification; null ids are generated. */
    /**
     * {@code commitment}: a monthly subscription with a 12-month commitment (Apple's 2026 fields billingPlanType,
     * commitmentInfo, renewalBillingPlanType) in the transaction and renewal info.
     */
    public record Options(String bundleId, AppleEnvironment environment, Long appAppleId, String productId,
                          String originalTransactionId, String transactionId, Instant now, boolean commitment) {
        public Options(String bundleId, AppleEnvironment environment, Long appAppleId, String productId,
                       String originalTransactionId, String transactionId, Instant now) {
            this(bundleId, environment, appAppleId, productId, originalTransactionId, transactionId, now, false);
        }

        String product() {
            return productId != null ? productId : bundleId + ".premium.monthly";
        }

        /** Apple includes appAppleId in production; sandbox payloads carry it only when given. */
        Long appId() {
            return appAppleId != null ? appAppleId : environment == AppleEnvironment.PRODUCTION ? 1234567890L : null;
        }
    }

    /** One notification ready to POST: its exact body, and what it says (decoded) for the report. */
    public record Notification(String version, String type, String subtype, String notificationUuid,
                               AppleEnvironment environment, String bundleId, String originalTransactionId,
                               byte[] body, JsonNode decoded) {
        public static final String CONTENT_TYPE = "application/json";
    }

    public static Notification v2(AppleNotificationTypes.V2Type t, Options o, AppleTestChain chain) {
        String uuid = UUID.randomUUID().toString();
        ObjectNode header = Json.object().put("alg", "ES256");
        ArrayNode x5c = header.putArray("x5c");
        chain.x5c().forEach(x5c::add);

        ObjectNode payload = Json.object().put("notificationType", t.type());
        if (t.subtype() != null) {
            payload.put("subtype", t.subtype());
        }
        payload.put("notificationUUID", uuid);
        if (NOT_DATA.contains(t.type())) {
            String original = notData(t, o, payload, header, chain);
            return finish(t, o, payload, header, chain, uuid, original);
        }
        ObjectNode data = payload.putObject("data");
        if (o.appId() != null) {
            data.put("appAppleId", o.appId());
        }
        data.put("bundleId", o.bundleId());
        String original = null;
        if (!t.type().equals("TEST")) {
            data.put("bundleVersion", "1.0");
        }
        data.put("environment", o.environment().appleName());
        if (!t.type().equals("TEST")) {
            Ids ids = ids(t.type(), t.subtype(), o);
            original = ids.original();
            data.put("signedTransactionInfo", Jws.sign(header, transaction(t, o, ids), chain.leafKey()));
            if (!NO_RENEWAL_INFO.contains(t.type())) {
                data.put("signedRenewalInfo", Jws.sign(header, renewal(t, o, ids), chain.leafKey()));
                data.put("status", status(t));
            }
        }
        return finish(t, o, payload, header, chain, uuid, original);
    }

    private static Notification finish(AppleNotificationTypes.V2Type t, Options o, ObjectNode payload,
                                       ObjectNode header, AppleTestChain chain, String uuid, String original) {
        payload.put("version", "2.0");
        payload.put("signedDate", o.now().toEpochMilli());
        String jws = Jws.sign(header, payload, chain.leafKey());
        byte[] body = Json.compact(Json.object().put("signedPayload", jws)).getBytes(StandardCharsets.UTF_8);
        return new Notification("V2", t.type(), t.subtype(), uuid, o.environment(), o.bundleId(), original, body,
            payload);
    }

    /**
     * The payloads without data, as Apple's reference and library show them: RESCIND_CONSENT's appData (with a
     * signed app transaction), RENEWAL_EXTENSION's summary, EXTERNAL_PURCHASE_TOKEN's externalPurchaseToken (its id
     * starts with SANDBOX in sandbox). Returns the original transaction id, if any.
     */
    private static String notData(AppleNotificationTypes.V2Type t, Options o, ObjectNode payload, ObjectNode header,
                                  AppleTestChain chain) {
        switch (t.type()) {
            case "RESCIND_CONSENT" -> {
                ObjectNode app = payload.putObject("appData");
                if (o.appId() != null) {
                    app.put("appAppleId", o.appId());
                }
                app.put("bundleId", o.bundleId()).put("environment", o.environment().appleName());
                String original = o.originalTransactionId() != null ? o.originalTransactionId() : transactionId();
                ObjectNode appTx = Json.object().put("receiptType", o.environment().appleName())
                    .put("bundleId", o.bundleId()).put("applicationVersion", "1").put("originalApplicationVersion", "1")
                    .put("receiptCreationDate", o.now().toEpochMilli()).put("originalPurchaseDate",
                        o.now().minus(PERIOD.multipliedBy(6)).toEpochMilli())
                    .put("appTransactionId", "70" + original).put("originalPlatform", "iOS");
                if (o.appId() != null) {
                    appTx.put("appAppleId", o.appId());
                }
                app.put("signedAppTransactionInfo", Jws.sign(header, appTx, chain.leafKey()));
                return null;
            }
            case "RENEWAL_EXTENSION" -> {
                ObjectNode summary = payload.putObject("summary");
                summary.put("requestIdentifier", UUID.randomUUID().toString())
                    .put("environment", o.environment().appleName());
                if (o.appId() != null) {
                    summary.put("appAppleId", o.appId());
                }
                summary.put("bundleId", o.bundleId()).put("productId", o.product());
                summary.putArray("storefrontCountryCodes").add("USA").add("CAN");
                boolean failure = "FAILURE".equals(t.subtype());
                summary.put("succeededCount", failure ? 0 : 12).put("failedCount", failure ? 12 : 0);
                return null;
            }
            default -> {
                ObjectNode token = payload.putObject("externalPurchaseToken");
                String id = UUID.randomUUID().toString();
                token.put("externalPurchaseId", o.environment() == AppleEnvironment.SANDBOX ? "SANDBOX_" + id : id)
                    .put("tokenCreationDate", o.now().minus(Duration.ofDays(1)).toEpochMilli())
                    .put("appAppleId", o.appAppleId() != null ? o.appAppleId() : 1234567890L)
                    .put("bundleId", o.bundleId());
                return null;
            }
        }
    }

    /** A V1 statusUpdateNotification; {@code password} is the app-specific shared secret the receiver checks. */
    public static Notification v1(String type, String password, Options o) {
        Ids ids = ids(type, null, o);
        Instant purchase = purchaseDate(type, o.now());
        Instant expires = purchase.plus(PERIOD);
        boolean autoRenew = !type.equals("CANCEL") && !type.equals("REFUND") && !type.equals("REVOKE")
            && !type.equals("DID_CHANGE_RENEWAL_STATUS");
        String env = o.environment() == AppleEnvironment.PRODUCTION ? "PROD" : "Sandbox";

        ObjectNode info = Json.object();
        info.put("quantity", "1").put("product_id", o.product()).put("transaction_id", ids.transaction())
            .put("original_transaction_id", ids.original())
            .put("purchase_date", V1_DATE.format(purchase)).put("purchase_date_ms", ms(purchase))
            .put("purchase_date_pst", V1_DATE_PST.format(purchase))
            .put("original_purchase_date", V1_DATE.format(ids.originalPurchase()))
            .put("original_purchase_date_ms", ms(ids.originalPurchase()))
            .put("original_purchase_date_pst", V1_DATE_PST.format(ids.originalPurchase()))
            .put("expires_date", V1_DATE.format(expires)).put("expires_date_ms", ms(expires))
            .put("expires_date_pst", V1_DATE_PST.format(expires))
            .put("web_order_line_item_id", ids.webOrderLineItem()).put("is_trial_period", "false")
            .put("is_in_intro_offer_period", "false").put("in_app_ownership_type", "PURCHASED")
            .put("subscription_group_identifier", "21482231");
        if (type.equals("REFUND") || type.equals("REVOKE")) {
            info.put("cancellation_date", V1_DATE.format(o.now())).put("cancellation_date_ms", ms(o.now()))
                .put("cancellation_date_pst", V1_DATE_PST.format(o.now())).put("cancellation_reason", "0");
        }
        ObjectNode pending = Json.object().put("auto_renew_product_id", o.product())
            .put("auto_renew_status", autoRenew ? "1" : "0").put("original_transaction_id", ids.original())
            .put("product_id", o.product());
        if (type.equals("DID_FAIL_TO_RENEW")) {
            pending.put("is_in_billing_retry_period", "1").put("expiration_intent", "2");
        }

        ObjectNode body = Json.object();
        body.put("notification_type", type);
        body.put("password", password);
        body.put("environment", env);
        body.put("auto_renew_status", String.valueOf(autoRenew));
        body.put("auto_renew_product_id", o.product());
        if (type.equals("DID_CHANGE_RENEWAL_STATUS")) {
            body.put("auto_renew_status_change_date", V1_DATE.format(o.now()))
                .put("auto_renew_status_change_date_ms", ms(o.now()))
                .put("auto_renew_status_change_date_pst", V1_DATE_PST.format(o.now()));
        }
        body.put("bid", o.bundleId());
        body.put("bvrs", "1.0");
        body.put("original_transaction_id", ids.original());
        ObjectNode receipt = body.putObject("unified_receipt");
        receipt.put("environment", env);
        // not a receipt Apple signed: verifyReceipt refuses it, as it should
        receipt.put("latest_receipt", Base64.getEncoder().encodeToString(
            ("notif test receipt, not signed by Apple: " + ids.original()).getBytes(StandardCharsets.UTF_8)));
        receipt.putArray("latest_receipt_info").add(info);
        receipt.putArray("pending_renewal_info").add(pending);
        receipt.put("status", 0);
        byte[] bytes = Json.pretty(body).getBytes(StandardCharsets.UTF_8);
        return new Notification("V1", type, null, null, o.environment(), o.bundleId(), ids.original(), bytes, body);
    }

    /** The identifiers and dates shared by the transaction and the renewal info. */
    record Ids(String original, String transaction, String webOrderLineItem, Instant originalPurchase) {
    }

    private static Ids ids(String type, String subtype, Options o) {
        String original = o.originalTransactionId() != null ? o.originalTransactionId() : transactionId();
        boolean first = (type.equals("SUBSCRIBED") || type.equals("INITIAL_BUY")) && !"RESUBSCRIBE".equals(subtype);
        String transaction = o.transactionId() != null ? o.transactionId() : first ? original : transactionId();
        Instant originalPurchase = first ? o.now() : o.now().minus(PERIOD.multipliedBy(3));
        return new Ids(original, transaction, String.valueOf(2000000000000000L + random(999_999_999L)),
            originalPurchase);
    }

    private static ObjectNode transaction(AppleNotificationTypes.V2Type t, Options o, Ids ids) {
        Instant purchase = purchaseDate(t.type(), o.now());
        ObjectNode tx = Json.object();
        tx.put("transactionId", ids.transaction()).put("originalTransactionId", ids.original());
        boolean subscription = !t.type().equals("ONE_TIME_CHARGE") && !t.type().equals("CONSUMPTION_REQUEST");
        if (subscription) {
            tx.put("webOrderLineItemId", ids.webOrderLineItem());
        }
        tx.put("bundleId", o.bundleId()).put("productId", o.product());
        if (subscription) {
            tx.put("subscriptionGroupIdentifier", "21482231");
        }
        tx.put("purchaseDate", purchase.toEpochMilli())
            .put("originalPurchaseDate", ids.originalPurchase().toEpochMilli());
        if (subscription) {
            tx.put("expiresDate", purchase.plus(PERIOD).toEpochMilli());
        }
        tx.put("quantity", 1);
        tx.put("type", subscription ? "Auto-Renewable Subscription"
            : t.type().equals("CONSUMPTION_REQUEST") ? "Consumable" : "Non-Consumable");
        tx.put("inAppOwnershipType", "PURCHASED").put("signedDate", o.now().toEpochMilli())
            .put("environment", o.environment().appleName());
        tx.put("transactionReason", ids.transaction().equals(ids.original()) || !subscription ? "PURCHASE" : "RENEWAL");
        tx.put("storefront", "USA").put("storefrontId", "143441").put("price", 9990).put("currency", "USD");
        if (t.type().startsWith("REFUND") || t.type().equals("REVOKE")) {
            tx.put("revocationDate", o.now().toEpochMilli()).put("revocationReason", 0);
        }
        if (t.type().equals("OFFER_REDEEMED")) {
            tx.put("offerType", 2).put("offerIdentifier", "notif_test_offer").put("offerDiscountType", "PAY_AS_YOU_GO");
        }
        tx.put("appTransactionId", "70" + ids.original());
        if (o.commitment() && subscription) {
            tx.put("billingPlanType", "MONTHLY");
            tx.putObject("commitmentInfo").put("billingPeriodNumber", 3).put("totalBillingPeriods", 12)
                .put("commitmentExpiresDate", ids.originalPurchase().plus(Duration.ofDays(365)).toEpochMilli())
                .put("commitmentPrice", 119880);
        }
        return tx;
    }

    private static ObjectNode renewal(AppleNotificationTypes.V2Type t, Options o, Ids ids) {
        Instant expires = purchaseDate(t.type(), o.now()).plus(PERIOD);
        boolean autoRenew = !"AUTO_RENEW_DISABLED".equals(t.subtype()) && !t.type().equals("EXPIRED")
            && !t.type().startsWith("REFUND") && !t.type().equals("REVOKE") && !t.type().equals("GRACE_PERIOD_EXPIRED");
        ObjectNode r = Json.object();
        r.put("originalTransactionId", ids.original()).put("autoRenewProductId", o.product())
            .put("productId", o.product()).put("autoRenewStatus", autoRenew ? 1 : 0)
            .put("signedDate", o.now().toEpochMilli()).put("environment", o.environment().appleName())
            .put("recentSubscriptionStartDate", ids.originalPurchase().toEpochMilli())
            .put("renewalDate", expires.toEpochMilli())
            .put("currency", "USD").put("renewalPrice", 9990);
        if (t.type().equals("EXPIRED")) {
            r.put("expirationIntent", switch (t.subtype()) {
                case "BILLING_RETRY" -> 2;
                case "PRICE_INCREASE" -> 3;
                case "PRODUCT_NOT_FOR_SALE" -> 4;
                default -> 1;
            });
        }
        if (t.type().equals("DID_FAIL_TO_RENEW")) {
            r.put("isInBillingRetryPeriod", true);
            if ("GRACE_PERIOD".equals(t.subtype())) {
                r.put("gracePeriodExpiresDate", o.now().plus(Duration.ofDays(16)).toEpochMilli());
            }
        }
        if (t.type().equals("PRICE_INCREASE")) {
            r.put("priceIncreaseStatus", "ACCEPTED".equals(t.subtype()) ? 1 : 0);
        }
        if (o.commitment()) {
            r.put("renewalBillingPlanType", "MONTHLY");
            r.putObject("commitmentInfo").put("commitmentAutoRenewProductId", o.product())
                .put("commitmentAutoRenewStatus", autoRenew ? 1 : 0).put("commitmentRenewalBillingPlanType", "MONTHLY")
                .put("commitmentRenewalDate", ids.originalPurchase().plus(Duration.ofDays(365)).toEpochMilli())
                .put("commitmentRenewalPrice", 119880);
        }
        return r;
    }

    /** The subscription's status field: 1 active, 2 expired, 3 billing retry, 4 grace period, 5 revoked. */
    private static int status(AppleNotificationTypes.V2Type t) {
        switch (t.type()) {
            case "EXPIRED": case "GRACE_PERIOD_EXPIRED": case "REFUND":
                return 2;
            case "DID_FAIL_TO_RENEW":
                return "GRACE_PERIOD".equals(t.subtype()) ? 4 : 3;
            case "REVOKE":
                return 5;
            default:
                return 1;
        }
    }

    /** When the current period started: a period ago for expirations, now for purchases and renewals. */
    private static Instant purchaseDate(String type, Instant now) {
        boolean over = type.equals("EXPIRED") || type.equals("GRACE_PERIOD_EXPIRED") || type.equals("DID_FAIL_TO_RENEW");
        return over ? now.minus(PERIOD).minusSeconds(60) : now;
    }

    private static String transactionId() {
        return String.valueOf(2000000000000000L + random(999_999_999_999L));
    }

    private static long random(long bound) {
        return ThreadLocalRandom.current().nextLong(bound);
    }

    /** V1 writes times as strings of milliseconds. */
    private static String ms(Instant t) {
        return String.valueOf(t.toEpochMilli());
    }
}
