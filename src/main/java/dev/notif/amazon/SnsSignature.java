package dev.notif.amazon;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/** SNS signatures: SignatureVersion 1 is SHA1withRSA, 2 is SHA256withRSA, over the string to sign, in base64. */
public final class SnsSignature {
    private SnsSignature() {
    }

    /** The JCA algorithm for a SignatureVersion, or null when SNS has no such version. */
    public static String algorithm(String version) {
        if ("1".equals(version)) {
            return "SHA1withRSA";
        }
        if ("2".equals(version)) {
            return "SHA256withRSA";
        }
        return null;
    }

    static String sign(String stringToSign, RsaSigningKey key, String version) {
        String algorithm = algorithm(version);
        if (algorithm == null) {
            throw new IllegalArgumentException("SignatureVersion must be 1 or 2, got " + version);
        }
        return Base64.getEncoder().encodeToString(key.sign(algorithm, stringToSign.getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether {@code signature} (already base64-decoded) is {@code algorithm} over the string by {@code key}. */
    public static boolean verify(String stringToSign, byte[] signature, PublicKey key, String algorithm) {
        try {
            Signature s = Signature.getInstance(algorithm);
            s.initVerify(key);
            s.update(stringToSign.getBytes(StandardCharsets.UTF_8));
            return s.verify(signature);
        } catch (GeneralSecurityException e) {
            return false; // a key of another type or a signature of the wrong length: not this signer's
        }
    }

    /** The signature's bytes, or null when it is not base64. */
    public static byte[] decode(String signature) {
        try {
            return Base64.getMimeDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
