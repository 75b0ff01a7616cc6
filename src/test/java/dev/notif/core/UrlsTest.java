package dev.notif.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlsTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({"https://api.example.com/webhooks/stripe", "http://127.0.0.1:8085/stripe", "HTTPS://API.example.com"})
    void http_accepts_absolute_http_urls(String url) {
        assertThat(Urls.http("--url", url).host()).isNotEmpty();
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', value = {
        "''|--url is empty",
        "' https://api.example.com'|--url has leading or trailing whitespace",
        "ftp://api.example.com|--url must start with https:// or http://, got 'ftp://api.example.com'",
        "api.example.com/stripe|--url must start with https:// or http://",
        "https://|--url is not a valid URL: 'https://'",
        "http://exa mple.com|--url is not a valid URL",
    })
    void http_refuses_the_rest_as_a_usage_error_naming_the_option(String url, String message) {
        assertThatThrownBy(() -> Urls.http("--url", url)).isInstanceOfSatisfying(NotifException.class, e -> {
            assertThat(e.getMessage()).startsWith(message);
            assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(e.hint()).isNotBlank();
        });
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "https://API.Example.com/stripe/,https://api.example.com/stripe",
        "https://api.example.com:443/stripe,https://api.example.com/stripe",
        "http://api.example.com:80/stripe//,http://api.example.com/stripe",
        "https://api.example.com:8443/stripe,https://api.example.com:8443/stripe",
        "https://api.example.com/stripe?app=1,https://api.example.com/stripe?app=1",
        "' https://api.example.com/ ',https://api.example.com",
        "not a url,not a url",
    })
    void normalize_compares_endpoint_urls_as_stripe_does(String url, String normalized) {
        assertThat(Urls.normalize(url)).isEqualTo(normalized);
    }

    @ParameterizedTest(name = "{0}: loopback {1}, unreachable {2}")
    @CsvSource(delimiter = '|', value = {
        // this machine
        "localhost|true|true", "LOCALHOST|true|true", "localhost.|true|true", "api.localhost|true|true",
        "127.0.0.1|true|true", "127.1.2.3|true|true", "::1|true|true", "0:0:0:0:0:0:0:1|true|true",
        "[::1]|true|true", "::ffff:127.0.0.1|true|true",
        // not this machine, and not on the internet either
        "0.0.0.0|false|true", "::|false|true", "10.0.0.1|false|true", "::ffff:10.1.2.3|false|true",
        "172.16.0.1|false|true", "172.31.255.255|false|true", "192.168.1.10|false|true",
        "169.254.169.254|false|true", "100.64.0.1|false|true", "100.127.255.255|false|true",
        "fe80::1|false|true", "FE80::1|false|true", "febf::1|false|true", "fe80::1%eth0|false|true",
        "fc00::1|false|true", "fd12:3456:789a::1|false|true",
        "printer.local|false|true", "Printer.LOCAL.|false|true", "db.internal|false|true",
        "nas.home.arpa|false|true",
        // public: addresses next to the private ranges, public names, and names that only look private
        "8.8.8.8|false|false", "2001:4860::8888|false|false", "172.15.255.255|false|false",
        "172.32.0.1|false|false", "192.169.0.1|false|false", "169.253.0.1|false|false", "100.128.0.1|false|false",
        "fe00::1|false|false", "fec0::1|false|true", "example.com|false|false", "EXAMPLE.COM.|false|false",
        "10.example.com|false|false", "127.0.0.1.example.com|false|false", "local.example.com|false|false",
        "localhost.example.com|false|false", "internal.example.com|false|false", "mylocal|false|false",
        "256.0.0.1|false|false",
    })
    void loopback_and_unreachable_from_the_internet_read_the_host_as_written(String host, boolean loopback,
        boolean unreachable) {
        assertThat(Urls.loopback(host)).as("loopback").isEqualTo(loopback);
        assertThat(Urls.unreachableFromInternet(host)).as("unreachable from the internet").isEqualTo(unreachable);
    }
}
