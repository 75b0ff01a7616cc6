package dev.notif.apple;

import java.util.Map;

/**
 * Apple's {@code sendAttemptResult} values in plain words, each with its fix. Apple counts a delivery as successful
 * only when the endpoint answers HTTP 200 to 206; it sends from 17.0.0.0/8.
 */
public final class AppleSendAttempts {
    public static final String SUCCESS = "SUCCESS";

    /** What a result means and what to do about it. */
    public record Meaning(String meaning, String fix) {
    }

    private static final Map<String, Meaning> MEANINGS = Map.ofEntries(
        Map.entry(SUCCESS, new Meaning("delivered: the endpoint answered HTTP 200-206", null)),
        Map.entry("TIMED_OUT", new Meaning("the endpoint did not answer within Apple's time limit (a few seconds)",
            "answer 200 as soon as the notification is stored and do slow work afterwards; check that the host is up"
                + " and not overloaded")),
        Map.entry("TLS_ISSUE", new Meaning("Apple could not set up TLS with the endpoint: a certificate that is"
                + " self-signed, expired, for another name or missing its intermediates, or TLS older than 1.2",
            "serve a certificate from a public CA for this host with the full chain, TLS 1.2 or newer (check with"
                + " openssl s_client -connect HOST:443 -servername HOST)")),
        Map.entry("CIRCULAR_REDIRECT", new Meaning("the endpoint answered with redirects that loop; Apple does not"
                + " deliver through redirects", "set the final URL, which answers 200 itself, as the notification URL:"
                + " notif setup apple --url FINAL_URL")),
        Map.entry("NO_RESPONSE", new Meaning("the connection was made but no HTTP response came back",
            "check the service and any proxy in front of it for crashes or dropped requests; allow 17.0.0.0/8")),
        Map.entry("SOCKET_ISSUE", new Meaning("the network connection failed: the host did not resolve, refused the"
                + " connection or reset it", "check that the host name resolves in public DNS and the port is open to"
                + " Apple's 17.0.0.0/8 network (firewalls, security groups)")),
        Map.entry("UNSUPPORTED_CHARSET", new Meaning("the response declared a character set Apple does not support",
            "answer with an empty body, or with Content-Type: application/json; charset=utf-8")),
        Map.entry("INVALID_RESPONSE", new Meaning("the response was not valid HTTP",
            "check the proxies and load balancers between Apple and the service; answer a plain HTTP 200")),
        Map.entry("PREMATURE_CLOSE", new Meaning("the connection closed before the response was complete",
            "send a complete response (Content-Length or chunked); check proxies with short timeouts and crashes"
                + " while answering")),
        Map.entry("UNSUCCESSFUL_HTTP_RESPONSE_CODE", new Meaning("the endpoint answered with a status outside"
                + " 200-206 (a redirect, a 4xx or a 5xx)", "answer 200 to every notification once stored, TEST"
                + " included; the receiver's logs show why it refused (401/403: authentication in front of it, 400: a"
                + " failed verification or an app it does not know, 404: a wrong path)")),
        Map.entry("OTHER", new Meaning("Apple recorded another kind of failure",
            "look at the receiver's logs around the attempt's time, then run notif check apple again")));

    private AppleSendAttempts() {
    }

    /** The meaning of a result; unknown ones (Apple may add some) are described as such. */
    public static Meaning of(String result) {
        Meaning m = result == null ? null : MEANINGS.get(result);
        return m != null ? m : new Meaning("Apple recorded " + result + ", a result notif does not know yet",
            "look at the receiver's logs around the attempt's time");
    }

    public static boolean success(String result) {
        return SUCCESS.equals(result);
    }
}
