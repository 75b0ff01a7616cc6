package dev.notif.apple;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notif.core.Shared;
import dev.notif.testing.AppleTestKeys;
import dev.notif.testing.FakeAppStoreServerApi;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okhttp3.mockwebserver.MockWebServer;
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

    /**
     * Apple's client is one per environment and base for the whole run, whatever the app: each store's calls still
     * go through its own HTTP client with a token for its own app, however the stores' calls interleave.
     */
    @Test
    void stores_of_different_apps_share_apples_client_and_each_call_has_its_own_apps_token() throws Exception {
        KeyPair pair = AppleTestKeys.generate();
        Path p8 = AppleTestKeys.writeP8(dir, "key.p8", pair);
        String issuer = "57246542-96fe-1a63-e053-0824d011072a";
        AppleKey key = AppleKey.load(AppleKey.Kind.IAP, "test", p8.toString(), "ABC123DEFG", issuer);
        List<String> apps = List.of("com.example.a", "com.example.b", "com.example.c", "com.example.d");
        FakeAppStoreServerApi fake = new FakeAppStoreServerApi(pair.getPublic(), "ABC123DEFG", issuer, apps.get(0),
            apps.subList(1, apps.size()).toArray(String[]::new));
        Shared process = new Shared();
        Map<String, List<String>> bidsSeen = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(fake);
            server.start();
            List<Future<?>> runs = new ArrayList<>();
            for (String app : apps) {
                OkHttpClient http = new OkHttpClient.Builder().addInterceptor(chain -> {
                    String token = chain.request().header("Authorization").substring("Bearer ".length());
                    bidsSeen.computeIfAbsent(app, a -> new CopyOnWriteArrayList<>())
                        .add(Jws.payloadOrNull(token).get("bid").asText());
                    return chain.proceed(chain.request());
                }).build();
                AppStoreServerApi api = new AppStoreServerApi(key, app, AppleEnvironment.SANDBOX, server.url("/"), http,
                    process, Clock.systemUTC());
                runs.add(pool.submit(() -> {
                    for (int i = 0; i < 5; i++) {
                        api.testNotificationStatus(api.requestTestNotification());
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get(); // a Failure (a 401 for a token of another app or key) fails the test here
            }
        } finally {
            pool.shutdownNow();
        }
        for (String app : apps) {
            assertThat(bidsSeen.get(app)).hasSize(10).containsOnly(app);
        }
        assertThat(fake.bearerTokens()).hasSize(40).doesNotHaveDuplicates(); // a new token for each request
    }
}
