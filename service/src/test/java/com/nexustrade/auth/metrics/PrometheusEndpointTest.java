package com.nexustrade.auth.metrics;

import com.nexustrade.auth.AuthConfiguration;
import com.nexustrade.auth.support.ApiClient;
import com.nexustrade.auth.support.ApiClient.Reply;
import com.nexustrade.auth.support.MutableClock;
import com.nexustrade.auth.support.TestService;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** What Prometheus scrapes from the admin port after real logins and refreshes. */
@ExtendWith(DropwizardExtensionsSupport.class)
class PrometheusEndpointTest {

    private static final DropwizardAppExtension<AuthConfiguration> APP =
            TestService.extension("prometheus", new MutableClock());

    @Test
    void rotationOutcomesAreNexusAuthCountersInTheTextFormat() {
        ApiClient api = new ApiClient(APP.getLocalPort());
        double rotatedBefore = sample(scrape().body(), "nexus_auth_refresh_rotated_total");
        String first = api.login(TestService.USERNAME, TestService.PASSWORD).text("refresh_token");
        assertThat(api.refresh(first).status()).isEqualTo(200);
        assertThat(api.refresh(first).status()).as("grace replay").isEqualTo(200);

        Reply scrape = scrape();

        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.contentType()).startsWith("text/plain; version=0.0.4");
        assertThat(scrape.body()).contains("# TYPE nexus_auth_refresh_rotated_total counter");
        assertThat(sample(scrape.body(), "nexus_auth_refresh_rotated_total")).isEqualTo(rotatedBefore + 1);
        assertThat(sample(scrape.body(), "nexus_auth_refresh_grace_replay_total")).isGreaterThanOrEqualTo(1);
        assertThat(scrape.body()).contains("nexus_auth_refresh_reuse_detected_total", "nexus_auth_login_success_total");
    }

    @Test
    void refreshAndLoginLatencyAreHistogramsPerEndpointAndStatus() {
        ApiClient api = new ApiClient(APP.getLocalPort());
        api.refresh(api.login(TestService.USERNAME, TestService.PASSWORD).text("refresh_token"));
        api.refresh("not-a-token");
        api.post("/no-such-endpoint", "application/json", "{}");

        String body = scrape().body();

        assertThat(body).contains("# TYPE nexus_auth_http_request_duration_seconds histogram",
                "nexus_auth_http_request_duration_seconds_bucket{endpoint=\"/auth/login\",status=\"200\",le=\"0.1\"}",
                "nexus_auth_http_request_duration_seconds_count{endpoint=\"/auth/refresh\",status=\"200\"}",
                "nexus_auth_http_request_duration_seconds_count{endpoint=\"/auth/refresh\",status=\"401\"}");
        assertThat(body).as("unmatched paths add no label").doesNotContain("no-such-endpoint");
    }

    @Test
    void poolJettyAndJvmMetricsAreThere() {
        String body = scrape().body();

        assertThat(body).contains("io_dropwizard_db_ManagedPooledDataSource_database_active",
                "com_nexustrade_auth_resources_AuthResource_refresh_json", "jvm_memory_used_bytes{area=\"heap\"}",
                "jvm_threads_current", "process_cpu_seconds_total");
        assertThat(body).as("Dropwizard's own jvm.* gauges are left to the standard jvm_* metrics")
                .doesNotContain("jvm_memory_heap_used ");
    }

    private static Reply scrape() {
        ApiClient admin = ApiClient.admin(APP.getAdminPort());
        return admin.send(HttpRequest.newBuilder(admin.uri("/prometheus")).GET());
    }

    private static double sample(String exposition, String name) {
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(name) + " (\\S+)$").matcher(exposition);
        assertThat(matcher.find()).as(name + " in\n" + exposition).isTrue();
        return Double.parseDouble(matcher.group(1));
    }
}
