package com.nexustrade.auth.security;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.nexustrade.auth.AuthConfiguration;
import com.nexustrade.auth.support.MutableClock;
import com.nexustrade.auth.support.RawHttp;
import com.nexustrade.auth.support.TestService;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, finding 1: nobody who reaches the admin port can turn logging up (secrets in the log) or off (no
 * audit trail), or trigger a GC. Health and metrics stay readable.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class AdminPortTest {

    private static final MutableClock CLOCK = new MutableClock();
    private static final DropwizardAppExtension<AuthConfiguration> APP = TestService.extension("admin-port", CLOCK);
    private static final String FORM = "Content-Type: application/x-www-form-urlencoded";

    @Test
    void theLogLevelTaskCannotRaiseJettyToDebug() throws Exception {
        Level before = ((Logger) LoggerFactory.getLogger("org.eclipse.jetty")).getLevel();

        RawHttp.Response answer = RawHttp.exchangeWithAdmin(APP.getAdminPort(), "POST /tasks/log-level HTTP/1.1",
                List.of(FORM), "logger=org.eclipse.jetty&level=DEBUG");

        assertThat(answer.status()).isIn(401, 403, 404);
        assertThat(((Logger) LoggerFactory.getLogger("org.eclipse.jetty")).getLevel()).isEqualTo(before);
    }

    @Test
    void theLogLevelTaskCannotSilenceTheSecurityEvents() throws Exception {
        RawHttp.Response answer = RawHttp.exchangeWithAdmin(APP.getAdminPort(), "POST /tasks/log-level HTTP/1.1",
                List.of(FORM), "logger=nexus-auth.security&level=OFF");

        assertThat(answer.status()).isIn(401, 403, 404);
        assertThat(LoggerFactory.getLogger("nexus-auth.security").isWarnEnabled()).isTrue();
    }

    @Test
    void theGcTaskIsNotOffered() throws Exception {
        assertThat(RawHttp.exchangeWithAdmin(APP.getAdminPort(), "POST /tasks/gc HTTP/1.1", List.of(FORM), "").status())
                .isIn(401, 403, 404);
    }

    @Test
    void healthAndMetricsStayReadable() throws Exception {
        assertThat(RawHttp.exchangeWithAdmin(APP.getAdminPort(), "GET /healthcheck HTTP/1.1", List.of(), "").status())
                .isEqualTo(200);
        assertThat(RawHttp.exchangeWithAdmin(APP.getAdminPort(), "GET /metrics HTTP/1.1", List.of(), "").status())
                .isEqualTo(200);
    }
}
