package dev.notif.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class StripeHttpTest {
    @Test
    void list_parameters_use_the_documented_bracket_form_and_others_stay() {
        HttpUrl url = HttpUrl.get("https://api.stripe.com/v1/events?types%5B0%5D=charge.refunded&types%5B1%5D=invoice.updated"
            + "&created%5Bgte%5D=100&delivery_success=false&limit=100");
        HttpUrl rewritten = StripeHttp.listsAsBrackets(url);
        assertThat(rewritten.queryParameterValues("types[]")).containsExactly("charge.refunded", "invoice.updated");
        assertThat(rewritten.queryParameter("created[gte]")).isEqualTo("100");
        assertThat(rewritten.queryParameter("delivery_success")).isEqualTo("false");
        assertThat(rewritten.queryParameterNames()).doesNotContain("types[0]", "types[1]");
    }
}
