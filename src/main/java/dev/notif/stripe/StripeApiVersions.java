package dev.notif.stripe;

import com.stripe.param.WebhookEndpointCreateParams;
import dev.notif.core.NotifException;
import java.util.regex.Pattern;

/** Stripe API versions ({@code 2024-06-20}, {@code 2025-09-30.clover}): the form, and the ones stripe-java knows. */
public final class StripeApiVersions {
    private static final Pattern FORM = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(\\.[a-z]+)?");

    private StripeApiVersions() {
    }

    /** The version, or exit 2 when it is not in Stripe's form. */
    public static String parse(String option, String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        if (!FORM.matcher(v).matches()) {
            throw NotifException.usage(option + " " + value + " is not a Stripe API version",
                "use the form YYYY-MM-DD or YYYY-MM-DD.name, for example " + newest()
                    + " (Stripe Dashboard > Developers shows the account's default version)");
        }
        return v;
    }

    /** Whether the stripe-java release notif ships lists this version (a newer one may still exist). */
    public static boolean known(String version) {
        for (WebhookEndpointCreateParams.ApiVersion v : WebhookEndpointCreateParams.ApiVersion.values()) {
            if (v.getValue().equals(version)) {
                return true;
            }
        }
        return false;
    }

    /** The newest version stripe-java lists. */
    public static String newest() {
        return com.stripe.Stripe.API_VERSION;
    }

    /** "2024-06-20 (pinned)" or "the account's default API version" for an endpoint's {@code api_version}. */
    public static String describe(String endpointVersion) {
        return endpointVersion == null ? "the account's default API version" : "API version " + endpointVersion;
    }
}
