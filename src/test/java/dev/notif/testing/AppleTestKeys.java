package dev.notif.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.core.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

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
        if (bid != null && !bid.equals(payload.path("bid").asText())) {
            problems.add("bid " + payload.path("bid").asText());
        }
        Long iat = payload.path("iat").canConvertToLong() ? payload.path("iat").asLong() : null;
        if (bid != null && iat == null) {
            problems.add("no iat");
        }
        long exp = payload.path("exp").asLong(0);
        if (bid != null && iat != null && exp > iat + 60 * 60) {
            problems.add("exp " + exp + " more than 60 minutes after iat " + iat);
        }
        try {
            Signature s = Signature.getInstance("SHA256withECDSAinP1363Format");
            s.initVerify(key);
            s.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!s.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                problems.add("signature does not verify");
            }
        } catch (Exception e) {
            problems.add("signature: " + e);
        }
        return new JwtVerdict(problems, exp, iat, bid == null ? 20 * 60 : 60 * 60);
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
}
