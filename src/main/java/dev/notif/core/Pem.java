package dev.notif.core;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;

/** PEM encoding and decoding of keys and certificates, and certificates from DER or PEM bytes. */
public final class Pem {
    private Pem() {
    }

    /** {@code der} as PEM: base64 in lines of 64 between the type's BEGIN and END lines. */
    public static String encode(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
            + "\n-----END " + type + "-----\n";
    }

    /** The DER bytes of the first {@code type} block of {@code text}, or null when there is none. */
    public static byte[] decode(String text, String type) {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = text.indexOf(begin);
        int to = from < 0 ? -1 : text.indexOf(end, from);
        if (to < 0) {
            return null;
        }
        return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
    }

    /** An X.509 certificate from DER or PEM bytes. */
    public static X509Certificate certificate(byte[] derOrPem) throws CertificateException {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(derOrPem));
    }
}
