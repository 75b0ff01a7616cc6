package dev.notif.listen;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/** A request as the receiver got it: header names lower case, the body's exact bytes. */
public record Inbound(String method, String path, String query, Map<String, String> headers, byte[] body,
                      Instant receivedAt) {

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }
}
