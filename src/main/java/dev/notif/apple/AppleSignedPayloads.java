package dev.notif.apple;

import com.apple.itunes.storekit.model.Environment;
import com.apple.itunes.storekit.verification.SignedDataVerifier;
import com.apple.itunes.storekit.verification.VerificationException;
import com.apple.itunes.storekit.verification.VerificationStatus;
import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.core.Json;
import dev.notif.core.Pem;
import dev.notif.output.Times;
import dev.notif.output.Step;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Offline verification of an App Store Server Notifications V2 signed payload, explained step by step: format,
 * chain (to the trusted roots, valid at the payload's signedDate), Apple's marker extensions, the ES256 signature,
 * bundle id, environment, and the signed transaction and renewal info inside. Apple's own {@link SignedDataVerifier}
 * gives the verdict; notif's own checks of each step tell which one failed and how the others fared.
 */
public final class AppleSignedPayloads {
    public static final String FORMAT = "format";
    public static final String CHAIN = "chain";
    public static final String MARKERS = "marker_extensions";
    public static final String SIGNATURE = "signature";
    public static final String BUNDLE_ID = "bundle_id";
    public static final String ENVIRONMENT = "environment";
    public static final String SIGNED_DATA = "signed_data";

    /** Apple's verifiers by what they expect; each keeps the chains it verified for 15 minutes. */
    static final int VERIFIERS_KEPT = 64;

    private final List<AppleRoots.Root> roots;
    private final Map<String, SignedDataVerifier> verifiers = new ConcurrentHashMap<>();

    public AppleSignedPayloads(List<AppleRoots.Root> roots) {
        this.roots = List.copyOf(roots);
    }

    /** What the payload must match; null fields are not checked (the payload's own values are reported). */
    public record Expect(String bundleId, AppleEnvironment environment, Long appAppleId) {
        public static final Expect NOTHING = new Expect(null, null, null);
    }

    /** A certificate of the x5c chain, as a person reads it. */
    public record Cert(String subject, String issuer, String notBefore, String notAfter) {
    }

    /** The outcome: valid or not, the first failed step with its reason and fix, every step, and what was decoded. */
    public record Verification(boolean valid, String failedStep, String reason, String fix, List<Step> steps,
                               JsonNode payload, JsonNode transaction, JsonNode renewalInfo, List<Cert> chain) {
        public String notificationType() {
            return Json.text(payload, "notificationType");
        }

        public String notificationUuid() {
            return Json.text(payload, "notificationUUID");
        }

        /** {@code Sandbox}, {@code Production}, … from data, summary, externalPurchaseToken or appData. */
        public String environment() {
            return field(payload, "environment");
        }

        public String bundleId() {
            return field(payload, "bundleId");
        }
    }

    public Verification verify(String signedPayload, Expect expect) {
        List<Step> steps = new ArrayList<>();
        Jws.Parts parts;
        try {
            parts = Jws.decode(signedPayload);
        } catch (Jws.FormatException e) {
            steps.add(Step.fail(FORMAT, e.getMessage()));
            return failed(steps, FORMAT, "not a signed payload: " + e.getMessage(),
                "pass the signedPayload value of a V2 notification, or the whole {\"signedPayload\": ...} body", null,
                List.of());
        }
        JsonNode payload = parts.payload();
        List<X509Certificate> x5c;
        try {
            x5c = x5c(parts.header());
        } catch (IllegalArgumentException | CertificateException e) {
            steps.add(Step.fail(FORMAT, e.getMessage()));
            return failed(steps, FORMAT, e.getMessage(), "a V2 payload carries its chain (leaf, intermediate, root) in the"
                + " x5c header; this one was not produced by Apple or was altered", payload, List.of());
        }
        if (!"ES256".equals(parts.alg())) {
            steps.add(Step.fail(FORMAT, "alg is " + parts.alg() + ", Apple signs with ES256"));
            return failed(steps, FORMAT, "the header's alg is " + parts.alg() + ", not ES256", "Apple signs every"
                + " payload with ES256: this one was not produced by Apple", payload, certs(x5c));
        }
        steps.add(Step.pass(FORMAT, "JWS, ES256, x5c of " + x5c.size() + " certificates"));

        // notif's own look at each step, so a failure early in Apple's order does not hide the later ones
        Step markers = markers(x5c);
        Step signature = Jws.verifies(parts, x5c.get(0).getPublicKey())
            ? Step.pass(SIGNATURE, "ES256 signature valid for the leaf certificate's key")
            : Step.fail(SIGNATURE, "the ES256 signature does not match the leaf certificate's key: the payload or"
                + " header was altered after signing, or signed by another key");
        Step bundle = expect.bundleId() == null
            ? Step.skip(BUNDLE_ID, orNone(field(payload, "bundleId")) + " (pass --bundle-id to check it)")
            : Objects.equals(expect.bundleId(), field(payload, "bundleId"))
                ? Step.pass(BUNDLE_ID, expect.bundleId())
                : Step.fail(BUNDLE_ID, "the payload is for " + field(payload, "bundleId") + ", not " + expect.bundleId());
        String env = field(payload, "environment");
        Step environment = expect.environment() == null
            ? Step.skip(ENVIRONMENT, orNone(env) + " (pass --environment to check it)")
            : expect.environment() == AppleEnvironment.ofApple(env)
                ? Step.pass(ENVIRONMENT, env)
                : Step.fail(ENVIRONMENT, "the payload is from " + env + ", not " + expect.environment().appleName());

        SignedDataVerifier verifier = verifier(expect, payload);
        VerificationStatus status = VerificationStatus.OK;
        String why = null;
        try {
            verifier.verifyAndDecodeNotification(signedPayload.strip());
        } catch (VerificationException e) {
            status = e.getStatus();
            why = cause(e);
        }
        String chainDetail = chainDetail(x5c);
        switch (status) {
            case OK:
                steps.add(Step.pass(CHAIN, chainDetail));
                steps.add(markers);
                steps.add(signature);
                steps.add(bundle);
                steps.add(environment);
                break;
            case INVALID_CHAIN_LENGTH:
            case INVALID_CERTIFICATE:
                steps.add(Step.fail(CHAIN, "the x5c chain is not three parsable certificates"));
                return failed(steps, CHAIN, "the x5c chain is not leaf, intermediate and root certificates",
                    "this payload was not produced by Apple or was altered", payload, certs(x5c));
            case INVALID_CHAIN:
                if (why != null && why.contains("OID")) {
                    steps.add(Step.pass(CHAIN, chainDetail));
                    steps.add(markers.failed() ? markers : Step.fail(MARKERS, why));
                    addRest(steps, signature, bundle, environment);
                    return failed(steps, MARKERS, markers.failed() ? markers.detail() : why, "Apple's leaf carries"
                        + " 1.2.840.113635.100.6.11.1 and its intermediate 1.2.840.113635.100.6.2.1; a chain without"
                        + " them is not Apple's, even under a trusted root", payload, certs(x5c));
                }
                steps.add(Step.fail(CHAIN, chainFailure(x5c, payload, why)));
                steps.add(markers);
                addRest(steps, signature, bundle, environment);
                return failed(steps, CHAIN, chainFailure(x5c, payload, why), chainFix(x5c), payload, certs(x5c));
            case VERIFICATION_FAILURE:
                steps.add(Step.pass(CHAIN, chainDetail));
                steps.add(markers);
                Step sig = signature.failed() ? signature : Step.fail(SIGNATURE, why == null ? "rejected" : why);
                steps.add(sig);
                addRest(steps, bundle, environment);
                return failed(steps, SIGNATURE, sig.detail(), "the payload must be passed exactly as received (no"
                    + " re-encoding, no whitespace inside); if it is, it was not signed by the certificate it carries",
                    payload, certs(x5c));
            case INVALID_APP_IDENTIFIER:
                steps.add(Step.pass(CHAIN, chainDetail));
                steps.add(markers);
                steps.add(signature);
                Step b = bundle.failed() ? bundle : Step.fail(BUNDLE_ID, "the appAppleId is "
                    + field(payload, "appAppleId") + ", not " + expect.appAppleId());
                steps.add(b);
                steps.add(environment);
                return failed(steps, BUNDLE_ID, b.detail(), "the notification is for another app: check which app's"
                    + " URL points here (App Store Connect > that app > App Information), or pass its --bundle-id",
                    payload, certs(x5c));
            case INVALID_ENVIRONMENT:
                steps.add(Step.pass(CHAIN, chainDetail));
                steps.add(markers);
                steps.add(signature);
                steps.add(bundle);
                if (expect.environment() == null) {
                    // a StoreKit-testing payload (Xcode, LocalTesting) verified against the root it was given
                    steps.add(Step.pass(ENVIRONMENT, env + " (StoreKit testing)"));
                    break;
                }
                steps.add(environment);
                return failed(steps, ENVIRONMENT, environment.detail(), "production and sandbox notifications go to"
                    + " separate URLs: point each environment's URL at the receiver set up for it (notif setup apple"
                    + " --bundle-id ID --url URL --environment ENV)", payload, certs(x5c));
            default:
                steps.add(Step.fail(CHAIN, "verification failed: " + status + (why == null ? "" : ": " + why)));
                return failed(steps, CHAIN, status + (why == null ? "" : ": " + why), "retry; report it if it persists",
                    payload, certs(x5c));
        }
        return nested(steps, verifier, payload, x5c);
    }

    /** Verifies the signedTransactionInfo and signedRenewalInfo inside a valid notification, with the same verifier. */
    private Verification nested(List<Step> steps, SignedDataVerifier verifier, JsonNode payload,
                                List<X509Certificate> x5c) {
        JsonNode data = payload.path("data");
        String tx = Json.text(data, "signedTransactionInfo");
        String renewal = Json.text(data, "signedRenewalInfo");
        String appTx = Json.text(payload.path("appData"), "signedAppTransactionInfo"); // RESCIND_CONSENT
        JsonNode txJson = tx == null ? null : Jws.payloadOrNull(tx);
        JsonNode renewalJson = renewal == null ? null : Jws.payloadOrNull(renewal);
        if (tx == null && renewal == null && appTx == null) {
            return new Verification(true, null, null, null, List.copyOf(steps), payload, null, null, certs(x5c));
        }
        List<String> problems = new ArrayList<>();
        try {
            if (appTx != null) {
                verifier.verifyAndDecodeAppTransaction(appTx);
            }
        } catch (VerificationException e) {
            problems.add("signedAppTransactionInfo: " + e.getStatus() + (cause(e) == null ? "" : " (" + cause(e) + ")"));
        }
        try {
            if (tx != null) {
                verifier.verifyAndDecodeTransaction(tx);
            }
        } catch (VerificationException e) {
            problems.add("signedTransactionInfo: " + e.getStatus() + (cause(e) == null ? "" : " (" + cause(e) + ")"));
        }
        try {
            if (renewal != null) {
                verifier.verifyAndDecodeRenewalInfo(renewal);
            }
        } catch (VerificationException e) {
            problems.add("signedRenewalInfo: " + e.getStatus() + (cause(e) == null ? "" : " (" + cause(e) + ")"));
        }
        if (!problems.isEmpty()) {
            steps.add(Step.fail(SIGNED_DATA, String.join("; ", problems)));
            return new Verification(false, SIGNED_DATA, String.join("; ", problems), "the notification is signed but"
                + " the transaction or renewal info inside is not valid: it was assembled from other payloads",
                List.copyOf(steps), payload, txJson, renewalJson, certs(x5c));
        }
        List<String> inner = new ArrayList<>();
        if (tx != null) {
            inner.add("signedTransactionInfo");
        }
        if (renewal != null) {
            inner.add("signedRenewalInfo");
        }
        if (appTx != null) {
            inner.add("signedAppTransactionInfo");
        }
        steps.add(Step.pass(SIGNED_DATA, String.join(" and ", inner) + " verified the same way"));
        return new Verification(true, null, null, null, List.copyOf(steps), payload, txJson, renewalJson, certs(x5c));
    }

    private SignedDataVerifier verifier(Expect expect, JsonNode payload) {
        AppleEnvironment env = expect.environment() != null ? expect.environment()
            : AppleEnvironment.ofApple(field(payload, "environment"));
        // never Xcode/LocalTesting: Apple's verifier skips the chain for those
        Environment libraryEnv = env == AppleEnvironment.PRODUCTION ? Environment.PRODUCTION : Environment.SANDBOX;
        String bundle = expect.bundleId() != null ? expect.bundleId() : field(payload, "bundleId");
        Long appId = expect.appAppleId() != null ? expect.appAppleId() : longField(payload, "appAppleId");
        if (libraryEnv == Environment.PRODUCTION && appId == null) {
            appId = -1L; // Apple's verifier requires one in production; a payload without it then fails as another app
        }
        Long id = appId;
        if (verifiers.size() > VERIFIERS_KEPT) {
            verifiers.clear();
        }
        return verifiers.computeIfAbsent(bundle + "|" + id + "|" + libraryEnv, k -> {
            Set<InputStream> anchors = new LinkedHashSet<>();
            for (AppleRoots.Root r : roots) {
                anchors.add(new ByteArrayInputStream(r.der()));
            }
            return new SignedDataVerifier(anchors, bundle, id, libraryEnv, false);
        });
    }

    private static Step markers(List<X509Certificate> x5c) {
        boolean leaf = hasMarker(x5c.get(0), AppleTestChain.LEAF_MARKER);
        boolean intermediate = x5c.size() > 1 && hasMarker(x5c.get(1), AppleTestChain.INTERMEDIATE_MARKER);
        if (leaf && intermediate) {
            return Step.pass(MARKERS, "leaf has " + AppleTestChain.LEAF_MARKER + ", intermediate has "
                + AppleTestChain.INTERMEDIATE_MARKER);
        }
        List<String> missing = new ArrayList<>();
        if (!leaf) {
            missing.add("the leaf lacks " + AppleTestChain.LEAF_MARKER + " (App Store receipt signing)");
        }
        if (!intermediate) {
            missing.add("the intermediate lacks " + AppleTestChain.INTERMEDIATE_MARKER + " (Apple WWDR)");
        }
        return Step.fail(MARKERS, String.join("; ", missing));
    }

    private static boolean hasMarker(X509Certificate c, String oid) {
        Set<String> oids = c.getNonCriticalExtensionOIDs();
        return oids != null && oids.contains(oid);
    }

    private String chainFailure(List<X509Certificate> x5c, JsonNode payload, String why) {
        X509Certificate top = x5c.get(x5c.size() - 1);
        Long signed = longField(payload, "signedDate");
        if (why != null && (why.contains("validity") || why.contains("expired") || why.contains("not yet valid"))) {
            return "a certificate of the chain was not valid at the payload's signedDate "
                + (signed == null ? "" : Times.human(Instant.ofEpochMilli(signed))) + " (" + why + ")";
        }
        boolean trusted = roots.stream().anyMatch(r -> r.certificate().getSubjectX500Principal()
            .equals(x5c.get(Math.min(1, x5c.size() - 1)).getIssuerX500Principal()));
        if (!trusted) {
            return "the chain leads to " + name(top) + ", not to a trusted root (" + rootNames() + ")";
        }
        return "the chain does not verify up to " + rootNames() + (why == null ? "" : ": " + why);
    }

    private String chainFix(List<X509Certificate> x5c) {
        String top = name(x5c.get(x5c.size() - 1));
        if (top.contains("notif test")) {
            return "this payload was signed by notif's test chain (notif send apple): verify it with --root"
                + " <config dir>/apple-test-chain/root.pem; real Apple notifications chain to Apple Root CA - G3";
        }
        if (top.contains("Apple Root CA - G3") && roots.stream().noneMatch(r -> r.subject().contains("Apple Root CA - G3"))) {
            return "the payload chains to Apple Root CA - G3: verify without --root to trust Apple's root";
        }
        return "only payloads signed by Apple verify against Apple Root CA - G3; for a test chain, pass its root with"
            + " --root FILE";
    }

    private String rootNames() {
        return String.join(", ", roots.stream().map(r -> name(r.certificate())).toList());
    }

    private static String name(X509Certificate c) {
        String dn = c.getSubjectX500Principal().getName();
        for (String part : dn.split(",")) {
            if (part.startsWith("CN=")) {
                return part.substring(3);
            }
        }
        return dn;
    }

    private static List<X509Certificate> x5c(JsonNode header) throws CertificateException {
        JsonNode x5c = header.get("x5c");
        if (x5c == null || !x5c.isArray() || x5c.isEmpty()) {
            throw new IllegalArgumentException("the header has no x5c certificate chain");
        }
        List<X509Certificate> certs = new ArrayList<>();
        for (JsonNode c : x5c) {
            certs.add(Pem.certificate(Base64.getDecoder().decode(c.asText())));
        }
        return certs;
    }

    private static String chainDetail(List<X509Certificate> x5c) {
        List<String> names = new ArrayList<>();
        for (X509Certificate c : x5c) {
            names.add(0, name(c));
        }
        return String.join(" > ", names);
    }

    private static List<Cert> certs(List<X509Certificate> x5c) {
        return x5c.stream().map(c -> new Cert(c.getSubjectX500Principal().getName(), c.getIssuerX500Principal().getName(),
            c.getNotBefore().toInstant().toString(), c.getNotAfter().toInstant().toString())).toList();
    }

    private static String orNone(String value) {
        return value == null ? "none in the payload" : value;
    }

    private static void addRest(List<Step> steps, Step... rest) {
        steps.addAll(List.of(rest));
    }

    private static Verification failed(List<Step> steps, String step, String reason, String fix, JsonNode payload,
                                       List<Cert> chain) {
        JsonNode data = payload == null ? null : payload.path("data");
        String tx = data == null ? null : Json.text(data, "signedTransactionInfo");
        String renewal = data == null ? null : Json.text(data, "signedRenewalInfo");
        return new Verification(false, step, reason, fix, List.copyOf(steps), payload,
            tx == null ? null : Jws.payloadOrNull(tx), renewal == null ? null : Jws.payloadOrNull(renewal), chain);
    }

    private static String cause(VerificationException e) {
        Throwable t = e.getCause();
        String msg = e.getMessage();
        while (t != null) {
            if (t.getMessage() != null) {
                msg = t.getMessage();
            }
            t = t.getCause();
        }
        return msg == null || msg.equals(String.valueOf(e.getStatus())) ? null : msg;
    }

    /** A field of the notification's data (or summary, externalPurchaseToken, appData). */
    static String field(JsonNode payload, String name) {
        if (payload == null) {
            return null;
        }
        for (String part : List.of("data", "summary", "externalPurchaseToken", "appData")) {
            String v = Json.text(payload.path(part), name);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static Long longField(JsonNode payload, String name) {
        String v = name.equals("signedDate") ? Json.text(payload, name) : field(payload, name);
        try {
            return v == null ? null : Long.parseLong(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The decoded notification as a map for results (type, subtype, ids, environment, dates). */
    public static Map<String, Object> summary(JsonNode payload) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (payload == null) {
            return m;
        }
        m.put("notification_type", Json.text(payload, "notificationType"));
        m.put("subtype", Json.text(payload, "subtype"));
        m.put("notification_uuid", Json.text(payload, "notificationUUID"));
        m.put("version", Json.text(payload, "version"));
        Long signed = longField(payload, "signedDate");
        m.put("signed_date", signed == null ? null : Instant.ofEpochMilli(signed).toString());
        m.put("environment", field(payload, "environment"));
        m.put("bundle_id", field(payload, "bundleId"));
        m.put("app_apple_id", longField(payload, "appAppleId"));
        m.put("known_type", AppleNotificationTypes.knownV2(Json.text(payload, "notificationType")));
        return m;
    }

    /** The summary, with the billing plan and commitment (Apple's 2026 fields) of the transaction and renewal info. */
    public static Map<String, Object> summary(Verification v) {
        Map<String, Object> m = summary(v.payload());
        m.putAll(billing(v.transaction(), v.renewalInfo()));
        return m;
    }

    /**
     * {@code billing_plan_type} and {@code commitment} (transaction), {@code renewal_billing_plan_type} and {@code
     * renewal_commitment} (renewal info): a monthly subscription with a 12-month commitment; only the ones present.
     */
    public static Map<String, Object> billing(JsonNode transaction, JsonNode renewal) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (transaction != null && transaction.hasNonNull("billingPlanType")) {
            m.put("billing_plan_type", Json.text(transaction, "billingPlanType"));
        }
        if (transaction != null && transaction.path("commitmentInfo").isObject()) {
            JsonNode c = transaction.get("commitmentInfo");
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("billing_period_number", c.path("billingPeriodNumber").isNumber() ? c.get("billingPeriodNumber").asInt()
                : null);
            d.put("total_billing_periods", c.path("totalBillingPeriods").isNumber() ? c.get("totalBillingPeriods").asInt()
                : null);
            d.put("commitment_expires_date", millis(c, "commitmentExpiresDate"));
            d.put("commitment_price", c.path("commitmentPrice").isNumber() ? c.get("commitmentPrice").asLong() : null);
            m.put("commitment", d);
        }
        if (renewal != null && renewal.hasNonNull("renewalBillingPlanType")) {
            m.put("renewal_billing_plan_type", Json.text(renewal, "renewalBillingPlanType"));
        }
        if (renewal != null && renewal.path("commitmentInfo").isObject()) {
            JsonNode c = renewal.get("commitmentInfo");
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("commitment_auto_renew_product_id", Json.text(c, "commitmentAutoRenewProductId"));
            d.put("commitment_auto_renew_status", c.path("commitmentAutoRenewStatus").isNumber()
                ? c.get("commitmentAutoRenewStatus").asInt() : null);
            d.put("commitment_renewal_billing_plan_type", Json.text(c, "commitmentRenewalBillingPlanType"));
            d.put("commitment_renewal_date", millis(c, "commitmentRenewalDate"));
            d.put("commitment_renewal_price", c.path("commitmentRenewalPrice").isNumber()
                ? c.get("commitmentRenewalPrice").asLong() : null);
            m.put("renewal_commitment", d);
        }
        return m;
    }

    private static String millis(JsonNode node, String field) {
        return node.path(field).isNumber() ? Instant.ofEpochMilli(node.get(field).asLong()).toString() : null;
    }
}
