package dev.notif.core;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The one place that redacts API keys and webhook secrets: {@code sk_test_****y123}, {@code whsec_****abcd}. */
public final class Secrets {
    private static final Pattern PREFIX = Pattern.compile("^((?:sk|rk|pk)_(?:test|live)_|whsec_|[a-z]{2,6}_)");
    private static final Pattern IN_TEXT = Pattern.compile(
        "\\b(?:(?:sk|rk|pk)_(?:test|live)_|whsec_)[A-Za-z0-9+/=_-]{4,}"
            + "|(?i:bearer)\\s+[A-Za-z0-9._~+/=-]{12,}"
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

    /** Redacts every key, secret, bearer token and private key found in free text (messages, bodies, traces). */
    public static String scrub(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = IN_TEXT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(redact(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The value itself when the user asked to see it, its redacted form otherwise. */
    public static String show(String secret, boolean reveal) {
        return reveal ? secret : redact(secret);
    }
}
