package dev.notif.amazon;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

/** Gets the certificate a SigningCertURL names (the verifier checks the URL's host before asking). */
public interface CertificateSource {

    X509Certificate get(String url) throws Failure;

    /** Why no certificate came back; {@code unavailable} when trying again later may work (network, 5xx). */
    final class Failure extends Exception {
        private final boolean unavailable;

        public Failure(String message, boolean unavailable) {
            super(message);
            this.unavailable = unavailable;
        }

        public boolean unavailable() {
            return unavailable;
        }
    }

    /** An X.509 certificate from PEM (or DER) text, or null when it is not one. */
    static X509Certificate parse(String pem) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.strip().getBytes(StandardCharsets.ISO_8859_1)));
        } catch (CertificateException | ClassCastException e) {
            return null;
        }
    }
}
