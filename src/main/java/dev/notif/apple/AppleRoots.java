package dev.notif.apple;

import dev.notif.core.NotifException;
import dev.notif.core.Pem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * Trust anchors for signed payloads: Apple Root CA - G3 (embedded: Apple's public root certificate, SHA-256
 * 63:34:3A:BF:B8:9A:6A:03:EB:B5:7E:9B:3F:5F:A7:BE:7C:4F:5C:75:6F:30:17:B3:A8:C4:88:C3:65:3E:91:79, valid until
 * 2039-04-30) and roots given as files (DER or PEM), such as notif's own test root.
 */
public final class AppleRoots {
    static final String G3_RESOURCE = "/dev/notif/apple/AppleRootCA-G3.cer";

    /** One trusted root: where it came from, and its DER bytes. */
    public record Root(String source, X509Certificate certificate, byte[] der) {
        public String subject() {
            return certificate.getSubjectX500Principal().getName();
        }
    }

    private AppleRoots() {
    }

    /** Apple Root CA - G3, from notif's resources. */
    public static Root appleRootG3() {
        try (InputStream in = AppleRoots.class.getResourceAsStream(G3_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(G3_RESOURCE + " is missing from notif's jar");
            }
            byte[] der = in.readAllBytes();
            return new Root("Apple Root CA - G3 (built in)", Pem.certificate(der), der);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CertificateException e) {
            throw new IllegalStateException("the built-in Apple Root CA - G3 does not parse", e);
        }
    }

    /** A root certificate from a file, DER or PEM; an unreadable or unparsable file is a usage error. */
    public static Root file(String option, Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw NotifException.usage("cannot read " + option + " " + file + ": " + e.getMessage(),
                "pass a root certificate file, DER (.cer, .der) or PEM (.pem)");
        }
        try {
            X509Certificate c = Pem.certificate(bytes);
            return new Root(file.toString(), c, c.getEncoded());
        } catch (CertificateException e) {
            throw NotifException.usage(option + " " + file + " is not an X.509 certificate (DER or PEM)",
                "pass a root certificate such as AppleRootCA-G3.cer or notif's apple-test-chain/root.pem");
        }
    }

    /** Apple's root (unless {@code withApple} is false) followed by the given files. */
    public static List<Root> of(boolean withApple, String option, List<Path> files) {
        List<Root> roots = new ArrayList<>();
        if (withApple) {
            roots.add(appleRootG3());
        }
        for (Path f : files) {
            roots.add(file(option, f));
        }
        return roots;
    }
}
