package dev.notif.probe;

/** A judgement on an {@link Outcome}: a verdict word of the contract, its cause in plain words, and the fix. */
public record Verdict(String verdict, String cause, String fix) {
    public static final String ACCEPTED = "accepted";
    public static final String SIGNATURE_REJECTED = "signature_rejected";
    public static final String EVENT_REJECTED = "event_rejected";
    public static final String REJECTED = "rejected";
    public static final String SERVER_ERROR = "server_error";
    public static final String REDIRECTED = "redirected";
    public static final String TIMEOUT = "timeout";
    public static final String TLS_ERROR = "tls_error";
    public static final String UNREACHABLE = "unreachable";

    public boolean accepted() {
        return ACCEPTED.equals(verdict);
    }
}
