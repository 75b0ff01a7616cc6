package dev.notif.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One read's objects asked by URL: the same answers as comparing every URL normalised, once per read. */
class ListedTest {
    static StripeEndpoint endpoint(String id, String url) {
        return new StripeEndpoint(id, url, "enabled", List.of("charge.refunded"), null, 1L);
    }

    final List<StripeEndpoint> all = List.of(
        endpoint("we_1", "https://api.example.com/stripe"),
        endpoint("we_2", "HTTPS://API.EXAMPLE.COM:443/stripe/"),
        endpoint("we_3", "https://api.example.com/stripe?tenant=a"),
        endpoint("we_4", null),
        endpoint("we_5", "http://api.example.com/stripe"),
        endpoint("we_6", "https://api.example.com:8443/stripe"),
        endpoint("we_7", "not a url"),
        endpoint("we_8", "https://api.example.com/stripe//"));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://api.example.com/stripe      | we_1 we_2 we_8",
        "  https://Api.Example.com/stripe/   | we_1 we_2 we_8",
        "https://api.example.com/stripe?tenant=a | we_3",
        "http://api.example.com:80/stripe    | we_5",
        "https://api.example.com:8443/stripe | we_6",
        "not a url                           | we_7",
        "https://api.example.com/other       | ''",
    })
    void the_objects_for_a_url_are_those_whose_url_is_the_same_once_normalised(String url, String ids) {
        Listed<StripeEndpoint> listed = new Listed<>(all, StripeEndpoint::url);
        List<String> expected = ids.isEmpty() ? List.of() : List.of(ids.split(" "));
        assertThat(listed.forUrl(url)).extracting(StripeEndpoint::id).containsExactlyElementsOf(expected);
        assertThat(listed.forUrl(url)).extracting(StripeEndpoint::id).containsExactlyElementsOf(expected); // indexed
        assertThat(StripeSetupPlan.matching(all, url)).extracting(StripeEndpoint::id)
            .containsExactlyElementsOf(expected);
    }

    @Test
    void each_url_of_a_read_is_normalised_once_whatever_the_number_of_questions() {
        AtomicInteger asked = new AtomicInteger();
        Listed<StripeEndpoint> listed = new Listed<>(all, e -> {
            asked.incrementAndGet();
            return e.url();
        });
        for (int i = 0; i < 50; i++) {
            listed.forUrl("https://api.example.com/stripe");
        }
        assertThat(asked).hasValue(all.size());
    }

    @Test
    void what_is_derived_from_a_read_is_made_once_per_key_and_never_outlives_the_read() {
        AtomicInteger made = new AtomicInteger();
        Listed<StripeEndpoint> listed = new Listed<>(all, StripeEndpoint::url);
        for (int i = 0; i < 3; i++) {
            assertThat(listed.<Integer>derived("count", l -> {
                made.incrementAndGet();
                return l.size();
            })).isEqualTo(8);
        }
        assertThat(listed.<Integer>derived("other", l -> made.incrementAndGet())).isEqualTo(2);
        assertThat(made).hasValue(2);
        Listed<StripeEndpoint> next = new Listed<>(all.subList(0, 2), StripeEndpoint::url);
        assertThat(next.<Integer>derived("count", List::size)).isEqualTo(2);
    }
}
