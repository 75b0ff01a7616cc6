package dev.notif.apple;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class AppleRootsTest {
    @Test
    void the_built_in_root_is_apple_root_ca_g3_by_its_published_fingerprint() throws Exception {
        AppleRoots.Root g3 = AppleRoots.appleRootG3();
        String sha256 = HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(g3.der()));
        assertThat(sha256).isEqualTo("63343ABFB89A6A03EBB57E9B3F5FA7BE7C4F5C756F3017B3A8C488C3653E9179");
        assertThat(g3.subject()).contains("CN=Apple Root CA - G3");
        g3.certificate().verify(g3.certificate().getPublicKey()); // self-signed, bytes intact
    }
}
