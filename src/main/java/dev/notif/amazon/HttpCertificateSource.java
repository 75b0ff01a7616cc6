package dev.notif.amazon;

import dev.notif.probe.HttpProbe;
import dev.notif.probe.Outcome;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Fetches signing certificates over HTTP (one probe, its timeout) and keeps each for as long as it is valid. */
public final class HttpCertificateSource implements CertificateSource {
    private final HttpProbe probe;
    private final Map<String, X509Certificate> cache = new ConcurrentHashMap<>();

    public HttpCertificateSource(HttpProbe probe) {
        this.probe = probe;
    }

    @Override
    public X509Certificate get(String url) throws Failure {
        X509Certificate cached = cache.get(url);
        if (cached != null && cached.getNotAfter().getTime() > System.currentTimeMillis()) {
            return cached;
        }
        Outcome outcome = probe.get(url, Map.of());
        if (!outcome.answered()) {
            throw new Failure("could not fetch the signing certificate: " + outcome.failure().detail(), true);
        }
        if (!outcome.is2xx()) {
            throw new Failure("fetching the signing certificate " + url + " got HTTP " + outcome.status(),
                outcome.status() >= 500 || outcome.status() == 429);
        }
        X509Certificate cert = CertificateSource.parse(outcome.body());
        if (cert == null) {
            throw new Failure(url + " does not hold an X.509 certificate", false);
        }
        cache.put(url, cert);
        return cert;
    }
}
