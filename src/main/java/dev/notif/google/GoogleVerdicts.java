package dev.notif.google;

import dev.notif.listen.ErrorCodes;
import dev.notif.probe.Classifier;
import dev.notif.probe.NetworkVerdicts;
import dev.notif.probe.Outcome;
import dev.notif.probe.Verdict;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a Pub/Sub push's answer is judged, the way Pub/Sub judges it: any 2xx acknowledges the message; anything else
 * (a redirect included: push does not follow them) and no answer within the acknowledgement deadline make Pub/Sub
 * redeliver with backoff until the retention period ends. A pure function of what was sent and what came back.
 */
public final class GoogleVerdicts extends Classifier<GooglePush> {
    static final String WHO = "Pub/Sub push";
    private static final Pattern PACKAGE = Pattern.compile("package|application id|app not found|unknown app");
    private static final Pattern TOKEN = Pattern.compile("purchase ?token|purchasetoken|unknown purchase"
        + "|purchase not found|subscription not found|invalid token");
    private static final Pattern ENVELOPE = Pattern.compile("envelope|base64|message\\.data|no message|malformed"
        + "|invalid json|parse");

    /** The classifier of pushes sent by notif (it reads the notification's kind and package). */
    public static final Classifier<GooglePush> CLASSIFIER = new GoogleVerdicts();

    private GoogleVerdicts() {
        super(WHO);
    }

    @Override
    protected Verdict noAnswer(GooglePush sent, Outcome.Failure failure) {
        Verdict v = NetworkVerdicts.of(failure, WHO);
        if (Verdict.TIMEOUT.equals(v.verdict())) {
            return new Verdict(Verdict.TIMEOUT, failure.detail() + "; Pub/Sub waits for the answer only as"
                + " long as the subscription's acknowledgement deadline and counts deadline_exceeded", "answer 2xx"
                + " quickly and do slow work after answering, or raise the deadline: notif setup google ..."
                + " --url URL --ack-deadline 60");
        }
        return v;
    }

    @Override
    protected Verdict accepted(GooglePush sent, int status) {
        return new Verdict(Verdict.ACCEPTED, "the endpoint answered " + status + ": Pub/Sub acknowledges the"
            + " message and does not send it again", "nothing to fix");
    }

    @Override
    protected Verdict serverError(GooglePush sent, int status) {
        return new Verdict(Verdict.SERVER_ERROR, "the backend failed with " + status + " (remote_server_5xx);"
            + " Pub/Sub redelivers with backoff until the subscription's retention ends (7 days by default), then"
            + " the notification is lost", "look at the backend's logs for this request; once fixed, Pub/Sub"
            + " delivers the backlog by itself");
    }

    @Override
    protected Verdict rejected(GooglePush push, int status, String body) {
        GoogleNotification sent = push.notification();
        String text = body == null ? "" : body.toLowerCase(Locale.ROOT);
        String code = NetworkVerdicts.errorCode(body);
        if (ErrorCodes.PACKAGE_MISMATCH.equals(code) || code == null && PACKAGE.matcher(text).find()) {
            return new Verdict(Verdict.EVENT_REJECTED, "the backend refuses notifications for package "
                + sent.packageName() + ": it is not the app it is set up for", "pass the app's package name with"
                + " --package (Play Console > the app > Dashboard shows it), or add the app to the backend");
        }
        if (ErrorCodes.INVALID_NOTIFICATION.equals(code)) {
            return new Verdict(Verdict.REJECTED, "the backend read the envelope but found the notification unusable"
                + " (a field missing or of the wrong type)", "compare it with Play's RTDN reference; if you passed"
                + " --purchase-token or --package, check their values");
        }
        if (ErrorCodes.MALFORMED.equals(code) || code == null && ENVELOPE.matcher(text).find()) {
            return new Verdict(Verdict.REJECTED, "the backend could not read the push as a Pub/Sub envelope with a"
                + " DeveloperNotification in message.data", "if the subscription pushes unwrapped payloads, keep the"
                + " envelope: notif setup google ... --url URL (without --unwrapped)");
        }
        boolean auth = status == 401 || status == 403;
        if (!auth && sent.kind() != DeveloperNotification.Kind.TEST && TOKEN.matcher(text).find()) {
            return new Verdict(Verdict.REJECTED, "the backend does not know this purchase token: it looks every"
                + " notification up with the Google Play Developer API, and notif's token is made up", "send --type"
                + " test (what Play Console's \"Send test notification\" sends), or pass a real --purchase-token");
        }
        Verdict plain = NetworkVerdicts.httpRejection(status, "Google Play (Pub/Sub push)", "Pub/Sub push sends a"
            + " credential only when the subscription has push authentication (an OIDC token with the audience the"
            + " backend expects)");
        if (plain != null) {
            return plain;
        }
        return new Verdict(Verdict.REJECTED, "the endpoint answered " + status + " (remote_server_4xx); Pub/Sub keeps"
            + " redelivering it until the retention ends", "read the response body for the backend's reason");
    }
}
