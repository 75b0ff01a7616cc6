import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Executors;

/**
 * The baselines for `notif listen`: a JDK HttpServer that answers 200 to every POST and either keeps nothing
 * ("plain") or appends the body to a file and fsyncs it before answering, one fsync per request ("fsync").
 * Usage: MinimalReceiver plain|fsync PORT [FILE]. Runs until killed.
 */
public final class MinimalReceiver {
    public static void main(String[] args) throws Exception {
        boolean fsync = args[0].equals("fsync");
        FileChannel log = fsync ? FileChannel.open(Path.of(args[2]), StandardOpenOption.CREATE,
            StandardOpenOption.WRITE, StandardOpenOption.APPEND) : null;
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(),
            Integer.parseInt(args[1])), 256);
        server.setExecutor(Executors.newFixedThreadPool(16));
        byte[] ok = "{\"received\":true}".getBytes();
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            if (log != null) {
                synchronized (log) {
                    log.write(ByteBuffer.wrap(body));
                    log.write(ByteBuffer.wrap(new byte[] {'\n'}));
                    log.force(false);
                }
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
            exchange.close();
        });
        server.start();
        System.out.println("listening on " + server.getAddress().getPort());
    }
}
