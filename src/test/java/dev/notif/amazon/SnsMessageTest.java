package dev.notif.amazon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SnsMessageTest {
    static final SnsMessage NOTIFICATION = new SnsMessage("Notification", "22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324", null,
        "arn:aws:sns:us-west-2:123456789012:MyTopic", null, "{\"a\":\"b\\nc\"}", null, "2012-05-02T00:54:06.655Z",
        "1", "c2ln", "https://sns.us-west-2.amazonaws.com/SimpleNotificationService-f3.pem",
        "https://sns.us-west-2.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=x");

    @Test
    void a_notification_signs_message_id_timestamp_topic_and_type_in_that_order() {
        assertThat(NOTIFICATION.stringToSign()).isEqualTo("Message\n{\"a\":\"b\\nc\"}\nMessageId\n"
            + "22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324\nTimestamp\n2012-05-02T00:54:06.655Z\nTopicArn\n"
            + "arn:aws:sns:us-west-2:123456789012:MyTopic\nType\nNotification\n");
    }

    @Test
    void a_subject_is_signed_after_message_id_only_when_present() {
        SnsMessage withSubject = new SnsMessage("Notification", "id", null, "arn", "Hi", "m", null, "t", "1", "s", "u",
            null);
        assertThat(withSubject.signedFields()).containsExactly("Message", "MessageId", "Subject", "Timestamp", "TopicArn",
            "Type");
        assertThat(withSubject.stringToSign()).isEqualTo("Message\nm\nMessageId\nid\nSubject\nHi\nTimestamp\nt\n"
            + "TopicArn\narn\nType\nNotification\n");
    }

    @Test
    void confirmations_sign_subscribe_url_and_token_too() {
        SnsMessage c = new SnsMessage("SubscriptionConfirmation", "id", "tok", "arn", null, "m", "https://sub", "t", "2",
            "s", "u", null);
        assertThat(c.stringToSign()).isEqualTo("Message\nm\nMessageId\nid\nSubscribeURL\nhttps://sub\nTimestamp\nt\n"
            + "Token\ntok\nTopicArn\narn\nType\nSubscriptionConfirmation\n");
        SnsMessage u = new SnsMessage("UnsubscribeConfirmation", "id", "tok", "arn", null, "m", "https://sub", "t", "2",
            "s", "u", null);
        assertThat(u.signedFields()).isEqualTo(c.signedFields());
    }

    @Test
    void the_body_is_laid_out_as_sns_writes_it_and_reads_back_unchanged() throws Exception {
        String body = NOTIFICATION.body();
        assertThat(body).startsWith("{\n  \"Type\" : \"Notification\",\n  \"MessageId\" : ");
        assertThat(body).contains("\"Message\" : \"{\\\"a\\\":\\\"b\\\\nc\\\"}\"").endsWith("\"\n}");
        assertThat(body.indexOf("\"TopicArn\"")).isLessThan(body.indexOf("\"Message\""));
        assertThat(SnsMessage.parse(body)).isEqualTo(NOTIFICATION);
    }

    @Test
    void sns_headers_name_the_type_id_topic_and_subscription() {
        assertThat(NOTIFICATION.headers("arn:sub")).containsEntry("x-amz-sns-message-type", "Notification")
            .containsEntry("x-amz-sns-message-id", NOTIFICATION.messageId())
            .containsEntry("x-amz-sns-topic-arn", NOTIFICATION.topicArn())
            .containsEntry("x-amz-sns-subscription-arn", "arn:sub")
            .containsEntry("User-Agent", "Amazon Simple Notification Service Agent");
    }

    @Test
    void a_body_that_is_not_an_sns_message_is_malformed() {
        assertThatThrownBy(() -> SnsMessage.parse("Type=Notification")).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> SnsMessage.parse("[1]")).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> SnsMessage.parse("{\"SignatureVersion\": 1}"))
            .hasMessageContaining("SignatureVersion is not a string");
    }

    @Test
    void missing_fields_are_named_per_type() {
        SnsMessage bare = new SnsMessage("SubscriptionConfirmation", "id", null, "arn", null, "m", null, "t", "1", "s",
            "u", null);
        assertThat(bare.missingFields()).containsExactly("SubscribeURL", "Token");
    }
}
