package dev.notif.amazon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The signer of send amazon is made once under the configuration directory and reused while it is valid. */
class ThrowawaySignerTest {
    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @TempDir
    Path config;

    @Test
    void made_once_kept_private_and_reused() throws Exception {
        ThrowawaySigner first = ThrowawaySigner.loadOrCreate(config, NOW);
        Path file = config.resolve(ThrowawaySigner.FILE);
        assertThat(Files.readString(file)).contains("-----BEGIN CERTIFICATE-----", "-----BEGIN PRIVATE KEY-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(first.certificate().getSubjectX500Principal().getName()).isEqualTo("CN=" + ThrowawaySigner.SUBJECT);
        assertThat(first.certificate().getNotAfter().toInstant()).isAfter(NOW.plus(Duration.ofDays(300)));

        ThrowawaySigner again = ThrowawaySigner.loadOrCreate(config, NOW.plus(Duration.ofDays(30)));
        assertThat(again.certificate()).isEqualTo(first.certificate());
        assertThat(again.certificatePem()).isEqualTo(first.certificatePem());
        SnsMessage signed = again.sign(unsigned(), "2", "http://127.0.0.1:1/cert.pem");
        assertThat(SnsSignature.verify(signed.stringToSign(), SnsSignature.decode(signed.signature()),
            first.certificate().getPublicKey(), SnsSignature.algorithm("2"))).isTrue();
    }

    @Test
    void made_again_when_expiring_damaged_or_not_notifs() throws Exception {
        ThrowawaySigner first = ThrowawaySigner.loadOrCreate(config, NOW);
        Instant lastDay = NOW.plus(ThrowawaySigner.VALIDITY).minus(Duration.ofHours(12));
        ThrowawaySigner renewed = ThrowawaySigner.loadOrCreate(config, lastDay);
        assertThat(renewed.certificate()).isNotEqualTo(first.certificate());
        assertThat(ThrowawaySigner.loadOrCreate(config, lastDay).certificate()).isEqualTo(renewed.certificate());

        Path file = config.resolve(ThrowawaySigner.FILE);
        Files.writeString(file, Files.readString(file).replaceAll("(?m)^[A-Za-z0-9+/]{64}$", "A".repeat(64)));
        ThrowawaySigner repaired = ThrowawaySigner.loadOrCreate(config, NOW);
        assertThat(repaired.certificate()).isNotEqualTo(renewed.certificate());

        // a certificate and key that are not notif's signer (another subject) are not used, and replaced
        var other = new okhttp3.tls.HeldCertificate.Builder().rsa2048().commonName("someone else").build();
        Files.writeString(file, other.certificatePem() + other.privateKeyPkcs8Pem());
        assertThat(ThrowawaySigner.loadOrCreate(config, NOW).certificate()).isNotEqualTo(other.certificate());
        assertThat(Files.readString(file)).doesNotContain(other.certificatePem());
    }

    @Test
    void a_two_prime_signer_an_earlier_notif_kept_is_still_used() throws Exception {
        var earlier = new okhttp3.tls.HeldCertificate.Builder().rsa2048().commonName(ThrowawaySigner.SUBJECT)
            .validityInterval(NOW.minus(Duration.ofDays(1)).toEpochMilli(), NOW.plus(Duration.ofDays(300)).toEpochMilli())
            .build();
        Path file = config.resolve(ThrowawaySigner.FILE);
        Files.writeString(file, earlier.certificatePem() + earlier.privateKeyPkcs8Pem());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        ThrowawaySigner signer = ThrowawaySigner.loadOrCreate(config, NOW);
        assertThat(signer.certificate()).isEqualTo(earlier.certificate());
        assertThat(signer.certificatePem()).isEqualTo(earlier.certificatePem());
        SnsMessage signed = signer.sign(unsigned(), "1", "http://127.0.0.1:1/cert.pem");
        assertThat(SnsSignature.verify(signed.stringToSign(), SnsSignature.decode(signed.signature()),
            earlier.certificate().getPublicKey(), SnsSignature.algorithm("1"))).isTrue();
    }

    @Test
    void a_file_readable_by_others_is_not_used_and_made_again_private() throws Exception {
        ThrowawaySigner first = ThrowawaySigner.loadOrCreate(config, NOW);
        Path file = config.resolve(ThrowawaySigner.FILE);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        ThrowawaySigner again = ThrowawaySigner.loadOrCreate(config, NOW);
        assertThat(again.certificate()).isNotEqualTo(first.certificate());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(ThrowawaySigner.loadOrCreate(config, NOW).certificate()).isEqualTo(again.certificate());
    }

    @Test
    void a_directory_that_cannot_be_written_costs_only_the_time_to_make_one() throws Exception {
        Path notADirectory = config.resolve("file");
        Files.writeString(notADirectory, "x");
        ThrowawaySigner signer = ThrowawaySigner.loadOrCreate(notADirectory, NOW);
        assertThat(signer.certificate().getSubjectX500Principal().getName()).isEqualTo("CN=" + ThrowawaySigner.SUBJECT);
    }

    static SnsMessage unsigned() {
        return new SnsMessage(SnsMessage.NOTIFICATION, "id-1", null, SnsSession.DEFAULT_TOPIC_ARN, null, "{}", null,
            SnsSession.timestamp(NOW), null, null, null, "http://127.0.0.1:1/unsubscribe");
    }
}
