package dev.notif.testing;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A Stripe ingestion endpoint on loopback that verifies signatures with stripe-java's own {@code Webhook}: 200 when
 * one of the secrets it holds verifies the delivery, 400 {@code signature_mismatch} otherwise. The secrets it holds
 * can change while it runs, as a backend's configuration does when someone pastes a new one.
 */
public final class SigningReceiver implements AutoCloseable {
    private final MockWebServer server = new MockWebServer();
    private final List<String> secrets = new CopyOnWriteArrayList<>();
    private volatile boolean checksSignatures = true;

    public SigningReceiver() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String body = request.getBody().readString(StandardCharsets.UTF_8);
                if (!checksSignatures) {
                    return new MockResponse().setResponseCode(200).setBody("{\"received\":true}");
                }
                for (String secret : secrets) {
                    try {
                        Webhook.constructEvent(body, request.getHeader("Stripe-Signature"), secret);
                        return new MockResponse().setResponseCode(200).setBody("{\"received\":true}");
                    } catch (SignatureVerificationException | RuntimeException e) {
                        // try the next secret
                    }
                }
                return new MockResponse().setResponseCode(400).setBody("{\"error\":\"signature_mismatch\"}");
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return server.url("/stripe").toString();
    }

    /** The backend now holds exactly these secrets. */
    public SigningReceiver holds(String... s) {
        secrets.clear();
        secrets.addAll(List.of(s));
        return this;
    }

    /** A backend that answers 200 to anything (it never checks a signature). */
    public SigningReceiver acceptsAnything() {
        checksSignatures = false;
        return this;
    }

    /** How many requests reached it. */
    public int requestCount() {
        return server.getRequestCount();
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }
}
