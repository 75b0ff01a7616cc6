package dev.notif.config;

import java.util.Collection;
import java.util.Locale;

/** The known word closest to a misspelt one (edit distance), for "did you mean ...?". */
public final class Suggest {
    private Suggest() {
    }

    /** The closest candidate, or null when none is close enough to be a plausible typo. */
    public static String closest(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String w = normal(word);
        for (String c : candidates) {
            String n = normal(c);
            int d = n.equals(w) ? 0 : n.contains(w) || w.contains(n) ? Math.abs(n.length() - w.length()) : distance(w, n);
            if (d < bestDistance || d == bestDistance && best != null && c.compareTo(best) < 0) {
                best = c;
                bestDistance = d;
            }
        }
        int allowed = Math.max(2, w.length() / 3);
        return bestDistance <= allowed ? best : null;
    }

    /** Case, hyphens and underscores do not matter: {@code Api-Key} is close to {@code api_key}. */
    private static String normal(String s) {
        return s.toLowerCase(Locale.ROOT).replace('-', '_');
    }

    /** Damerau-Levenshtein distance (optimal string alignment): a swap of two letters costs one. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
