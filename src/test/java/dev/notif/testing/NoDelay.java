package dev.notif.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.ServerSocketFactory;
import okhttp3.mockwebserver.MockWebServer;

/**
 * Server sockets whose connections send at once (TCP_NODELAY), as providers' front ends do. MockWebServer writes a
 * response's headers and its body in two writes: with Nagle's algorithm on, the body waits for the client to
 * acknowledge the headers, which a client delays by up to 40 ms once a connection is past its first exchanges. A fake
 * built on it would otherwise add that stall to every reused connection, which no provider does.
 */
public final class NoDelay extends ServerSocketFactory {
    private static final NoDelay INSTANCE = new NoDelay();

    private NoDelay() {
    }

    /** {@code server}, its connections set to send at once; before it starts. */
    public static MockWebServer of(MockWebServer server) {
        server.setServerSocketFactory(INSTANCE);
        return server;
    }

    @Override
    public ServerSocket createServerSocket() throws IOException {
        return new Sockets();
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
        return bound(new Sockets(), port, 50, null);
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
        return bound(new Sockets(), port, backlog, null);
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
        return bound(new Sockets(), port, backlog, address);
    }

    private static ServerSocket bound(ServerSocket s, int port, int backlog, InetAddress address) throws IOException {
        s.bind(new java.net.InetSocketAddress(address, port), backlog);
        return s;
    }

    private static final class Sockets extends ServerSocket {
        Sockets() throws IOException {
        }

        @Override
        public Socket accept() throws IOException {
            Socket s = super.accept();
            s.setTcpNoDelay(true);
            return s;
        }
    }
}
