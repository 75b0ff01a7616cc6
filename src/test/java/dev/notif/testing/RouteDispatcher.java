package dev.notif.testing;

import dev.notif.listen.Answer;
import dev.notif.listen.Inbound;
import dev.notif.listen.LogEntry;
import dev.notif.listen.StoreRoute;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/** Serves one store route on a MockWebServer, as the receiver would, keeping the log entries it answered with. */
public final class RouteDispatcher extends Dispatcher {
    private final StoreRoute route;
    private final List<LogEntry> entries = new CopyOnWriteArrayList<>();

    public RouteDispatcher(StoreRoute route) {
        this.route = route;
    }

    public List<LogEntry> entries() {
        return List.copyOf(entries);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : request.getHeaders().names()) {
            headers.put(name.toLowerCase(Locale.ROOT), request.getHeader(name));
        }
        Inbound inbound = new Inbound(request.getMethod(), request.getRequestUrl().encodedPath(),
            request.getRequestUrl().encodedQuery(), headers, request.getBody().clone().readByteArray(), Instant.now());
        Answer answer = route.handle(inbound);
        if (answer.entry() != null) {
            entries.add(answer.entry());
        }
        return new MockResponse().setResponseCode(answer.status()).setHeader("Content-Type", answer.contentType())
            .setBody(answer.body());
    }
}
