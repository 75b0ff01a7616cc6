package dev.notif.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.notif.core.Json;
import dev.notif.core.NotifException;
import dev.notif.core.Secrets;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** Validation of what users pass to the Stripe commands: secrets, event types, timestamps, data files. */
public final class StripeInputs {
    private static final Pattern EVENT_FORMAT = Pattern.compile("[a-z0-9_]+(\\.[a-z0-9_]+)+");

    private StripeInputs() {
    }

    /** A usable signing secret, or a usage error; non-fatal doubts are returned for a warning. */
    public static List<StripeSecret.Problem> secret(String option, String secret) {
        Secrets.remember(secret);
        List<StripeSecret.Problem> problems = StripeSecret.problems(secret);
        for (StripeSecret.Problem p : problems) {
            if (p.fatal()) {
                throw NotifException.usage(option + " " + Secrets.redact(secret == null ? "" : secret.strip()) + ": "
                    + p.message(), p.fix());
            }
        }
        return problems;
    }

    /** A Stripe event type; one Stripe does not know is a usage error. */
    public static String eventType(String type) {
        String t = type == null ? StripeEvents.DEFAULT_TYPE : type.strip();
        if (!EVENT_FORMAT.matcher(t).matches() || !StripeEvents.isKnown(t)) {
            throw NotifException.usage("unknown Stripe event type '" + type + "'",
                "the ingestion service accepts " + String.join(", ", StripeEvents.allowed(true))
                    + "; any other Stripe event type can be sent to see how it is refused");
        }
        return t;
    }

    /** Epoch seconds; milliseconds and nonsense are usage errors. */
    public static long timestamp(Long value, long now) {
        if (value == null) {
            return now;
        }
        if (value <= 0) {
            throw NotifException.usage("--timestamp must be a positive Unix time in seconds, got " + value,
                "for example --timestamp " + now);
        }
        if (value > 100_000_000_000L) {
            throw NotifException.usage("--timestamp " + value + " looks like milliseconds",
                "pass seconds since the epoch, for example --timestamp " + value / 1000);
        }
        return value;
    }

    /** A --data file: its exact bytes and their JSON. */
    public record Data(byte[] bytes, JsonNode json) {
        /** A whole Stripe event (replayed as is) rather than an object for data.object. */
        public boolean isEvent() {
            return "event".equals(Json.text(json, "object")) && json.has("type") && json.has("data");
        }
    }

    /** Reads a --data file ("-" reads stdin); it must hold a JSON object. */
    /** The most --data takes: far more than any Stripe event (and below what the JSON parser refuses). */
    static final int MAX_DATA_BYTES = 8 * 1024 * 1024;

    public static Data dataFile(String file, InputStream stdin) {
        byte[] bytes;
        try {
            if ("-".equals(file)) {
                bytes = stdin.readNBytes(MAX_DATA_BYTES + 1);
            } else {
                Path path = Path.of(file);
                if (Files.isRegularFile(path) && Files.size(path) > MAX_DATA_BYTES) {
                    throw tooLarge(file, Files.size(path));
                }
                try (InputStream in = Files.newInputStream(path)) {
                    bytes = in.readNBytes(MAX_DATA_BYTES + 1);
                }
            }
        } catch (IOException e) {
            throw NotifException.usage("cannot read --data " + file + ": " + e.getMessage(), "check the path");
        }
        if (bytes.length > MAX_DATA_BYTES) {
            throw tooLarge(file, -1);
        }
        JsonNode node = Json.parseOrNull(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        if (node == null || !node.isObject()) {
            throw NotifException.usage("--data " + file + " is not a JSON object",
                "pass a Stripe object (it becomes data.object) or a whole Stripe event");
        }
        return new Data(bytes, node);
    }

    private static NotifException tooLarge(String file, long size) {
        return NotifException.usage("--data " + ("-".equals(file) ? "(stdin)" : file) + " is larger than "
            + MAX_DATA_BYTES / (1024 * 1024) + " MiB" + (size < 0 ? "" : " (" + size + " bytes)")
            + ": no Stripe event is that large", "pass one Stripe event or object (a captured event, or its data.object)");
    }
}
