package dev.notif.amazon;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPrivateKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The RSA private key of notif's throwaway SNS signer, and its RSASSA-PKCS1-v1_5 signatures (SHA1withRSA,
 * SHA256withRSA), byte for byte what the JDK's {@code Signature} makes with the same key.
 *
 * <p>Why not the JDK's: a key made here has three primes (RFC 8017's multi-prime RSA; OpenSSL makes up to three for
 * a 2048-bit modulus), and a signature is then three exponentiations modulo 683-bit primes instead of two modulo
 * 1024-bit ones: about half the CPU, and it is most of what {@code check amazon} spends (two signed messages per
 * endpoint). The JDK signs with two-prime keys only. The public key is an ordinary RSA-2048 key (modulus of 2048
 * bits, exponent 65537): what an endpoint verifies cannot tell the difference. Every signature is checked with the
 * public key before it leaves (a wrong one would otherwise pass for an endpoint's refusal). No blinding: the key
 * signs test messages of notif's own making, and no verifier that checks SNS's certificate host accepts them.
 *
 * <p>Kept as PKCS#8 ({@code -----BEGIN PRIVATE KEY-----}, RFC 8017's RSAPrivateKey: version 1 with
 * otherPrimeInfos for three primes, version 0 for the two-prime keys earlier versions of notif made).
 */
final class RsaSigningKey {
    static final BigInteger PUBLIC_EXPONENT = BigInteger.valueOf(65537);
    static final int BITS = 2048;
    static final int PRIMES = 3;
    /** The DER prefix of the DigestInfo of each algorithm (RFC 8017, 9.2 note 1). */
    private static final byte[] SHA1_INFO = HexFormat.of().parseHex("3021300906052b0e03021a05000414");
    private static final byte[] SHA256_INFO = HexFormat.of().parseHex("3031300d060960864801650304020105000420");
    /** rsaEncryption (1.2.840.113549.1.1.1) with NULL parameters. */
    private static final byte[] RSA_ALGORITHM = HexFormat.of().parseHex("300d06092a864886f70d0101010500");

    private final BigInteger modulus;
    private final BigInteger publicExponent;
    private final BigInteger privateExponent;
    /** r_1 = p, r_2 = q, r_3, ...: the CRT exponents d mod (r_i - 1) and coefficients as RFC 8017 names them. */
    private final BigInteger[] primes;
    private final BigInteger[] exponents;
    private final BigInteger[] coefficients;

    private RsaSigningKey(BigInteger e, BigInteger d, BigInteger[] primes) {
        this.publicExponent = e;
        this.privateExponent = d;
        this.primes = primes;
        BigInteger n = BigInteger.ONE;
        exponents = new BigInteger[primes.length];
        coefficients = new BigInteger[primes.length];
        for (int i = 0; i < primes.length; i++) {
            exponents[i] = d.mod(primes[i].subtract(BigInteger.ONE));
            // qInv = q^-1 mod p for the first two; t_i = (r_1 * ... * r_(i-1))^-1 mod r_i after them
            coefficients[i] = i == 0 ? primes[1].modInverse(primes[0]) : i == 1 ? null : n.modInverse(primes[i]);
            n = n.multiply(primes[i]);
        }
        this.modulus = n;
    }

    /** A fresh key of {@link #PRIMES} distinct primes whose product has exactly {@link #BITS} bits, e = 65537. */
    static RsaSigningKey generate(SecureRandom random) {
        while (true) {
            List<BigInteger> primes = new ArrayList<>();
            BigInteger product = BigInteger.ONE;
            for (int i = 0; i < PRIMES - 1; i++) {
                BigInteger r = prime(BITS / PRIMES + 1, random, primes);
                primes.add(r);
                product = product.multiply(r);
            }
            // the last prime is drawn where the product has BITS bits: [2^(BITS-1) / product, 2^BITS / product)
            BigInteger low = BigInteger.ONE.shiftLeft(BITS - 1).divide(product).add(BigInteger.ONE);
            BigInteger high = BigInteger.ONE.shiftLeft(BITS).subtract(BigInteger.ONE).divide(product);
            BigInteger last = new BigInteger(high.subtract(low).bitLength(), random).mod(high.subtract(low)).add(low)
                .nextProbablePrime();
            if (last.compareTo(high) > 0 || primes.contains(last) || !coprime(last)) {
                continue;
            }
            primes.add(last);
            BigInteger lambda = BigInteger.ONE;
            for (BigInteger r : primes) {
                BigInteger r1 = r.subtract(BigInteger.ONE);
                lambda = lambda.divide(lambda.gcd(r1)).multiply(r1);
            }
            return new RsaSigningKey(PUBLIC_EXPONENT, PUBLIC_EXPONENT.modInverse(lambda), primes.toArray(BigInteger[]::new));
        }
    }

    private static BigInteger prime(int bits, SecureRandom random, List<BigInteger> taken) {
        while (true) {
            BigInteger r = BigInteger.probablePrime(bits, random);
            if (!taken.contains(r) && coprime(r)) {
                return r;
            }
        }
    }

