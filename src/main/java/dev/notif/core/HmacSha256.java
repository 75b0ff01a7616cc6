package dev.notif.core;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * HMAC-SHA256 (RFC 2104) over the JDK's SHA-256 {@link MessageDigest}: what {@code Mac.getInstance("HmacSHA256")}
 * computes, without the JCE around it. The first {@code javax.crypto} lookup instantiates every security provider
 * listed before SunJCE (SunEC registers all its curves) and sets JceSecurity up, whose first {@code java.net.URL}
 * searches the class path for URL handlers, opening every jar: about 100 ms of CPU on a short command, more than
 * the rest of its cryptography. Not thread-safe: one instance per thread.
 */
public final class HmacSha256 {
    public static final int LENGTH = 32;
    private static final int BLOCK = 64;
    private final MessageDigest digest;

    public HmacSha256() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    /** HMAC(key, parts...) of the parts one after the other. */
    public byte[] mac(byte[] key, byte[]... parts) {
        byte[] k = key.length > BLOCK ? digest.digest(key) : key;
        byte[] pad = Arrays.copyOf(k, BLOCK);
        for (int i = 0; i < BLOCK; i++) {
            pad[i] ^= 0x36;
        }
        digest.reset();
        digest.update(pad);
        for (byte[] part : parts) {
            digest.update(part);
        }
        byte[] inner = digest.digest();
        for (int i = 0; i < BLOCK; i++) {
            pad[i] ^= 0x36 ^ 0x5c;
        }
        digest.update(pad);
        digest.update(inner);
        return digest.digest();
    }
}
