package dev.notif.cli;

import com.sun.net.httpserver.HttpServer;
import dev.notif.core.LocalServers;
import dev.notif.core.Context;
import dev.notif.stripe.StripeEvents;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * The workload the launcher runs once per JVM to record the classes notif loads into a class-data sharing
 * archive (a dynamic CDS archive, or the AOT cache on Java 25+): every command's help, through the pre-rendered
 * pages and through picocli, the version, a usage error, real {@code send stripe} deliveries in text and JSON,
 * and {@code setup stripe --dry-run} and {@code check stripe} against a loopback server that answers as the
 * Stripe API and as an ingestion endpoint. It prints nothing; the JVM writes the archive when it exits.
 */
public final class StartupTraining {
    private StartupTraining() {
    }

    public static void main(String[] args) throws IOException, ClassNotFoundException {
        Class.forName("dev.notif.Main", false, StartupTraining.class.getClassLoader()); // as Main starts
        System.console();
        Context quiet = context();
        List<List<String>> paths = new ArrayList<>();
        collect(Cli.fullCommandLine(quiet), paths);
        run("--version");
        run("-V");
        for (List<String> path : paths) {
            List<String> help = new ArrayList<>(path);
            help.add("--help");
            String[] argv = help.toArray(String[]::new);
            run(argv);
            Context ctx = context();
            Cli.commandLine(ctx, argv).execute(argv); // the same page through picocli: what other option mixes take
        }
        run("send", "stripe", "--url", "not a url", "--secret", "whsec_training");
        HttpServer receiver = LocalServers.create(InetAddress.getLoopbackAddress().getHostAddress(), 0, 0);
        String base = "http://127.0.0.1:";
        receiver.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
                in.readAllBytes();
                String path = exchange.getRequestURI().getPath();
                String url = base + receiver.getAddress().getPort() + "/stripe";
                String json = path.equals("/v1/account") ? ACCOUNT
                    : path.equals("/v1/webhook_endpoints") ? String.format(ENDPOINTS, url, allowedEvents())
                    : path.equals("/v1/events") ? EVENTS : "{\"received\":true}";
                byte[] body = json.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                out.write(body);
            }
        });
        receiver.start();
        try {
            String api = base + receiver.getAddress().getPort();
            String url = api + "/stripe";
            String secret = "whsec_trainingtrainingtrainingtraining";
            run("send", "stripe", "--url", url, "--secret", secret);
            run("send", "stripe", "--url", url, "--secret", secret, "--json", "--event", "charge.refunded");
            run("setup", "stripe", "--url", url, "--api-key", "sk_test_training", "--api-base", api, "--dry-run");
            run("check", "stripe", "--url", url, "--api-key", "sk_test_training", "--api-base", api, "--json");
        } finally {
            receiver.stop(0);
        }
    }

    private static final String ACCOUNT =
        "{\"id\":\"acct_1Training\",\"object\":\"account\",\"settings\":{\"dashboard\":{\"display_name\":\"Training\"}}}";
    private static final String ENDPOINTS = "{\"object\":\"list\",\"url\":\"/v1/webhook_endpoints\",\"has_more\":false,"
        + "\"data\":[{\"id\":\"we_1Training\",\"object\":\"webhook_endpoint\",\"url\":\"%s\",\"status\":\"enabled\","
        + "\"enabled_events\":[%s],\"created\":1700000000,\"livemode\":false,\"metadata\":{}}]}";
    private static final String EVENTS = "{\"object\":\"list\",\"url\":\"/v1/events\",\"has_more\":false,\"data\":[]}";

    private static String allowedEvents() {
        List<String> quoted = new ArrayList<>();
        StripeEvents.allowed(false).forEach(e -> quoted.add("\"" + e + "\""));
        return String.join(",", quoted);
    }

    private static void run(String... args) {
        Cli.run(context(), args);
    }

    private static Context context() {
        return new Context(Map.of(), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
            InputStream.nullInputStream(), Clock.systemUTC(), false);
    }

    private static void collect(CommandLine cl, List<List<String>> paths) {
        List<String> path = new ArrayList<>(List.of(cl.getCommandSpec().qualifiedName(" ").split(" ")));
        path.remove(0);
        paths.add(path);
        for (CommandLine sub : new LinkedHashSet<>(cl.getSubcommands().values())) {
            collect(sub, paths);
        }
    }
}
