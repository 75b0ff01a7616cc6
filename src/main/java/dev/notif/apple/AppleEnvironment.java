package dev.notif.apple;

import dev.notif.core.NotifException;
import java.util.List;
import java.util.Locale;

/** Apple's two server environments: each has its own notification URL, test notifications and history. */
public enum AppleEnvironment {
    PRODUCTION("production", "Production"),
    SANDBOX("sandbox", "Sandbox");

    private final String word;
    private final String appleName;

    AppleEnvironment(String word, String appleName) {
        this.word = word;
        this.appleName = appleName;
    }

    /** The word notif uses in flags and JSON: {@code production}, {@code sandbox}. */
    public String word() {
        return word;
    }

    /** The value Apple writes in signed payloads: {@code Production}, {@code Sandbox}. */
    public String appleName() {
        return appleName;
    }

    /** Parses {@code --environment}; null means both. */
    public static List<AppleEnvironment> parseAll(String value) {
        if (value == null || value.isBlank() || "both".equalsIgnoreCase(value.strip())) {
            return List.of(PRODUCTION, SANDBOX);
        }
        return List.of(parse(value));
    }

    public static AppleEnvironment parse(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        switch (v) {
            case "production": case "prod":
                return PRODUCTION;
            case "sandbox":
                return SANDBOX;
            default:
                throw NotifException.usage("--environment must be production or sandbox, got '" + value + "'",
                    "for example --environment sandbox");
        }
    }

    /** The environment of an Apple payload value ({@code Production}, {@code Sandbox}, {@code PROD}), or null. */
    public static AppleEnvironment ofApple(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        return v.equals("production") || v.equals("prod") ? PRODUCTION : v.equals("sandbox") ? SANDBOX : null;
    }
}
