package dev.notif.apple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.core.Json;
import dev.notif.core.NotifException;
import dev.notif.core.Urls;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/** Validation of what users pass to the Apple commands: bundle ids, notification URLs, versions. */
public final class AppleInputs {
    private static final Pattern BUNDLE_ID = Pattern.compile("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*");

    private AppleInputs() {
    }

    /** A bundle id from the flag or {@code APPLE_BUNDLE_ID}; missing or malformed: exit 2. */
    public static String bundleId(String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (!required) {
                return null;
            }
            throw NotifException.usage("no bundle id: pass --bundle-id or set APPLE_BUNDLE_ID",
                "the app's bundle identifier, for example com.example.app (App Store Connect > App Information)");
        }
        String v = value.strip();
        if (!BUNDLE_ID.matcher(v).matches() || v.length() > 155) {
            throw NotifException.usage("--bundle-id '" + value + "' is not a bundle identifier",
                "letters, digits, hyphens and dots, for example com.example.app");
        }
        return v;
    }

    /** {@code V1} or {@code V2}. */
    public static String version(String value) {
        String v = value == null ? "V2" : value.strip().toUpperCase(Locale.ROOT);
        if (!v.equals("V1") && !v.equals("V2")) {
            throw NotifException.usage("--version must be V1 or V2, got '" + value + "'",
                "V2 (signed JWS payloads) is what Apple recommends and what new backends expect");
        }
        return v;
    }

    /**
     * A URL Apple can deliver to: not https is refused (exit 2; Apple requires HTTPS with TLS 1.2 or newer, and App
     * Store Connect refuses such a URL too); a port Apple does not deliver to is refused unless {@code force}, then a
     * warning; a local or private host is a warning.
     */
    public static List<String> notificationUrl(String option, String value, boolean force) {
        HttpUrl url = Urls.http(option, value);
        if (!url.isHttps()) {
            throw NotifException.usage(option + " " + value + " is not https: Apple delivers App Store Server"
                + " Notifications only over HTTPS (TLS 1.2 or newer)", "serve the endpoint over https and pass that URL");
        }
        List<String> warnings = new ArrayList<>();
        String portProblem = portProblem(url);
        if (portProblem != null && !force) {
            throw NotifException.usage(option + " " + value + ": " + portProblem, "serve the endpoint on port 443 (or"
                + " 1024 and up) and pass that URL; --force sets it anyway");
        }
        if (portProblem != null) {
            warnings.add(option + " " + value + ": " + portProblem + " (set anyway: --force)");
        }
        if (Urls.unreachableFromInternet(url.host())) {
            warnings.add(url.host() + " is a local or private address: Apple's servers cannot reach it");
        }
        return warnings;
    }

    /** Apple connects on 443 or on a port from 1024 up; null when the URL's port is fine. */
    public static String portProblem(HttpUrl url) {
        int port = url.port();
        return port == 443 || port >= 1024 ? null
            : "port " + port + " is neither 443 nor 1024 or above; Apple does not deliver to it";
    }

    /**
     * A V2 signedPayload from a file or stdin ({@code -}): the JWS itself, or a JSON body with a {@code signedPayload}
     * field (a notification, an App Store Server API answer). Unreadable input, or a V1 body, is a usage error.
     */
    public static String signedPayload(String option, String file, InputStream stdin) {
        byte[] bytes;
        try {
            bytes = "-".equals(file) ? stdin.readAllBytes() : Files.readAllBytes(Path.of(file));
        } catch (IOException e) {
            throw NotifException.usage("cannot read " + option + " " + file + ": " + e.getMessage(),
                "pass a file holding the signedPayload, or - to read it from stdin");
        }
        String text = new String(bytes, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            throw NotifException.usage(option + " " + file + " is empty", "pass the notification's body or its"
                + " signedPayload");
        }
        if (!text.startsWith("{")) {
            return text;
        }
        JsonNode json = Json.parseOrNull(text);
        if (json == null) {
            throw NotifException.usage(option + " " + file + " starts like JSON but does not parse",
                "pass the body exactly as received, or only its signedPayload value");
        }
        String jws = Json.text(json, "signedPayload");
        if (jws == null) {
            if (json.has("notification_type") || json.has("unified_receipt")) {
                throw NotifException.usage(option + " " + file + " is a V1 notification: V1 is not signed (the"
                    + " receiver checks its password, the app-specific shared secret)", "switch the app to V2 (notif"
                    + " setup apple --bundle-id ID --url URL --version V2) to get signed notifications");
            }
            throw NotifException.usage(option + " " + file + " is JSON without a signedPayload field",
                "pass a V2 notification body {\"signedPayload\": ...} or the signedPayload value itself");
        }
        return jws;
    }
}
