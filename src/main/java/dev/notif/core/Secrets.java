package dev.notif.core;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that redacts secrets: {@code sk_test_****y123}, {@code whsec_****abcd}.
 *
 * <p>Two ways to know a secret: its shape (Stripe keys and signing secrets, bearer tokens, Google access tokens,
 * private keys), and the run's registry: every secret the command was given or obtained (an Apple shared secret, an
 * access token, a JWT notif minted, a signature it computed) is {@link #remember remembered} where it enters, and
 * {@link #scrub} then redacts it wherever it appears, also as a peer quotes it back (JSON-escaped or URL-encoded).
 * Every printer scrubs what it prints (Text lines, JSON results, error lines, the receiver's answers and notices),
 * so a secret reaches output only through {@link #show} with {@code reveal}, which the user asked for.
 */
public final class Secrets {
    /** Shorter values are not remembered: redacting every occurrence of a 4-letter word would garble output. */
    static final int MIN_REMEMBERED = 6;
    private static final Set<String> KNOWN = ConcurrentHashMap.newKeySet();
    private static final Set<String> SHOWN = ConcurrentHashMap.newKeySet();
    private static volatile List<String> longestFirst = List.of();
    private static final Pattern PREFIX = Pattern.compile("^((?:sk|rk|rkcs|pk)_(?:test|live)_|whsec_|ya29\\.|[a-z]{2,6}_)");
    private static final Pattern IN_TEXT = Pattern.compile(
        "\\b(?:(?:sk|rk|rkcs|pk)_(?:test|live)_|whsec_)[A-Za-z0-9][A-Za-z0-9+/=_-]{3,}"
            + "|(?i:bearer)\\s+[A-Za-z0-9._~+/=-]{12,}"
            + "|\\bya29\\.[A-Za-z0-9._-]{16,}"
            + "|-----BEGIN [A-Z ]*PRIVATE KEY-----[\\s\\S]*?-----END [A-Z ]*PRIVATE KEY-----");

    private Secrets() {
    }

    /** {@code whsec_abcdefgh1234} becomes {@code whsec_****1234}; short values lose everything but the prefix. */
    public static String redact(String secret) {
        if (secret == null) {
            return null;
        }
        if (secret.startsWith("-----BEGIN")) {
            return "-----BEGIN PRIVATE KEY----- ****";
        }
        if (secret.regionMatches(true, 0, "bearer ", 0, 7)) {
            return secret.substring(0, 7) + "****";
        }
        Matcher m = PREFIX.matcher(secret);
        String prefix = m.find() ? m.group(1) : "";
        String rest = secret.substring(prefix.length());
        if (rest.length() <= 8) {
            return prefix + "****";
        }
        return prefix + "****" + rest.substring(rest.length() - 4);
    }

    /**
     * Remembers a secret this run was given or obtained, so that {@link #scrub} redacts it wherever it appears;
     * returns it. Null, blank and short values are ignored.
     */
    public static String remember(String secret) {
        if (secret == null || secret.strip().length() < MIN_REMEMBERED) {
            return secret;
        }
        String s = secret.strip();
        List<String> forms = new ArrayList<>(List.of(s, json(s), URLEncoder.encode(s, StandardCharsets.UTF_8)));
        boolean added = false;
        for (String f : forms) {
            added |= KNOWN.add(f);
        }
        if (added) {
            List<String> all = new ArrayList<>(KNOWN);
            all.sort(Comparator.comparingInt(String::length).reversed());
            longestFirst = List.copyOf(all);
        }
        return secret;
    }

    /** The value as it appears inside a JSON string. */
    private static String json(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Redacts every remembered secret, key, bearer token and private key found in free text (messages, bodies, traces). */
    public static String scrub(String text) {
        if (text == null) {
            return null;
        }
        for (String known : longestFirst) {
            if (text.contains(known) && !SHOWN.contains(known)) {
                text = text.replace(known, redact(known));
            }
        }
        Matcher m = IN_TEXT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String found = m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(SHOWN.contains(found) ? found : redact(found)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * A SHA-256 of secret bytes (a private key), in hex: what tells two secrets apart in a key of a cache without the
     * cache holding the secret itself.
     */
    public static String fingerprint(byte[] secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The value itself when the user asked to see it (scrubbing then leaves it alone), its redacted form otherwise. */
    public static String show(String secret, boolean reveal) {
        if (reveal && secret != null) {
            SHOWN.add(secret);
            SHOWN.add(secret.strip());
            return secret;
        }
        return redact(secret);
    }
}
