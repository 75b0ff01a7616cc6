package dev.notif.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class HmacSha256Test {
    @Test
    void rfc_4231_test_cases() {
        HmacSha256 hmac = new HmacSha256();
        // case 1: 20-byte key, "Hi There"
        assertThat(hex(hmac.mac(bytes(20, 0x0b), "Hi There".getBytes(StandardCharsets.US_ASCII))))
            .isEqualTo("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
        // case 2: "Jefe"
        assertThat(hex(hmac.mac("Jefe".getBytes(StandardCharsets.US_ASCII),
            "what do ya want ".getBytes(StandardCharsets.US_ASCII), "for nothing?".getBytes(StandardCharsets.US_ASCII))))
            .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        // case 6: a 131-byte key, longer than the block, is hashed first
        assertThat(hex(hmac.mac(bytes(131, 0xaa),
            "Test Using Larger Than Block-Size Key - Hash Key First".getBytes(StandardCharsets.US_ASCII))))
            .isEqualTo("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    }

    @Test
    void the_same_as_the_jce_mac_for_any_key_and_message() throws Exception {
        Random random = new Random(14);
        HmacSha256 hmac = new HmacSha256();
        Mac mac = Mac.getInstance("HmacSHA256");
        for (int i = 0; i < 500; i++) {
            byte[] key = new byte[1 + random.nextInt(200)];
            byte[] head = new byte[random.nextInt(20)];
            byte[] body = new byte[random.nextInt(3000)];
            random.nextBytes(key);
            random.nextBytes(head);
            random.nextBytes(body);
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(head);
            assertThat(hmac.mac(key, head, body)).isEqualTo(mac.doFinal(body));
        }
    }

    @Test
    void the_same_as_the_jce_mac_at_every_key_length_around_the_block_and_message_lengths_around_it() throws Exception {
        Random random = new Random(4231);
        HmacSha256 hmac = new HmacSha256();
        Mac mac = Mac.getInstance("HmacSHA256");
        int[] messages = {0, 1, 55, 56, 63, 64, 65, 119, 120, 127, 128, 129, 1000};
        for (int keyLength = 1; keyLength <= 200; keyLength++) {
            byte[] key = new byte[keyLength];
            random.nextBytes(key);
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            for (int length : messages) {
                byte[] message = new byte[length];
                random.nextBytes(message);
                assertThat(hmac.mac(key, message)).as("key %d bytes, message %d", keyLength, length)
                    .isEqualTo(mac.doFinal(message));
            }
        }
    }

    static byte[] bytes(int n, int value) {
        byte[] b = new byte[n];
        java.util.Arrays.fill(b, (byte) value);
        return b;
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
