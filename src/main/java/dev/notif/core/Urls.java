package dev.notif.core;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/** URL parsing and comparison for ingestion URLs, and what a URL's host says about who can reach it. */
public final class Urls {
    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    /** A dotted quad in decimal without leading zeros; other spellings (127.1, 0x7f.0.0.1) are taken as names. */
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    /** Hex digits and colons (a dotted quad may end it): IPv6, which InetAddress parses without a lookup. */
    private static final Pattern IPV6 = Pattern.compile("[0-9a-f]*:[0-9a-f:.]*");

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

    /**
     * Whether {@code host} is this machine, as written (never a DNS lookup): {@code localhost} and names under
     * {@code .localhost} (RFC 6761), 127.0.0.0/8, {@code ::1}, and 127/8 mapped into IPv6 ({@code ::ffff:127.0.0.1}).
     * The host as {@link HttpUrl#host()} gives it (IPv6 without brackets, which are allowed too); case and one
     * trailing dot do not matter.
     */
    public static boolean loopback(String host) {
        String name = name(host);
        InetAddress ip = literal(name);
        return ip == null ? name.equals("localhost") || name.endsWith(".localhost") : ip.isLoopbackAddress();
    }

    /**
     * Whether a provider's servers on the internet cannot reach {@code host}, as written (never a DNS lookup): a
     * {@link #loopback} host; 0.0.0.0/8 and {@code ::}; the private 10/8, 172.16/12, 192.168/16 and fc00::/7;
     * link-local 169.254/16 and fe80::/10; the carrier-grade NAT 100.64/10 (Tailscale's addresses too); IPv4 mapped
     * into IPv6; and names under {@code .local} (mDNS, RFC 6762), {@code .internal} (ICANN's private-use TLD) and
     * {@code .home.arpa} (RFC 8375). Any other name counts as reachable, whatever it resolves to here.
     */
    public static boolean unreachableFromInternet(String host) {
        String name = name(host);
        InetAddress ip = literal(name);
        if (ip == null) {
            return loopback(name) || name.endsWith(".local") || name.endsWith(".internal")
                || name.endsWith(".home.arpa");
        }
        byte[] b = ip.getAddress();
        return ip.isLoopbackAddress() || ip.isAnyLocalAddress() || ip.isSiteLocalAddress() || ip.isLinkLocalAddress()
            || (ip instanceof Inet6Address ? (b[0] & 0xfe) == 0xfc : b[0] == 0 || (b[0] == 100 && (b[1] & 0xc0) == 64));
    }

    /** A host lower-cased, without the brackets of an IPv6 literal, an IPv6 zone ({@code %eth0}) or a trailing dot. */
    private static String name(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        int zone = h.indexOf('%');
        if (zone >= 0 && h.contains(":")) {
            h = h.substring(0, zone);
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    /** The address an IP literal writes, or null for a name (or a malformed literal). */
    private static InetAddress literal(String name) {
        if (!IPV4.matcher(name).matches() && !IPV6.matcher(name).matches()) {
            return null; // a name: InetAddress would look it up
        }
        try {
            return InetAddress.getByName(name); // a literal: parsed, not looked up
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
