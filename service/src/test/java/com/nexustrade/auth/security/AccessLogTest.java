package com.nexustrade.auth.security;

import com.nexustrade.auth.AuthApplication;
import com.nexustrade.auth.AuthConfiguration;
import com.nexustrade.auth.support.MutableClock;
import com.nexustrade.auth.support.RawHttp;
import com.nexustrade.auth.support.TestService;
import io.dropwizard.core.Application;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 11, finding 8: the access log records paths, never query strings (they may carry tokens). */
class AccessLogTest {

    @TempDir
    Path dir;

    @Test
    void theAccessLogRecordsThePathButNotTheQueryString() throws Exception {
        Path log = dir.resolve("access.log");
        String config = Files.readString(Path.of(ResourceHelpers.resourceFilePath("test-config.yml")))
                .replace("  requestLog:\n    appenders: []", """
                          requestLog:
                            appenders:
                              - type: file
                                currentLogFilename: %s
                                archive: false
                        """.formatted(log));
        assertThat(config).contains(log.toString());
        Path configFile = dir.resolve("config.yml");
        Files.writeString(configFile, config);
        DropwizardTestSupport<AuthConfiguration> service = new DropwizardTestSupport<>(AuthApplication.class,
                configFile.toString(),
                ConfigOverride.config("database.url", TestService.h2Url("access-log")),
                ConfigOverride.config("keys.directory", "target/test-keys/access-log")) {
            @Override
            public Application<AuthConfiguration> newApplication() {
                return new AuthApplication(new MutableClock());
            }
        };
        service.before();
        try {
            RawHttp.exchange(service.getLocalPort(), "GET /auth/me?access_token=eyJsecret.in.query HTTP/1.1", List.of(), "");
            RawHttp.exchange(service.getLocalPort(), "POST /auth/refresh?refresh_token=opaque-secret-in-query HTTP/1.1",
                    List.of("Content-Type: application/json"), "{}");
        } finally {
            service.after();
        }

        String written = Files.readString(log);
        assertThat(written).contains("/auth/me").contains("/auth/refresh");
        assertThat(written).doesNotContain("eyJsecret").doesNotContain("opaque-secret-in-query")
                .doesNotContain("access_token=").doesNotContain("refresh_token=");
    }
}
