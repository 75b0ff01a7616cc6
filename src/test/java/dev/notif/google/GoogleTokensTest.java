package dev.notif.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.notif.core.Context;
import dev.notif.core.ExitCode;
import dev.notif.core.NotifException;
import dev.notif.core.Shared;
import dev.notif.testing.FakeGoogle;
import dev.notif.testing.ManualClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One access token per service account for a process (the stores of a fleet run), against the loopback token
 * endpoint: reused until google-auth-library's refresh margin before its expiry, renewed after, a refusal never
 * kept; the credentials file read by every store and parsed once per content.
 */
class GoogleTokensTest {
    @TempDir
    Path home;
    FakeGoogle google;
    Path key;
    final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T12:00:00Z"));
    final Shared process = new Shared();

    @BeforeEach
    void start() throws Exception {
        google = new FakeGoogle(home);
        key = google.keyFile();
    }

    @AfterEach
    void stop() throws Exception {
        google.close();
    }

    /** What one store's command opens (its own context, the process's shared state). */
    GoogleAccess store(Path credentials) {
        Context ctx = new Context(Map.of("NOTIF_RETRY_BASE_MS", "5"), new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter()), java.io.InputStream.nullInputStream(), clock, false).sharing(process);
        return GoogleAccess.open(new GoogleAccess.Settings(credentials.toString(), google.base(), google.base(),
            google.base()), ctx, Duration.ofSeconds(5));
    }

    @Test
    void stores_on_one_key_share_one_token_until_the_refresh_margin_then_one_new_one() {
        for (int i = 0; i < 5; i++) {
            assertThat(store(key).credential().token()).isEqualTo(FakeGoogle.TOKEN);
        }
        assertThat(google.tokenRequests()).isEqualTo(1);
        // the fake's tokens live 3599 s; google-auth-library refreshes 3 min 45 s before the expiry
        clock.advance(Duration.ofSeconds(3599).minus(GoogleCredential.Tokens.REFRESH_MARGIN).minusSeconds(2));
        store(key).signIn();
        assertThat(google.tokenRequests()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(2));
        store(key).signIn();
        store(key).signIn();
        assertThat(google.tokenRequests()).isEqualTo(2);
    }

    @Test
    void another_process_asks_for_its_own() {
        store(key).signIn();
        Context other = new Context(Map.of(), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
            java.io.InputStream.nullInputStream(), clock, false);
        GoogleAccess.open(new GoogleAccess.Settings(key.toString(), google.base(), google.base(), google.base()), other,
            Duration.ofSeconds(5)).signIn();
        assertThat(google.tokenRequests()).isEqualTo(2);
    }

    @Test
    void a_refusal_is_each_stores_with_its_cause_and_fix_and_is_not_kept() {
        google.tokenError("Invalid JWT Signature.");
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> store(key).signIn()).isInstanceOfSatisfying(NotifException.class, e -> {
                assertThat(e.exitCode()).isEqualTo(ExitCode.CREDENTIALS);
                assertThat(e.getMessage()).contains("Google refused the service-account key of " + FakeGoogle.EMAIL);
                assertThat(e.hint()).contains("was deleted or rotated");
            });
        }
        assertThat(google.tokenRequests()).isEqualTo(3);
        google.tokenError(null);
        store(key).signIn();
        store(key).signIn();
        assertThat(google.tokenRequests()).isEqualTo(4);
    }

    @Test
    void a_file_is_read_by_every_store_so_an_edit_or_a_removal_is_seen_and_its_error_is_that_stores() throws Exception {
        store(key).signIn();
        String good = Files.readString(key);
        Files.writeString(key, "{\"type\": \"service_account\", \"client_email\": \"x@y\"}");
        assertThatThrownBy(() -> store(key)).isInstanceOfSatisfying(NotifException.class,
            e -> assertThat(e.getMessage()).isEqualTo(key + " lacks private_key"));
        Files.delete(key);
        assertThatThrownBy(() -> store(key)).isInstanceOfSatisfying(NotifException.class,
            e -> assertThat(e.getMessage()).contains("cannot read the Google credentials file " + key + ": no such file"));
        Files.writeString(key, good);
        store(key).signIn();
        // the same key under another name (or pretty-printed otherwise) is the same service account: its token
        Path copy = home.resolve("copy.json");
        Files.writeString(copy, good.replace("\n", "\n  "));
        assertThat(store(copy).credential().origin()).isEqualTo("--credentials " + copy);
        store(copy).signIn();
        assertThat(google.tokenRequests()).isEqualTo(1);
    }
}
