package dev.notif.core;

import java.util.Locale;
import okhttp3.HttpUrl;

/** URL parsing and comparison for ingestion URLs. */
public final class Urls {
    private Urls() {
    }

    /** An absolute http(s) URL, or a usage error naming what is wrong with it. */
    public static HttpUrl http(String option, String value) {
        if (value == null || value.isBlank()) {
            throw NotifException.usage(option + " is empty", "pass a full URL such as https://api.example.com/webhooks/stripe");
        }
        String v = value.strip();
        if (!v.equals(value)) {
            throw NotifException.usage(option + " has leading or trailing whitespace: '" + value + "'",
                "remove the spaces around the URL");
        }
        String lower = v.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            throw NotifException.usage(option + " must start with https:// or http://, got '" + v + "'",
                "pass a full URL such as https://api.example.com/webhooks/stripe");
        }
        HttpUrl url = HttpUrl.parse(v);
        if (url == null || url.host().isEmpty()) {
            throw NotifException.usage(option + " is not a valid URL: '" + v + "'",
                "pass a full URL such as https://api.example.com/webhooks/stripe");
        }
        return url;
    }

    /** The form used to compare endpoint URLs: lower-case scheme and host, default port dropped, no trailing slash. */
    public static String normalize(String url) {
        HttpUrl u = HttpUrl.parse(url.strip());
        if (u == null) {
            return url.strip();
        }
        String path = u.encodedPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return u.scheme() + "://" + u.host().toLowerCase(Locale.ROOT)
            + (u.port() == HttpUrl.defaultPort(u.scheme()) ? "" : ":" + u.port())
            + path + (u.encodedQuery() == null ? "" : "?" + u.encodedQuery());
    }
}
