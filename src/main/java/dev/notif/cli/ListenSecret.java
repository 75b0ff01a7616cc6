package dev.notif.cli;

import dev.notif.core.Context;
import dev.notif.core.Json;
import dev.notif.core.SecretFiles;
import dev.notif.core.Urls;
import dev.notif.listen.StatusDocument;
import dev.notif.probe.HttpProbe;
import dev.notif.probe.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import okhttp3.HttpUrl;

/**
 * {@code send stripe} without a secret, to a {@code notif listen} on this machine: the secret that listen generated
 * and keeps in its data directory. Only for a loopback URL whose path is listen's Stripe route and whose
 * {@code /status} answers as a notif receiver does, and always said on stderr; never for another host.
 */
final class ListenSecret {
    private ListenSecret() {
    }

    /** The generated secret of the notif listen at {@code url}, or null when the URL is not one (or it has none). */
    static String find(Context ctx, HttpProbe probe, String url, Consumer<String> say) {
        HttpUrl u = HttpUrl.parse(url);
        if (u == null || !Urls.loopback(u.host()) || !u.encodedPath().equals("/stripe")) {
            return null;
        }
        Path file = StripeListenOptions.generatedSecretFile(ListenCommand.defaultDataDir(ctx));
        if (!Files.isRegularFile(file)) {
            return null;
        }
        String status = u.newBuilder().encodedPath("/status").query(null).build().toString();
        Outcome o = probe.get(status, Map.of("Accept", "application/json"));
        if (!o.answered() || o.status() != 200) {
            return null;
        }
        try {
            StatusDocument.parse(Json.parseOrNull(o.body()));
        } catch (RuntimeException e) {
            return null; // something else listens there
        }
        String secret = SecretFiles.readOne("notif listen's secret file", file, say);
        say.accept("no secret given: signing with the one notif listen generated (" + file + "), as "
            + u.host() + ":" + u.port() + " is a notif listen on this machine (its /status answers); pass --secret-file"
            + " if that listen verifies with another secret (--stripe-secret, another --data-dir)");
        return secret;
    }
}
