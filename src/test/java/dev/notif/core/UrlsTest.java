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
}
