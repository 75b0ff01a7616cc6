package dev.notif.amazon;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import okhttp3.tls.HeldCertificate;

/**
 * A fresh RSA key and self-signed certificate that sign SNS messages the way SNS does. Never Amazon's: its subject
 * says so, and it lives only as long as the command that made it.
 */
public final class ThrowawaySigner {
    public static final String SUBJECT = "notif throwaway SNS test signer - not Amazon";
    private static ThrowawaySigner shared;
    private final HeldCertificate held;
    private final Instant generatedAt;

    private ThrowawaySigner(HeldCertificate held, Instant generatedAt) {
        this.held = held;
        this.generatedAt = generatedAt;
    }

    /**
     * The one signer of this process, made at its first use (an RSA key costs a second of CPU: a run over notif.toml
     * with many Amazon entries signs them all with one), and again when it is more than an hour old.
     */
    public static synchronized ThrowawaySigner forProcess(Instant now) {
        if (shared == null || now.isAfter(shared.generatedAt.plus(Duration.ofHours(1)))
            || now.isBefore(shared.generatedAt)) {
            shared = generate(now);
        }
        return shared;
    }

    /** A 2048-bit RSA key and a certificate valid from an hour before {@code now} to a day after. */
    public static ThrowawaySigner generate(Instant now) {
        return new ThrowawaySigner(new HeldCertificate.Builder()
            .rsa2048()
            .commonName(SUBJECT)
            .validityInterval(now.minus(Duration.ofHours(1)).toEpochMilli(), now.plus(Duration.ofDays(1)).toEpochMilli())
            .build(), now);
    }

    public X509Certificate certificate() {
        return held.certificate();
    }

    public String certificatePem() {
        return held.certificatePem();
    }

    /** The message signed with SignatureVersion {@code version}, its SigningCertURL set to {@code certUrl}. */
    public SnsMessage sign(SnsMessage unsigned, String version, String certUrl) {
        String signature = SnsSignature.sign(unsigned.stringToSign(), held.keyPair().getPrivate(), version);
        return unsigned.withSignature(version, signature, certUrl);
    }
}
