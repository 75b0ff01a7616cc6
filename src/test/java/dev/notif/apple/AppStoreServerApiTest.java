package dev.notif.apple;

import static org.assertj.core.api.Assertions.assertThat;

import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

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
}
