package dev.notif.apple;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notif.testing.AppleTestKeys;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppStoreServerApiTest {
    @Test
    void requests_for_apples_hosts_go_to_the_api_base_keeping_path_and_query() {
        HttpUrl apple = HttpUrl.get("https://api.storekit-sandbox.apple.com/inApps/v1/notifications/history?paginationToken=a%20b");
        assertThat(AppStoreServerApi.Client.rebase(HttpUrl.get("http://127.0.0.1:9000/"), apple).toString())
            .isEqualTo("http://127.0.0.1:9000/inApps/v1/notifications/history?paginationToken=a%20b");
        assertThat(AppStoreServerApi.Client.rebase(HttpUrl.get("http://127.0.0.1:9000/fake/"), apple).toString())
            .isEqualTo("http://127.0.0.1:9000/fake/inApps/v1/notifications/history?paginationToken=a%20b");
        assertThat(AppStoreServerApi.Client.rebase(HttpUrl.get("http://127.0.0.1:9000/fake"), apple).encodedPath())
            .isEqualTo("/fake/inApps/v1/notifications/history");
    }

    @TempDir
    Path dir;

    /** Without --api-base, Apple's current hosts (api.storekit[-sandbox].apple.com); nothing leaves this machine. */
    @Test
    void apples_current_hosts_are_the_default() throws Exception {
        Path p8 = AppleTestKeys.writeP8(dir, "key.p8", AppleTestKeys.generate());
        AppleKey key = AppleKey.load(AppleKey.Kind.IAP, "test", p8.toString(), "ABC123DEFG",
            "57246542-96fe-1a63-e053-0824d011072a");
        List<String> hosts = new ArrayList<>();
        OkHttpClient http = new OkHttpClient.Builder().addInterceptor(chain -> {
            hosts.add(chain.request().url().host());
            return new Response.Builder().request(chain.request()).protocol(Protocol.HTTP_1_1).code(200).message("OK")
                .body(ResponseBody.create("{\"testNotificationToken\":\"t\"}", MediaType.get("application/json")))
                .build();
        }).build();
        for (AppleEnvironment env : AppleEnvironment.values()) {
            new AppStoreServerApi(key, "com.example.app", env, null, http).requestTestNotification();
        }
        assertThat(hosts).containsExactly("api.storekit.apple.com", "api.storekit-sandbox.apple.com");
    }
}
