package dev.notif.amazon;

import java.util.Locale;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Where SNS signing certificates and confirmation links may live: {@code https://sns.<region>.amazonaws.com}
 * (or {@code .amazonaws.com.cn}); a certificate's path ends in {@code .pem}. A receiver checks this before it
 * fetches anything, or anyone could sign messages with a certificate of their own.
 */
public final class SnsHosts {
    private static final Pattern HOST = Pattern.compile("sns\\.[a-z0-9][a-z0-9-]*[a-z0-9]\\.amazonaws\\.com(\\.cn)?");

    /** Why a URL may not be used, and what to do. */
    public record Problem(String reason, String fix) {
    }

    private SnsHosts() {
    }

    public static boolean isSnsHost(String host) {
        return host != null && HOST.matcher(host.toLowerCase(Locale.ROOT)).matches();
    }

    /** Null when SigningCertURL may be fetched; otherwise what is wrong with it. */
    public static Problem certificateUrl(String url) {
        Problem p = snsUrl("SigningCertURL", url);
        if (p != null) {
            return p;
        }
        HttpUrl u = HttpUrl.parse(url);
        if (!u.encodedPath().toLowerCase(Locale.ROOT).endsWith(".pem")) {
            return new Problem("SigningCertURL " + url + " does not name a .pem file",
                "SNS certificates are served as https://sns.<region>.amazonaws.com/SimpleNotificationService-<id>.pem;"
                    + " this message was not signed by SNS");
        }
        return null;
    }

    /** Null when a SubscribeURL may be visited; otherwise what is wrong with it. */
    public static Problem subscribeUrl(String url) {
        return snsUrl("SubscribeURL", url);
    }

    private static Problem snsUrl(String field, String url) {
        HttpUrl u = url == null ? null : HttpUrl.parse(url);
        if (u == null) {
            return new Problem(field + " is not a URL: " + url, "a message from SNS always carries an https:// " + field);
        }
        if (!u.isHttps()) {
            return new Problem(field + " " + url + " is not https", "SNS serves its certificates and links over HTTPS"
                + " only; a message pointing elsewhere was not sent by SNS (for local tests, trust the URL's prefix"
                + " explicitly)");
        }
        if (!isSnsHost(u.host())) {
            return new Problem(field + " host " + u.host() + " is not an SNS host (sns.<region>.amazonaws.com or"
                + " sns.<region>.amazonaws.com.cn)", "a message whose " + field + " points elsewhere was not signed by"
                + " SNS; refuse it (for local tests, trust that certificate or URL prefix explicitly)");
        }
        return null;
    }
}
