package dev.notif.amazon;

import dev.notif.output.Step;
import dev.notif.output.Times;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;

/**
 * Verifies an SNS message the way a careful receiver does, step by step, saying which step failed and why:
 * the fields of its type, the SignatureVersion, the SigningCertURL host rules (before any fetch), the certificate
 * (valid at the message's Timestamp) and the signature over the string to sign.
 */
public final class SnsVerifier {
    public static final String MESSAGE = "message";
    public static final String SIGNATURE_VERSION = "signature_version";
    public static final String CERTIFICATE_URL = "certificate_url";
    public static final String CERTIFICATE = "certificate";
    public static final String SIGNATURE = "signature";

    /**
     * What to trust besides SNS's own certificate hosts: given certificates (tried first; with {@code onlyThese}
     * nothing is fetched and the host rules do not apply) and URL prefixes whose certificates may be fetched even
     * though they are not SNS hosts (local work and tests).
     */
    public record Trust(List<X509Certificate> certificates, boolean onlyThese, List<String> urlPrefixes) {
        public static final Trust SNS = new Trust(List.of(), false, List.of());

        public Trust {
            certificates = List.copyOf(certificates);
            urlPrefixes = List.copyOf(urlPrefixes);
        }

        public static Trust only(X509Certificate certificate) {
            return new Trust(List.of(certificate), true, List.of());
        }

        public boolean trustsUrl(String url) {
            return url != null && urlPrefixes.stream().anyMatch(url::startsWith);
        }
    }

