package dev.notif.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExitCodeTest {
    @ParameterizedTest(name = "worst({0}, {1}) = {2}")
    @CsvSource({
        "0, 0, 0", "0, 1, 1", "1, 0, 1",
        "1, 2, 2", "2, 1, 2",
        "2, 4, 4", "4, 2, 4",
        "4, 3, 3", "3, 4, 3",
        "3, 70, 70", "70, 3, 70",
        "1, 9, 1", "9, 1, 9", "9, 2, 2",
    })
    void one_precedence_rule(int a, int b, int worst) {
        assertThat(ExitCode.worst(a, b)).isEqualTo(worst);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"0", "1", "2", "3", "4", "70"})
    void every_code_is_in_the_help_table(String code) {
        assertThat(Arrays.stream(ExitCode.table()).map(row -> row[0]).toList()).contains(code);
    }
}
