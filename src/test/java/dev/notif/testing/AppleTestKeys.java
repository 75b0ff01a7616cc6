package dev.notif.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.core.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;

/** Generated Apple-style API keys (.p8, EC P-256) and the checks Apple's servers make on the JWTs signed with them. */
public final class AppleTestKeys {
    private AppleTestKeys() {
    }

    public static KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the private key as App Store Connect hands it out: PKCS#8 PEM in a .p8 file. */
    public static Path writeP8(Path dir, String name, KeyPair pair) throws Exception {
        String pem = "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pair.getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n";
        Path file = dir.resolve(name);
        Files.createDirectories(dir);
        Files.writeString(file, pem);
        return file;
    }

    /**
     * The problems Apple's API gateway would find with a bearer token at {@code now}: ES256 over the key's public key,
     * the expected kid, iss, aud and (for the App Store Server API, {@code bid} not null) bid and an iat, an expiry in
     * the future and at most 20 minutes away (60 minutes after its iat for the App Store Server API). Empty when the
     * token is good.
     */
    public static List<String> jwtProblems(String authorization, PublicKey key, String kid, String iss, String aud,
                                           String bid, Instant now) {
        return jwtVerdict(authorization, key, kid, iss, aud, bid).at(now);
    }

    /**
     * What is right or wrong with a token whatever the time (its signature, header and claims), and its times: the
     * part of {@link #jwtProblems} a stand-in may keep per exact token string, as the same string always has the same
     * verdict; {@link JwtVerdict#at} adds the expiry's judgement at a given time.
     */
    public static JwtVerdict jwtVerdict(String authorization, PublicKey key, String kid, String iss, String aud,
                                        String bid) {
        return jwtVerdict(authorization, key, kid, iss, aud, bid == null ? null : Set.of(bid));
    }

    /**
     * The same for a key that signs for several apps (an In-App Purchase key is the team's, each token names its app
     * in {@code bid}): a {@code bid} in {@code bids}, or none for App Store Connect ({@code bids} null).
     */
    public static JwtVerdict jwtVerdict(String authorization, PublicKey key, String kid, String iss, String aud,
                                        Set<String> bids) {
        boolean serverApi = bids != null; // the App Store Server API's: a bid, an iat, at most 60 minutes
        List<String> problems = new ArrayList<>();
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            problems.add("no bearer token");
            return new JwtVerdict(problems, null, null, 0);
        }
        String[] parts = authorization.substring(7).split("\\.");
        if (parts.length != 3) {
            problems.add("not a compact JWS");
            return new JwtVerdict(problems, null, null, 0);
        }
        JsonNode header;
        JsonNode payload;
        try {
            header = Json.parse(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8));
            payload = Json.parse(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            problems.add("not base64url JSON: " + e.getMessage());
            return new JwtVerdict(problems, null, null, 0);
        }
        if (!"ES256".equals(header.path("alg").asText())) {
            problems.add("alg " + header.path("alg").asText());
        }
        if (!kid.equals(header.path("kid").asText())) {
            problems.add("kid " + header.path("kid").asText());
        }
        if (!iss.equals(payload.path("iss").asText())) {
            problems.add("iss " + payload.path("iss").asText());
        }
        JsonNode audNode = payload.path("aud");
        String audience = audNode.isArray() ? audNode.path(0).asText() : audNode.asText();
        if (!aud.equals(audience)) {
            problems.add("aud " + audience);
        }
        if (bids != null && !bids.contains(payload.path("bid").asText())) {
            problems.add("bid " + payload.path("bid").asText());
        }
        Long iat = payload.path("iat").canConvertToLong() ? payload.path("iat").asLong() : null;
        if (serverApi && iat == null) {
            problems.add("no iat");
        }
        long exp = payload.path("exp").asLong(0);
        if (serverApi && iat != null && exp > iat + 60 * 60) {
            problems.add("exp " + exp + " more than 60 minutes after iat " + iat);
        }
        try {
            if (!Es256.of(key).verifies((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII),
                Base64.getUrlDecoder().decode(parts[2]))) {
                problems.add("signature does not verify");
            }
        } catch (Exception e) {
            problems.add("signature: " + e);
        }
        return new JwtVerdict(problems, exp, iat, serverApi ? 60 * 60 : 20 * 60);
    }

    /**
     * A token's problems apart from the time, its exp and iat (null: it has none, or could not be read), and the
     * longest it may live.
     */
    public record JwtVerdict(List<String> problems, Long exp, Long iat, long maxLifetime) {
        /** Every problem at {@code now}: these and the expiry's (a minute of clock skew allowed either way). */
        public List<String> at(Instant now) {
            List<String> all = new ArrayList<>(problems);
            long t = now.getEpochSecond();
            if (exp != null && (exp <= t - 60 || exp > t + maxLifetime + 60)) {
                all.add("exp " + exp + " (now " + t + ")");
            }
            if (iat != null && iat > t + 60) {
                all.add("iat " + iat + " in the future (now " + t + ")");
            }
            return all;
        }
    }

    /**
     * ES256 verification (SHA-256, P-256, the signature as {@code R || S}) of the stand-ins, which check a new token
     * on every request (Apple's clients sign one per request): a P-256 key is verified with BouncyCastle's
     * lightweight ECDSA, about a tenth of the JDK's CPU on Java 17 and 25 alike (the stand-ins share the machine's
     * cores with what they serve), any other key with the JDK's. The same verdicts: r and s in [1, n-1], the point
     * equation, the exact length of the signature.
     */
    static final class Es256 {
        private static final X9ECParameters P256 = CustomNamedCurves.getByName("secp256r1");
        private static final Map<PublicKey, Es256> BY_KEY = new ConcurrentHashMap<>();
        private final PublicKey key;
        private final ECPublicKeyParameters p256;

        private Es256(PublicKey key) {
            this.key = key;
            this.p256 = p256(key);
        }

        static Es256 of(PublicKey key) {
            return BY_KEY.computeIfAbsent(key, Es256::new);
        }

        private static ECPublicKeyParameters p256(PublicKey key) {
            if (!(key instanceof ECPublicKey ec) || ec.getParams().getOrder().compareTo(P256.getN()) != 0
                || ec.getParams().getCurve().getField().getFieldSize() != 256
                || !ec.getParams().getGenerator().getAffineX().equals(P256.getG().getAffineXCoord().toBigInteger())) {
                return null;
            }
            return new ECPublicKeyParameters(P256.getCurve().createPoint(ec.getW().getAffineX(), ec.getW().getAffineY()),
                new ECDomainParameters(P256.getCurve(), P256.getG(), P256.getN(), P256.getH()));
        }

        boolean verifies(byte[] input, byte[] signature) throws Exception {
            if (p256 == null) {
                Signature s = Signature.getInstance("SHA256withECDSAinP1363Format");
                s.initVerify(key);
                s.update(input);
                return s.verify(signature);
            }
            if (signature.length != 64) {
                return false;
            }
            ECDSASigner signer = new ECDSASigner();
            signer.init(false, p256);
            return signer.verifySignature(MessageDigest.getInstance("SHA-256").digest(input),
                new BigInteger(1, Arrays.copyOfRange(signature, 0, 32)),
                new BigInteger(1, Arrays.copyOfRange(signature, 32, 64)));
        }
    }
}
