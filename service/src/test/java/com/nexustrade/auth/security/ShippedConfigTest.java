package com.nexustrade.auth.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.nexustrade.auth.AuthApplication;
import com.nexustrade.auth.AuthConfiguration;
import com.nexustrade.auth.support.MutableClock;
import com.nexustrade.auth.support.RawHttp;
import com.nexustrade.auth.support.TestService;
import io.dropwizard.core.Application;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.NetworkConnector;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, findings 1 and 2, on the configurations we ship: the demo listens on loopback only and says it is a
 * demo; the production configuration has no bootstrap accounts and no default secrets; neither exposes the
 * admin port beyond the host.
 */
class ShippedConfigTest {

    private static final Path DEMO = Path.of("..", "config.yml");
    private static final Path PRODUCTION = Path.of("..", "config-postgres.yml");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void theDemoConfigStartedAsTheReadmeSaysListensOnLoopbackOnlyAndOffersNoLogLevelTask() throws Exception {
        DropwizardTestSupport<AuthConfiguration> demo = new DropwizardTestSupport<>(AuthApplication.class,
                DEMO.toAbsolutePath().toString(),
                ConfigOverride.config("server.applicationConnectors[0].port", "0"),
                ConfigOverride.config("server.adminConnectors[0].port", "0"),
                ConfigOverride.config("database.url", TestService.h2Url("shipped-demo")),
                ConfigOverride.config("database.driverClass", "org.h2.Driver"),
                ConfigOverride.config("keys.directory", "target/test-keys/shipped-demo")) {
            @Override
            public Application<AuthConfiguration> newApplication() {
                return new AuthApplication(new MutableClock());
            }
        };
        demo.before();
        try {
            List<String> hosts = new ArrayList<>();
            for (Connector connector : demo.getEnvironment().getApplicationContext().getServer().getConnectors()) {
                hosts.add(((NetworkConnector) connector).getHost());
            }
            assertThat(hosts).hasSize(2).containsOnly("127.0.0.1");
            RawHttp.Response task = RawHttp.exchange(demo.getAdminPort(), "POST /tasks/log-level HTTP/1.1",
                    List.of("Content-Type: application/x-www-form-urlencoded"), "logger=org.eclipse.jetty&level=DEBUG");
            assertThat(task.status()).isIn(401, 403, 404);
        } finally {
            demo.after();
        }
    }

    @Test
    void theDemoConfigSaysInItsFirstLineThatItIsALocalDemo() throws Exception {
        assertThat(Files.readAllLines(DEMO).get(0).toLowerCase()).contains("local demo");
    }

    @Test
    void everyShippedConfigBindsBothConnectorsOfTheDemoAndTheAdminConnectorOfAllToLoopback() throws Exception {
        for (Path config : List.of(DEMO, PRODUCTION)) {
            JsonNode server = YAML.readTree(config.toFile()).get("server");
            for (JsonNode connector : server.get("adminConnectors")) {
                assertThat(connector.path("bindHost").asText()).as(config + " admin").isEqualTo("127.0.0.1");
            }
        }
        for (JsonNode connector : YAML.readTree(DEMO.toFile()).get("server").get("applicationConnectors")) {
            assertThat(connector.path("bindHost").asText()).as("demo application").isEqualTo("127.0.0.1");
        }
    }

    @Test
    void theProductionConfigHasNoBootstrapAccountsAndNoDefaultSecrets() throws Exception {
        JsonNode production = YAML.readTree(PRODUCTION.toFile());
        JsonNode bootstrap = production.path("bootstrap");
        assertThat(bootstrap.path("users").size()).isZero();
        assertThat(bootstrap.path("services").size()).isZero();
        String text = Files.readString(PRODUCTION);
        assertThat(text).doesNotContain("demo-password").doesNotContain("demo-secret");
        assertThat(production.path("database").path("password").asText()).doesNotContain(":-");
        assertThat(production.path("keys").path("sealKey").asText()).isIn("${AUTH_SEAL_KEY:-}", "${AUTH_SEAL_KEY}");
    }
}
