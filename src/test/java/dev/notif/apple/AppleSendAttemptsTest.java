package dev.notif.apple;

import static org.assertj.core.api.Assertions.assertThat;

import com.apple.itunes.storekit.model.SendAttemptResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AppleSendAttemptsTest {
    @ParameterizedTest
    @EnumSource(SendAttemptResult.class)
    void every_result_apples_library_knows_is_explained_with_a_fix(SendAttemptResult result) {
        AppleSendAttempts.Meaning m = AppleSendAttempts.of(result.getValue());
        assertThat(m.meaning()).doesNotContain("notif does not know");
        if (result == SendAttemptResult.SUCCESS) {
            assertThat(m.fix()).isNull();
        } else {
            assertThat(m.fix()).isNotBlank();
        }
    }
}