    /** e has an inverse modulo r - 1. */
    private static boolean coprime(BigInteger r) {
        return r.subtract(BigInteger.ONE).gcd(PUBLIC_EXPONENT).equals(BigInteger.ONE);
    }

    BigInteger modulus() {
        return modulus;
    }

    BigInteger publicExponent() {
        return publicExponent;
    }

    int primeCount() {
        return primes.length;
    }

    RSAPublicKey publicKey() {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(modulus, publicExponent));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same key for the JDK (modulus and private exponent only): to sign the certificate, once. */
    PrivateKey jdkKey() {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new RSAPrivateKeySpec(modulus, privateExponent));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The RSASSA-PKCS1-v1_5 signature of {@code data} with {@code SHA1withRSA} or {@code SHA256withRSA}. */
    byte[] sign(String algorithm, byte[] data) {
        byte[] info = switch (algorithm) {
            case "SHA1withRSA" -> SHA1_INFO;
            case "SHA256withRSA" -> SHA256_INFO;
            default -> throw new IllegalArgumentException("cannot sign with " + algorithm);
        };
        byte[] hash;
        try {
            hash = MessageDigest.getInstance(algorithm.startsWith("SHA1") ? "SHA-1" : "SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        // EM = 0x00 0x01 PS(0xff...) 0x00 DigestInfo
        int k = (modulus.bitLength() + 7) / 8;
        byte[] em = new byte[k];
        Arrays.fill(em, 1, k - info.length - hash.length - 1, (byte) 0xff);
        em[1] = 1;
        System.arraycopy(info, 0, em, k - info.length - hash.length, info.length);
        System.arraycopy(hash, 0, em, k - hash.length, hash.length);
        BigInteger m = new BigInteger(1, em);
        BigInteger s = privateOperation(m);
        if (!s.modPow(publicExponent, modulus).equals(m)) {
            throw new IllegalStateException("the RSA signature does not verify with its own key");
        }
        byte[] out = s.toByteArray();
        if (out.length == k) {
            return out;
        }
        byte[] fixed = new byte[k]; // without the sign byte, or left-padded with zeros
        int from = Math.max(0, out.length - k);
        System.arraycopy(out, from, fixed, k - (out.length - from), out.length - from);
        return fixed;
    }

    /** m^d mod n through the primes (RFC 8017, 5.1.2, RSASP1 with the CRT, Garner's recombination). */
    private BigInteger privateOperation(BigInteger m) {
        BigInteger m1 = m.mod(primes[0]).modPow(exponents[0], primes[0]);
        BigInteger m2 = m.mod(primes[1]).modPow(exponents[1], primes[1]);
        BigInteger h = m1.subtract(m2).multiply(coefficients[0]).mod(primes[0]);
        BigInteger s = m2.add(primes[1].multiply(h));
        BigInteger r = primes[0].multiply(primes[1]);
        for (int i = 2; i < primes.length; i++) {
            BigInteger mi = m.mod(primes[i]).modPow(exponents[i], primes[i]);
            s = s.add(r.multiply(mi.subtract(s).multiply(coefficients[i]).mod(primes[i])));
            r = r.multiply(primes[i]);
        }
        return s;
    }

    /** The key as PKCS#8 DER: PrivateKeyInfo {0, rsaEncryption, RSAPrivateKey}. */
    byte[] pkcs8() {
        ByteArrayOutputStream key = new ByteArrayOutputStream();
        Der.integer(key, BigInteger.valueOf(primes.length > 2 ? 1 : 0));
        for (BigInteger v : List.of(modulus, publicExponent, privateExponent, primes[0], primes[1], exponents[0],
            exponents[1], coefficients[0])) {
            Der.integer(key, v);
        }
        if (primes.length > 2) {
            ByteArrayOutputStream others = new ByteArrayOutputStream();
            for (int i = 2; i < primes.length; i++) {
                ByteArrayOutputStream info = new ByteArrayOutputStream();
                Der.integer(info, primes[i]);
                Der.integer(info, exponents[i]);
                Der.integer(info, coefficients[i]);
                Der.write(others, Der.SEQUENCE, info.toByteArray());
            }
            Der.write(key, Der.SEQUENCE, others.toByteArray());
        }
        ByteArrayOutputStream rsaKey = new ByteArrayOutputStream();
        Der.write(rsaKey, Der.SEQUENCE, key.toByteArray());
        ByteArrayOutputStream info = new ByteArrayOutputStream();
        Der.integer(info, BigInteger.ZERO);
        info.writeBytes(RSA_ALGORITHM);
        Der.write(info, Der.OCTET_STRING, rsaKey.toByteArray());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Der.write(out, Der.SEQUENCE, info.toByteArray());
        return out.toByteArray();
    }

    /**
     * Reads a PKCS#8 RSA key ({@link #pkcs8}, or any two-prime one such as the JDK writes); null when it is not one
     * or its numbers do not belong together (primes whose product is not the modulus, CRT values that are not the
     * private exponent's).
     */
    static RsaSigningKey parsePkcs8(byte[] der) {
        try {
            Der.Reader info = Der.Reader.of(der).sequence();
            if (info.integer().signum() != 0 || !Arrays.equals(info.whole(Der.SEQUENCE), RSA_ALGORITHM)) {
                return null;
            }
            Der.Reader key = Der.Reader.of(info.octets()).sequence();
            int version = key.integer().intValueExact();
            BigInteger n = key.integer();
            BigInteger e = key.integer();
            BigInteger d = key.integer();
            List<BigInteger> primes = new ArrayList<>(List.of(key.integer(), key.integer()));
            List<BigInteger> given = new ArrayList<>(List.of(key.integer(), key.integer(), key.integer()));
            if (version == 1) {
                Der.Reader others = key.sequence();
                while (others.more()) {
                    Der.Reader other = others.sequence();
                    primes.add(other.integer());
                    given.add(other.integer());
                    given.add(other.integer());
                }
            } else if (version != 0) {
                return null;
            }
            if (primes.stream().anyMatch(p -> p.compareTo(BigInteger.TWO) < 0)) {
                return null;
            }
            RsaSigningKey k = new RsaSigningKey(e, d, primes.toArray(BigInteger[]::new));
            List<BigInteger> derived = new ArrayList<>(List.of(k.exponents[0], k.exponents[1], k.coefficients[0]));
            for (int i = 2; i < k.primes.length; i++) {
                derived.addAll(List.of(k.exponents[i], k.coefficients[i]));
            }
            boolean inverse = true; // e * d_i = 1 mod (r_i - 1): what makes m^d mod n a signature e undoes
            for (int i = 0; i < k.primes.length; i++) {
                BigInteger r1 = k.primes[i].subtract(BigInteger.ONE);
                inverse &= e.multiply(k.exponents[i]).mod(r1).equals(BigInteger.ONE);
            }
            return k.modulus.equals(n) && derived.equals(given) && inverse ? k : null;
        } catch (IllegalArgumentException | ArithmeticException e) {
            return null; // not DER, not these structures, or primes without inverses
        }
    }

    /** Just enough DER for an RSA PKCS#8 key. */
    static final class Der {
        static final int INTEGER = 0x02;
        static final int OCTET_STRING = 0x04;
        static final int SEQUENCE = 0x30;

        private Der() {
        }

        static void integer(ByteArrayOutputStream out, BigInteger v) {
            write(out, INTEGER, v.toByteArray());
        }

        static void write(ByteArrayOutputStream out, int tag, byte[] content) {
            out.write(tag);
            int length = content.length;
            if (length < 0x80) {
                out.write(length);
            } else {
                int bytes = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
                out.write(0x80 | bytes);
                for (int i = bytes - 1; i >= 0; i--) {
                    out.write(length >>> (8 * i));
                }
            }
            out.writeBytes(content);
        }

        /** The elements of one constructed value, read in order; IllegalArgumentException on anything else. */
        static final class Reader {
            private final byte[] der;
            private int at;
            private final int end;

            private Reader(byte[] der, int from, int end) {
                this.der = der;
                this.at = from;
                this.end = end;
            }

            static Reader of(byte[] der) {
                return new Reader(der, 0, der.length);
            }

            boolean more() {
                return at < end;
            }

            Reader sequence() {
                int[] v = next(SEQUENCE);
                return new Reader(der, v[0], v[1]);
            }

            BigInteger integer() {
                int[] v = next(INTEGER);
                if (v[1] == v[0]) {
                    throw new IllegalArgumentException("an empty INTEGER");
                }
                return new BigInteger(Arrays.copyOfRange(der, v[0], v[1]));
            }

            byte[] octets() {
                int[] v = next(OCTET_STRING);
                return Arrays.copyOfRange(der, v[0], v[1]);
            }

            /** The next element as it is written, tag and length included. */
            byte[] whole(int tag) {
                int start = at;
                next(tag);
                return Arrays.copyOfRange(der, start, at);
            }

            /** The content's bounds of the next element, which must have {@code tag}. */
            private int[] next(int tag) {
                if (at + 2 > end || (der[at] & 0xff) != tag) {
                    throw new IllegalArgumentException("expected tag " + tag);
                }
                int length = der[at + 1] & 0xff;
                int from = at + 2;
                if (length >= 0x80) {
                    int bytes = length & 0x7f;
                    if (bytes == 0 || bytes > 3 || from + bytes > end) {
                        throw new IllegalArgumentException("a length DER does not allow here");
                    }
                    length = 0;
                    for (int i = 0; i < bytes; i++) {
                        length = length << 8 | der[from + i] & 0xff;
                    }
                    from += bytes;
                }
                if (length > end - from) {
                    throw new IllegalArgumentException("a value longer than what holds it");
                }
                at = from + length;
                return new int[] {from, at};
            }
        }
    }
}
