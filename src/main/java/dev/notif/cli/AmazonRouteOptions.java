package dev.notif.cli;

import dev.notif.amazon.AmazonInputs;
import dev.notif.amazon.AmazonRoute;
import dev.notif.amazon.SnsVerifier;
import dev.notif.core.Http;
import dev.notif.listen.ListenSetup;
import dev.notif.listen.RouteOptions;
import dev.notif.listen.StoreRoute;
import dev.notif.probe.HttpProbe;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code notif listen} options of {@code POST /amazon}. */
public class AmazonRouteOptions implements RouteOptions {
    @Option(names = "--amazon-cert", paramLabel = "PEM_FILE",
        description = "Trust this certificate for Amazon messages besides SNS's own (repeatable): replay captured"
            + " messages offline with the SNS certificate you saved, or accept a test signer's.")
    List<Path> certs = new ArrayList<>();

    @Option(names = "--amazon-cert-url-prefix", paramLabel = "PREFIX",
        description = "Fetch SigningCertURL and SubscribeURL under this prefix although it is not an SNS host"
            + " (repeatable; local work only): http://127.0.0.1: accepts what notif send amazon and notif check amazon"
            + " sign.")
    List<String> urlPrefixes = new ArrayList<>();

    @Option(names = "--amazon-topic-arn", paramLabel = "ARN",
        description = "Accept only messages of this SNS topic (repeatable; default: any topic).")
    List<String> topicArns = new ArrayList<>();

    @Override
    public StoreRoute route(ListenSetup setup) {
        List<X509Certificate> trusted = new ArrayList<>();
        for (Path file : certs) {
            trusted.add(AmazonInputs.certificate("--amazon-cert", file));
        }
        topicArns.forEach(AmazonInputs::topicArn);
        for (String prefix : urlPrefixes) {
            setup.notice().accept("amazon: trusting signing certificates and SubscribeURLs under " + prefix
                + " (local testing only: anyone who can serve a certificate there can sign Amazon messages)");
        }
        var trust = new SnsVerifier.Trust(trusted, false, urlPrefixes);
        return new AmazonRoute(new AmazonRoute.Options(trust, List.copyOf(topicArns)),
            new HttpProbe(Http.client(setup.timeout())), setup.notice());
    }
}
