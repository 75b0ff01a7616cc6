package dev.notif.core;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;

/** Every HTTP server notif runs (the receiver, the hosts that serve certificates and callbacks) is made here. */
public final class LocalServers {
    static {
        // Small answers must not wait for the client's delayed ACK (Nagle, ~40 ms a request). The JDK reads this
        // once, when its first server is configured, so it is set before any server of notif's is made.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private LocalServers() {
    }

    /** An unstarted JDK HTTP server bound to {@code host:port} (0: a free port). */
    public static HttpServer create(String host, int port, int backlog) throws IOException {
        return HttpServer.create(new InetSocketAddress(host, port), backlog);
    }
}
