package dev.notif.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuggestTest {
    static final List<String> KEYS = List.of("url", "api_key", "api_base", "secret", "track_new_purchases", "days",
        "max_silence", "push_url");

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
        "api_kye, api_key", "apikey, api_key", "Api-Key, api_key", "secrt, secret", "track_new_purchase, track_new_purchases",
        "max_silense, max_silence", "pushurl, push_url", "dayz, days", "colour, -", "environment, -"})
    void the_closest_known_key_or_none(String typo, String expected) {
        assertThat(Suggest.closest(typo, KEYS)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {"24h, PT24H", "90m, PT1H30M", "7d, PT168H", "1d12h, PT36H", "45s, PT45S",
        "'1h 30m', PT1H30M", "a day, -", "24, -", "-1h, -"})
    void durations_as_people_write_them(String text, String expected) {
        assertThat(Durations.parse(text)).isEqualTo(expected == null ? null : Duration.parse(expected));
    }
}
