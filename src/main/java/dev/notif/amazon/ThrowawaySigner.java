package dev.notif.amazon;

import dev.notif.core.NotifException;
import dev.notif.core.Pem;
import dev.notif.core.SecretFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import okhttp3.tls.HeldCertificate;

/**
 * An RSA-2048 key ({@link RsaSigningKey}: three primes, which sign in about half the CPU of two) and a self-signed
 * certificate that sign SNS messages the way SNS does. Never Amazon's: its subject says
 * so, and receivers that check the certificate URL's host (sns.REGION.amazonaws.com) reject it, by design. Generated
 * once under notif's configuration directory ({@code amazon-test-signer.pem}: certificate and private key, 0600) and
 * reused while it is valid, like the Apple test chain: a 2048-bit RSA key costs a short command a second of CPU.
 */
public final class ThrowawaySigner {
    public static final String SUBJECT = "notif throwaway SNS test signer - not Amazon";
    public static final String FILE = "amazon-test-signer.pem";
    /** How long a generated signer is valid (from an hour before it was made), and how much of it must be left. */
    static final Duration VALIDITY = Duration.ofDays(365);
    static final Duration LEFT = Duration.ofDays(1);
    private static ThrowawaySigner shared;
    private static ThrowawaySigner kept;
    private static Path keptIn;
    private static Object keptStamp;
    private static final SecureRandom RANDOM = new SecureRandom();
    private final X509Certificate certificate;
    private final String certificatePem;
    private final RsaSigningKey key;
    private final Instant generatedAt;

    private ThrowawaySigner(X509Certificate certificate, RsaSigningKey key, Instant generatedAt) {
        this.certificate = certificate;
        this.certificatePem = Pem.encode("CERTIFICATE", encoded(certificate));
        this.key = key;
        this.generatedAt = generatedAt;
    }

    /**
     * The one signer of this process when none is kept on disk, made at its first use (a run over notif.toml with
     * many Amazon entries signs them all with one), and again when it is more than an hour old.
     */
    public static synchronized ThrowawaySigner forProcess(Instant now) {
        if (shared == null || now.isAfter(shared.generatedAt.plus(Duration.ofHours(1)))
            || now.isBefore(shared.generatedAt)) {
            shared = generate(now);
        }
        return shared;
    }

    /** A fresh 2048-bit RSA key and a certificate valid from an hour before {@code now} for {@code validity}. */
    static ThrowawaySigner generate(Instant now, Duration validity) {
        RsaSigningKey key = RsaSigningKey.generate(RANDOM);
        X509Certificate cert = new HeldCertificate.Builder()
            .keyPair(key.publicKey(), key.jdkKey())
            .commonName(SUBJECT)
            .validityInterval(now.minus(Duration.ofHours(1)).toEpochMilli(), now.plus(validity).toEpochMilli())
            .build()
            .certificate();
        return new ThrowawaySigner(cert, key, now);
    }

    /** A fresh signer valid from an hour before {@code now} to a day after, kept nowhere. */
    public static ThrowawaySigner generate(Instant now) {
        return generate(now, Duration.ofDays(1));
    }

    /**
     * The signer kept under {@code configDir}, made (or made again: missing, damaged, expiring within a day, not
     * notif's, readable by others) and kept there (0600) when needed. A directory that cannot be written only costs
     * the time to generate one. Within a process (a run over notif.toml) the file is read once while it is unchanged.
     */
    public static synchronized ThrowawaySigner loadOrCreate(Path configDir, Instant now) {
        Path file = configDir.resolve(FILE);
        if (file.equals(keptIn) && Objects.equals(keptStamp, stamp(file)) && usable(kept.certificate(), now)) {
            return kept;
        }
        ThrowawaySigner signer = load(file, now);
        if (signer == null) {
            signer = generate(now, VALIDITY);
            try {
                SecretFiles.write(file, signer.certificatePem + Pem.encode("PRIVATE KEY", signer.key.pkcs8()));
            } catch (NotifException e) {
                // not kept: the next run generates its own
            }
        }
        kept = signer;
        keptIn = file;
        keptStamp = stamp(file);
        return signer;
    }

    /** The file's modification time, size, key and exposure (null when it cannot be read): changed when it is. */
    private static Object stamp(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return List.of(a.lastModifiedTime(), a.size(), String.valueOf(a.fileKey()), exposed(file));
        } catch (IOException e) {
            return null;
        }
    }

    /** Readable by others (a POSIX mode wider than 0600): not used, made again. */
    private static boolean exposed(Path file) {
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
            return !Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE).containsAll(mode);
        } catch (UnsupportedOperationException e) {
            return false; // not a POSIX file system (Windows): the user's profile ACLs apply
        } catch (IOException e) {
            return true;
        }
    }

    /** Valid now and for a day more. */
    private static boolean usable(X509Certificate cert, Instant now) {
        try {
            cert.checkValidity(Date.from(now));
            cert.checkValidity(Date.from(now.plus(LEFT)));
            return true;
        } catch (java.security.cert.CertificateException e) {
            return false;
        }
    }

    static ThrowawaySigner load(Path file, Instant now) {
        String pem;
        try {
            pem = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            return null; // missing or unreadable: made again
        }
        if (exposed(file)) {
            return null;
        }
        X509Certificate cert = null;
        RsaSigningKey key = null;
        try {
            byte[] certDer = Pem.decode(pem, "CERTIFICATE");
            byte[] keyDer = Pem.decode(pem, "PRIVATE KEY");
            cert = certDer == null ? null : Pem.certificate(certDer);
            key = keyDer == null ? null : RsaSigningKey.parsePkcs8(keyDer);
        } catch (CertificateException | RuntimeException e) {
            return null; // damaged: made again
        }
        boolean ours = cert != null && cert.getSubjectX500Principal().getName().equals("CN=" + SUBJECT);
        boolean pair = key != null && cert != null && cert.getPublicKey() instanceof RSAPublicKey pub
            && pub.getModulus().equals(key.modulus()) && pub.getPublicExponent().equals(key.publicExponent());
        return ours && pair && usable(cert, now) ? new ThrowawaySigner(cert, key, cert.getNotBefore().toInstant()) : null;
    }

    private static byte[] encoded(X509Certificate cert) {
        try {
            return cert.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public String certificatePem() {
        return certificatePem;
    }

    /** The message signed with SignatureVersion {@code version}, its SigningCertURL set to {@code certUrl}. */
    public SnsMessage sign(SnsMessage unsigned, String version, String certUrl) {
        String signature = SnsSignature.sign(unsigned.stringToSign(), key, version);
        return unsigned.withSignature(version, signature, certUrl);
    }
}
