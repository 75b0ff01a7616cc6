package dev.notif.google;

import dev.notif.core.NotifException;
import dev.notif.core.Urls;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The push subscription notif wants: the endpoint, the Pub/Sub envelope kept (ingestion services decode
 * {@code message.data}), an acknowledgement deadline (how long Pub/Sub waits for the endpoint's answer), a message
 * retention, and no expiry. Deadline and retention are enforced on an existing subscription only when given.
 */
public record PushSettings(String endpoint, boolean unwrapped, int ackDeadlineSeconds, boolean ackDeadlineGiven,
                           Duration retention, boolean retentionGiven, String pushAuth, String audience) {
    private static final Pattern ACCOUNT = Pattern.compile("[a-z0-9][a-z0-9._-]*@[a-z0-9.-]+\\.[a-z]+");
    public static final int DEFAULT_ACK_DEADLINE = 60;
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*([smhd]?)");

    /**
     * What {@code setup google} was asked to push, from its options: null without --url (and then none of the
     * subscription's options may be given); an https URL, unless the Pub/Sub emulator takes it.
     */
    public static PushSettings requested(String pushUrl, String subscription, boolean unwrapped, Integer ackDeadline,
                                         String retention, String pushAuth, String audience, boolean emulator) {
        if (subscription != null) {
            GoogleNames.resourceId("--subscription", subscription);
        }
        if (pushUrl == null) {
            if (subscription != null || ackDeadline != null || retention != null || unwrapped || pushAuth != null
                || audience != null) {
                throw NotifException.usage("--subscription, --ack-deadline, --retention, --unwrapped and --push-auth"
                    + " need --url", "add --url URL");
            }
            return null;
        }
        String url = Urls.http("--url", pushUrl).toString();
        if (url.startsWith("http://") && !emulator) {
            throw NotifException.usage("--url must be https:// for Pub/Sub push, got " + pushUrl,
                "Pub/Sub pushes only to public https:// endpoints with a certificate from a public CA");
        }
        return of(url, unwrapped, ackDeadline, retention, pushAuth, audience);
    }

    public static PushSettings of(String endpoint, boolean unwrapped, Integer ackDeadline, String retention) {
        return of(endpoint, unwrapped, ackDeadline, retention, null, null);
    }

    /**
     * {@code pushAuth}: the service account whose OIDC token Pub/Sub attaches to each push (null: leave the push
     * authentication as it is); {@code audience}: the token's aud (null: Pub/Sub's default, the endpoint URL).
     */
    public static PushSettings of(String endpoint, boolean unwrapped, Integer ackDeadline, String retention,
                                  String pushAuth, String audience) {
        if (pushAuth != null && !ACCOUNT.matcher(pushAuth.strip()).matches()) {
            throw NotifException.usage("--push-auth must be a service account's e-mail, got '" + pushAuth + "'",
                "for example --push-auth rtdn-push@my-project.iam.gserviceaccount.com (the caller needs"
                    + " iam.serviceAccounts.actAs on it)");
        }
        if (audience != null && pushAuth == null) {
            throw NotifException.usage("--push-audience needs --push-auth", "add --push-auth SERVICE_ACCOUNT");
        }
        int ack = ackDeadline == null ? DEFAULT_ACK_DEADLINE : ackDeadline;
        if (ack < 10 || ack > 600) {
            throw NotifException.usage("--ack-deadline must be between 10 and 600 seconds, got " + ack,
                "for example --ack-deadline 60");
        }
        Duration keep = retention == null ? DEFAULT_RETENTION : duration("--retention", retention);
        if (keep.compareTo(Duration.ofMinutes(10)) < 0 || keep.compareTo(Duration.ofDays(31)) > 0) {
            throw NotifException.usage("--retention must be between 10 minutes and 31 days, got " + retention,
                "for example --retention 7d");
        }
        return new PushSettings(endpoint, unwrapped, ack, ackDeadline != null, keep, retention != null,
            pushAuth == null ? null : pushAuth.strip(), audience);
    }

    /** {@code 7d}, {@code 12h}, {@code 30m}, {@code 600s} or plain seconds. */
    static Duration duration(String option, String value) {
        Matcher m = DURATION.matcher(value.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw NotifException.usage(option + " must be a duration like 7d, 12h, 30m or 600s, got '" + value + "'",
                "for example " + option + " 7d");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "d" -> Duration.ofDays(n);
            case "h" -> Duration.ofHours(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofSeconds(n);
        };
    }

    /** Google's JSON form of a duration: {@code "604800s"}. */
    public static String googleDuration(Duration d) {
        return d.toSeconds() + "s";
    }

    /** Parses {@code "604800s"} or {@code "3.5s"}; null when absent or unreadable. */
    public static Duration parseGoogleDuration(String value) {
        if (value == null || !value.endsWith("s")) {
            return null;
        }
        try {
            return Duration.ofMillis(Math.round(Double.parseDouble(value.substring(0, value.length() - 1)) * 1000));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@code 7 d}, {@code 12 h}, {@code 45 min}, {@code 30 s}: the largest whole unit. */
    public static String human(Duration d) {
        long s = d.toSeconds();
        if (s > 0 && s % 86400 == 0) {
            return s / 86400 + " d";
        }
        if (s > 0 && s % 3600 == 0) {
            return s / 3600 + " h";
        }
        if (s > 0 && s % 60 == 0) {
            return s / 60 + " min";
        }
        return s + " s";
    }
}
