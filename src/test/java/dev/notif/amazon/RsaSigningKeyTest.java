package dev.notif.amazon;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** notif's RSA signatures are the JDK's, byte for byte, whatever the number of primes of the key. */
class RsaSigningKeyTest {
    static final List<String> ALGORITHMS = List.of("SHA1withRSA", "SHA256withRSA");
    static final List<byte[]> MESSAGES = List.of(new byte[0], "Message\n{}\nType\nNotification\n".getBytes(
        StandardCharsets.UTF_8), "é€𝄞".repeat(2000).getBytes(StandardCharsets.UTF_8));
    static final RsaSigningKey KEY = RsaSigningKey.generate(new SecureRandom());

    static byte[] jdkSign(String algorithm, PrivateKey key, byte[] data) throws Exception {
        Signature s = Signature.getInstance(algorithm);
        s.initSign(key);
        s.update(data);
        return s.sign();
    }

    static boolean jdkVerify(String algorithm, PublicKey key, byte[] data, byte[] signature) throws Exception {
        Signature s = Signature.getInstance(algorithm);
        s.initVerify(key);
        s.update(data);
        return s.verify(signature);
    }

    @Test
    void a_made_key_is_rsa_2048_of_three_primes_with_exponent_65537() {
        assertThat(KEY.primeCount()).isEqualTo(3);
        assertThat(KEY.modulus().bitLength()).isEqualTo(2048);
        assertThat(KEY.publicExponent()).isEqualTo(BigInteger.valueOf(65537));
        assertThat(KEY.publicKey().getModulus()).isEqualTo(KEY.modulus());
    }

    @Test
    void its_signatures_are_what_the_jdk_makes_with_the_same_key_and_verify_as_rsa_2048() throws Exception {
        for (String algorithm : ALGORITHMS) {
            for (byte[] message : MESSAGES) {
                byte[] ours = KEY.sign(algorithm, message);
                assertThat(ours).hasSize(256);
                assertThat(ours).as(algorithm).isEqualTo(jdkSign(algorithm, KEY.jdkKey(), message));
                assertThat(jdkVerify(algorithm, KEY.publicKey(), message, ours)).isTrue();
                byte[] other = Arrays.copyOf(message, message.length + 1);
                assertThat(jdkVerify(algorithm, KEY.publicKey(), other, ours)).isFalse();
            }
        }
        String other = ALGORITHMS.get(0);
        assertThat(jdkVerify("SHA256withRSA", KEY.publicKey(), MESSAGES.get(1), KEY.sign(other, MESSAGES.get(1))))
            .isFalse();
    }

    @Test
    void a_two_prime_key_the_jdk_wrote_is_read_signs_as_the_jdk_and_is_written_back_the_same() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair pair = g.generateKeyPair();
        RsaSigningKey key = RsaSigningKey.parsePkcs8(pair.getPrivate().getEncoded());
        assertThat(key).isNotNull();
        assertThat(key.primeCount()).isEqualTo(2);
        assertThat(key.pkcs8()).isEqualTo(pair.getPrivate().getEncoded());
        for (String algorithm : ALGORITHMS) {
            for (byte[] message : MESSAGES) {
                assertThat(key.sign(algorithm, message)).isEqualTo(jdkSign(algorithm, pair.getPrivate(), message));
            }
        }
    }

    @Test
    void a_three_prime_key_is_read_back_from_its_pkcs8() {
        RsaSigningKey again = RsaSigningKey.parsePkcs8(KEY.pkcs8());
        assertThat(again).isNotNull();
        assertThat(again.primeCount()).isEqualTo(3);
        assertThat(again.pkcs8()).isEqualTo(KEY.pkcs8());
        assertThat(again.sign("SHA1withRSA", MESSAGES.get(1))).isEqualTo(KEY.sign("SHA1withRSA", MESSAGES.get(1)));
    }

    @Test
    void damaged_or_inconsistent_keys_are_not_read() {
        byte[] der = KEY.pkcs8();
        assertThat(RsaSigningKey.parsePkcs8(new byte[0])).isNull();
        assertThat(RsaSigningKey.parsePkcs8("not a key".getBytes(StandardCharsets.US_ASCII))).isNull();
        assertThat(RsaSigningKey.parsePkcs8(Arrays.copyOf(der, der.length - 10))).isNull();
        // any one byte changed: its structure breaks or its numbers no longer belong together
        for (int i = 0; i < der.length; i++) {
            byte[] changed = der.clone();
            changed[i] ^= 0x10;
            assertThat(RsaSigningKey.parsePkcs8(changed)).as("byte %d changed", i).isNull();
        }
    }
}
