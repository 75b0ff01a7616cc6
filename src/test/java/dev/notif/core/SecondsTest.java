package dev.notif.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecondsTest {
    @ParameterizedTest(name = "{0} ms -> {1}")
    @CsvSource({"0,0 ms", "250,250 ms", "999,999 ms", "1000,1 s", "1500,1.5 s", "2300,2.3 s", "10000,10 s",
        "12345,12 s", "600000,600 s"})
    void text(long ms, String text) {
        assertThat(Seconds.text(Duration.ofMillis(ms))).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"0,0", "0.0,0", "2.5,2.5", "10,10", "10.0,10", "0.25,0.25", "86400,86400"})
    void number_as_a_person_writes_it(double seconds, String text) {
        assertThat(Seconds.number(seconds)).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0} (zero allowed: {1}) -> {2} ms")
    @CsvSource({"2.5,false,2500", "0,true,0", "600,false,600000", "0.001,false,1"})
    void bounded_accepts_values_in_range(double seconds, boolean zero, long ms) {
        assertThat(Seconds.bounded("--wait", seconds, zero, 600, "10")).isEqualTo(Duration.ofMillis(ms));
    }

    @ParameterizedTest(name = "{0} (zero allowed: {1})")
    @CsvSource(delimiter = '|', value = {
        "0|false|--wait must be more than 0 and at most 600 seconds, got 0",
        "-1|true|--wait must be from 0 to 600 seconds, got -1",
        "600.5|false|--wait must be more than 0 and at most 600 seconds, got 600.5",
        "NaN|true|--wait must be from 0 to 600 seconds, got NaN",
    })
    void bounded_refuses_the_rest_with_the_value_as_typed(double seconds, boolean zero, String message) {
        assertThatThrownBy(() -> Seconds.bounded("--wait", seconds, zero, 600, "10"))
            .isInstanceOfSatisfying(NotifException.class, e -> {
                assertThat(e.getMessage()).isEqualTo(message);
                assertThat(e.hint()).isEqualTo("for example --wait 10");
                assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
            });
    }
}
