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

    @Test
    void form_lists_use_the_bracket_form_and_nested_keys_keep_their_index() throws Exception {
        var content = com.stripe.net.HttpContent.buildFormURLEncodedContent(java.util.List.of(
            new com.stripe.net.KeyValuePair<>("url", "https://api.example.com/stripe"),
            new com.stripe.net.KeyValuePair<>("enabled_events[0]", "charge.refunded"),
            new com.stripe.net.KeyValuePair<>("enabled_events[1]", "invoice.updated"),
            new com.stripe.net.KeyValuePair<>("items[0][price]", "price_1"),
            new com.stripe.net.KeyValuePair<>("metadata[k]", "v")));
        String form = new String(StripeHttp.formListsAsBrackets(content), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(form).isEqualTo("url=https%3A%2F%2Fapi.example.com%2Fstripe"
            + "&enabled_events[]=charge.refunded&enabled_events[]=invoice.updated"
            + "&items[0][price]=price_1&metadata[k]=v");
    }
}
