package dev.notif.core;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
    /**
     * Every remembered form by its first {@link #MIN_REMEMBERED} characters: {@link #scrub} looks up each position of a
     * text there, so that its cost follows the text's length, not how many secrets the run remembered (a run over
     * notif.toml mints thousands of tokens, and every line of its report is scrubbed).
     */
    private static final Map<String, Set<String>> KNOWN = new ConcurrentHashMap<>();
    /** A longer secret is redacted before a shorter one it contains. */
    private static final Comparator<String> LONGEST_FIRST = Comparator.comparingInt(String::length).reversed()
        .thenComparing(Comparator.naturalOrder());
    private static final Set<String> SHOWN = ConcurrentHashMap.newKeySet();
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
        for (String f : List.of(s, Json.escaped(s), plain(s) ? s : URLEncoder.encode(s, StandardCharsets.UTF_8))) {
            KNOWN.computeIfAbsent(f.substring(0, MIN_REMEMBERED), p -> ConcurrentHashMap.newKeySet()).add(f);
        }
        return secret;
    }

    /** Whether URL-encoding leaves {@code s} as it is (letters, digits, {@code .-_*}: a JWT, a base64url value). */
    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-'
                || c == '_' || c == '*')) {
                return false;
            }
        }
        return true;
    }

    /** Redacts every remembered secret, key, bearer token and private key found in free text (messages, bodies, traces). */
    public static String scrub(String text) {
        if (text == null) {
            return null;
        }
        TreeSet<String> inText = null; // the remembered forms the text holds, longest first
        if (!KNOWN.isEmpty()) {
            for (int i = 0; i + MIN_REMEMBERED <= text.length(); i++) {
                Set<String> forms = KNOWN.get(text.substring(i, i + MIN_REMEMBERED));
                if (forms != null) {
                    for (String form : forms) {
                        if (text.startsWith(form, i) && !SHOWN.contains(form)) {
                            (inText == null ? inText = new TreeSet<>(LONGEST_FIRST) : inText).add(form);
                        }
                    }
                }
            }
        }
        if (inText != null) {
            for (String form : inText) {
                text = text.replace(form, redact(form)); // nothing when a longer one took it already
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