    /** The certificate that was used: where it came from, whom it names, when it is valid, its SHA-256. */
    public record CertificateInfo(String source, String url, String subject, String issuer, String notBefore,
                                  String notAfter, String sha256) {
        static CertificateInfo of(String source, String url, X509Certificate c) {
            String digest;
            try {
                digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
            } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
                digest = null;
            }
            return new CertificateInfo(source, url, c.getSubjectX500Principal().getName(),
                c.getIssuerX500Principal().getName(), c.getNotBefore().toInstant().toString(),
                c.getNotAfter().toInstant().toString(), digest);
        }
    }

    /**
     * The outcome: valid or not, whether the failure may pass later (certificate host unreachable), the reason and
     * fix of the first failed step, every step, and what was computed (algorithm, string to sign, certificate).
     */
    public record Verification(boolean valid, boolean unavailable, String reason, String fix, List<Step> steps,
                               String algorithm, String stringToSign, CertificateInfo certificate) {
    }

    private final CertificateSource source;
    private final Trust trust;

    public SnsVerifier(CertificateSource source, Trust trust) {
        this.source = source;
        this.trust = trust;
    }

    public Verification verify(SnsMessage m) {
        return new Run(m).verify();
    }

    /** One verification's state: the steps so far. */
    private final class Run {
        private final SnsMessage m;
        private final List<Step> steps = new ArrayList<>();
        private String algorithm;
        private String stringToSign;
        private CertificateInfo info;

        Run(SnsMessage m) {
            this.m = m;
        }

        Verification verify() {
            if (m.type() == null || !SnsMessage.TYPES.contains(m.type())) {
                return fail(MESSAGE, "Type is " + (m.type() == null ? "missing" : "'" + m.type() + "'")
                    + "; SNS sends " + String.join(", ", SnsMessage.TYPES), "this is not an SNS message (was the body"
                    + " captured whole, as SNS sent it?)", false);
            }
            List<String> missing = m.missingFields();
            if (!missing.isEmpty()) {
                return fail(MESSAGE, "a " + m.type() + " must carry " + String.join(", ", missing),
                    "capture the whole body SNS sent; no field may be dropped", false);
            }
            Instant at;
            try {
                at = Instant.parse(m.timestamp());
            } catch (DateTimeParseException e) {
                return fail(MESSAGE, "Timestamp '" + m.timestamp() + "' is not an ISO-8601 UTC time",
                    "SNS writes times like 2024-05-02T00:54:06.655Z; the field was changed", false);
            }
            stringToSign = m.stringToSign();
            steps.add(Step.pass(MESSAGE, m.type() + " with " + String.join(", ", m.signedFields()) + " signed"));

            algorithm = SnsSignature.algorithm(m.signatureVersion());
            if (algorithm == null) {
                return fail(SIGNATURE_VERSION, "SignatureVersion is '" + m.signatureVersion() + "'; SNS uses 1"
                    + " (SHA1withRSA) or 2 (SHA256withRSA)", "the message was not signed by SNS or was changed", false);
            }
            steps.add(Step.pass(SIGNATURE_VERSION, m.signatureVersion() + " = " + algorithm));
            byte[] signature = SnsSignature.decode(m.signature());
            if (signature == null || signature.length == 0) {
                return fail(SIGNATURE, "Signature is not base64", "capture the body byte for byte", false);
            }

            for (X509Certificate c : trust.certificates()) {
                if (SnsSignature.verify(stringToSign, signature, c.getPublicKey(), algorithm)) {
                    info = CertificateInfo.of("trusted", null, c);
                    steps.add(Step.skip(CERTIFICATE_URL, "not needed: a trusted certificate was given"));
                    Verification expired = validity(c, at);
                    if (expired != null) {
                        return expired;
                    }
                    steps.add(Step.pass(SIGNATURE, algorithm + " over the string to sign matches the trusted"
                        + " certificate " + info.subject()));
                    return valid();
                }
            }
            if (trust.onlyThese()) {
                steps.add(Step.skip(CERTIFICATE_URL, "not checked: the given certificate is trusted instead"));
                info = CertificateInfo.of("trusted", null, trust.certificates().get(0));
                steps.add(Step.pass(CERTIFICATE, "given: " + info.subject()));
                return signatureMismatch(signature, trust.certificates().get(0),
                    "or it was not signed by the given certificate's key (SigningCertURL says " + m.signingCertUrl() + ")");
            }

            String url = m.signingCertUrl();
            if (trust.trustsUrl(url)) {
                steps.add(Step.pass(CERTIFICATE_URL, url + " is under a trusted prefix (host rules waived)"));
            } else {
                SnsHosts.Problem p = SnsHosts.certificateUrl(url);
                if (p != null) {
                    return fail(CERTIFICATE_URL, p.reason() + "; nothing was fetched", p.fix(), false);
                }
                steps.add(Step.pass(CERTIFICATE_URL, url + " is an SNS certificate URL"));
            }
            X509Certificate cert;
            try {
                cert = source.get(url);
            } catch (CertificateSource.Failure e) {
                return fail(CERTIFICATE, e.getMessage(), e.unavailable() ? "try again later, or pass the certificate"
                    + " (PEM) with --cert to verify offline" : "the SigningCertURL does not serve an SNS certificate;"
                    + " the message was not signed by SNS", e.unavailable());
            }
            info = CertificateInfo.of("fetched", url, cert);
            Verification expired = validity(cert, at);
            if (expired != null) {
                return expired;
            }
            if (!SnsSignature.verify(stringToSign, signature, cert.getPublicKey(), algorithm)) {
                return signatureMismatch(signature, cert, "or it was signed by another key");
            }
            steps.add(Step.pass(SIGNATURE, algorithm + " over the string to sign matches " + info.subject()));
            return valid();
        }

        private Verification validity(X509Certificate c, Instant at) {
            try {
                c.checkValidity(Date.from(at));
            } catch (CertificateExpiredException | CertificateNotYetValidException e) {
                return fail(CERTIFICATE, "the certificate " + c.getSubjectX500Principal().getName() + " was not valid at"
                    + " the message's Timestamp " + m.timestamp() + " (valid " + Times.human(c.getNotBefore().toInstant())
                    + " to " + Times.human(c.getNotAfter().toInstant()) + ")", "a message must be verified with the certificate SNS used when"
                    + " it signed it; this pairing is wrong or the Timestamp was changed", false);
            }
            steps.add(Step.pass(CERTIFICATE, info.source() + ": " + info.subject() + ", valid at the Timestamp"));
            return null;
        }

        private Verification signatureMismatch(byte[] signature, X509Certificate cert, String orWhat) {
            String other = "1".equals(m.signatureVersion()) ? "2" : "1";
            String otherAlgorithm = SnsSignature.algorithm(other);
            if (SnsSignature.verify(stringToSign, signature, cert.getPublicKey(), otherAlgorithm)) {
                return fail(SIGNATURE, "the signature is " + otherAlgorithm + " but SignatureVersion says "
                    + m.signatureVersion() + " (" + algorithm + ")", "SignatureVersion was changed after signing; a"
                    + " verifier must pick the algorithm from SignatureVersion: 1 is SHA1withRSA, 2 is SHA256withRSA", false);
            }
            return fail(SIGNATURE, "the signature does not match the string to sign (" + String.join(", ",
                m.signedFields()) + "): a signed field was changed after signing (for example Message re-serialized, its"
                + " escapes converted, or whitespace trimmed), " + orWhat, "verify the body exactly as SNS sent it; a"
                + " receiver must read the fields from the raw body and use their values unchanged", false);
        }

        private Verification valid() {
            return new Verification(true, false, null, null, List.copyOf(steps), algorithm, stringToSign, info);
        }

        private Verification fail(String step, String reason, String fix, boolean unavailable) {
            steps.add(Step.fail(step, reason));
            return new Verification(false, unavailable, reason, fix, List.copyOf(steps), algorithm, stringToSign, info);
        }
    }
}
