package dev.notif.probe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.core.Json;
import java.util.Locale;
import java.util.regex.Pattern;

/** Verdicts shared by every store: requests that got no HTTP answer, redirects, 4xx that say nothing specific. */
public final class NetworkVerdicts {
    private static final Pattern CODE = Pattern.compile("[a-z0-9_.]+");
    private static final Pattern TAGS = Pattern.compile("<[^>]*>");
    private static final Pattern FILLER = Pattern.compile(
        "[\\s\\p{Punct}\\d]+|\\b(?:nginx|apache|openresty|cloudflare|error|http/1\\.[01])\\b");
    private static final Pattern REASON = Pattern.compile("bad request|unauthorized|forbidden|not found"
        + "|method not allowed|not acceptable|conflict|gone|payload too large|request entity too large"
        + "|unsupported media type|unprocessable (?:entity|content)|too many requests");

    private NetworkVerdicts() {
    }

    /** The verdict for a failure; {@code who} names the sender in fixes ("Stripe", "Apple"). */
    public static Verdict of(Outcome.Failure failure, String who) {
        String detail = failure.detail();
        switch (failure.kind()) {
            case DNS:
                return new Verdict(Verdict.UNREACHABLE, detail + ": " + who + " cannot deliver to a name that does not resolve",
                    "check the host name in the URL; it must resolve in public DNS for " + who);
            case REFUSED:
                return new Verdict(Verdict.UNREACHABLE, detail + ": nothing listens on that port",
                    "start the ingestion service or fix the port in the URL (for a local receiver: notif listen)");
            case NO_ROUTE:
                return new Verdict(Verdict.UNREACHABLE, detail + ": the host is not reachable from here",
                    "check firewalls and routing; " + who + " needs a publicly reachable host");
            case TIMEOUT:
                return new Verdict(Verdict.TIMEOUT, detail + "; " + who + " gives up after a few seconds and counts"
                    + " the delivery as failed", "answer with 2xx quickly and do slow work after answering;"
                    + " check that the host is up and not firewalled");
            case TLS:
                return new Verdict(Verdict.TLS_ERROR, detail + "; " + who + " refuses to deliver over a TLS connection it"
                    + " cannot verify", "serve a certificate from a public CA for this host name with the full chain"
                    + " (intermediates included), TLS 1.2 or newer");
            case PLAIN_HTTP:
                return new Verdict(Verdict.TLS_ERROR, detail + "; " + who + " delivers to https:// URLs over TLS only",
                    "point the URL at the port that serves HTTPS (443 by default), or put TLS in front of this one");
            case RESET:
                return new Verdict(Verdict.UNREACHABLE, detail,
                    "check the service's logs for a crash or a proxy that drops the request (body size, timeouts)");
            default:
                return new Verdict(Verdict.UNREACHABLE, detail, "check the URL and that the service is running");
        }
    }

    public static Verdict redirect(int status, String location, String who) {
        return new Verdict(Verdict.REDIRECTED, "the endpoint answered " + status + " redirecting to "
            + (location == null ? "an unnamed location" : location) + "; " + who + " does not follow redirects and counts"
            + " this as a failed delivery",
            location == null ? "configure the final URL (no redirect) as the endpoint"
                : "configure " + location + " as the endpoint URL (often http->https or a trailing slash)");
    }

    /**
     * The verdict for a 4xx that says nothing store-specific, by status alone (401/403, 404, 405, 413), or null.
     * {@code authNote} says how the store authenticates its deliveries instead.
     */
    public static Verdict httpRejection(int status, String who, String authNote) {
        switch (status) {
            case 401: case 403:
                return new Verdict(Verdict.REJECTED, "the endpoint answered " + status + ": it requires authentication or"
                    + " an allow-listed address, which " + who + " deliveries do not have",
                    "exempt this path from authentication, IP allow-lists and WAF rules; " + authNote);
            case 404:
                return new Verdict(Verdict.REJECTED, "the endpoint answered 404: nothing handles this path",
                    "check the URL's path against the backend's documented " + who + " ingestion URL");
            case 405:
                return new Verdict(Verdict.REJECTED, "the endpoint answered 405: it does not accept POST at this path",
                    "check the URL: " + who + " POSTs every notification");
            case 413:
                return new Verdict(Verdict.REJECTED, "the endpoint answered 413: the body is larger than it accepts",
                    "raise the body size limit of the proxy in front of the backend");
            default:
                return null;
        }
    }

    /**
     * The error code of a JSON error body: {@code {"error": "code"}} (notif's receiver) or {@code {"error": {"code":
     * ...}}} (Stripe's style), or null. {@code {"error": "No signatures found ..."}} is a message, not a code: it is
     * left to the stores' text rules.
     */
    public static String errorCode(String body) {
        JsonNode json = Json.parseOrNull(body);
        if (json == null || !json.isObject() || json.get("error") == null) {
            return null;
        }
        JsonNode error = json.get("error");
        String code = error.isTextual() ? error.asText() : Json.text(error, "code");
        return code != null && CODE.matcher(code).matches() ? code : null;
    }

    /**
     * A body that only repeats a status line ({@code Not Found}, nginx's {@code <h1>404 Not Found</h1>} page) says
     * nothing about the request: a store's text rules must not read "not found" in it as "subscription not found".
     */
    public static boolean saysNothing(String body) {
        if (body == null || body.isBlank()) {
            return true;
        }
        if (body.length() > 2000) {
            return false;
        }
        String text = TAGS.matcher(body.toLowerCase(Locale.ROOT)).replaceAll(" ");
        text = REASON.matcher(text).replaceAll(" ");
        return FILLER.matcher(text).replaceAll("").isEmpty();
    }
}
