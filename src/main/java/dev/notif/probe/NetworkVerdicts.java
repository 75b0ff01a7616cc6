package dev.notif.probe;

/** Verdicts for requests that got no HTTP answer, and for redirects; shared by every store. */
public final class NetworkVerdicts {
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
}
