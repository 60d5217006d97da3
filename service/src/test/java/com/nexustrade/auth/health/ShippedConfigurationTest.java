package com.nexustrade.auth.health;

import com.nexustrade.auth.AuthConfiguration;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import io.dropwizard.logging.common.ConsoleAppenderFactory;
import io.dropwizard.logging.common.DefaultLoggingFactory;
import io.dropwizard.logging.json.EventJsonLayoutBaseFactory;
import io.dropwizard.request.logging.old.LogbackClassicRequestLogFactory;
import io.dropwizard.core.server.DefaultServerFactory;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped config.yml: classic request log, and JSON logs one uncommented line away. */
class ShippedConfigurationTest {

    private static final Path CONFIG = Path.of(System.getProperty("project.root", ".."), "config.yml");

    @Test
    void jsonLayoutIsOneUncommentedLineAway() throws Exception {
        String shipped = Files.readString(CONFIG);
        assertThat(shipped).contains("      # layout: {type: json}");

        AuthConfiguration config = parse(shipped.replace("      # layout: {type: json}", "      layout: {type: json}"));

        ConsoleAppenderFactory<?> console = (ConsoleAppenderFactory<?>)
                ((DefaultLoggingFactory) config.getLoggingFactory()).getAppenders().get(0);
        assertThat(console.getLayout()).isInstanceOf(EventJsonLayoutBaseFactory.class);
    }

    @Test
    void requestLogIsClassicSoStartUpHasNoLogbackAccessWarning() throws Exception {
        AuthConfiguration config = parse(Files.readString(CONFIG));

        assertThat(((DefaultServerFactory) config.getServerFactory()).getRequestLogFactory())
                .isInstanceOf(LogbackClassicRequestLogFactory.class);
    }

    private static AuthConfiguration parse(String yaml) throws Exception {
        YamlConfigurationFactory<AuthConfiguration> factory = new YamlConfigurationFactory<>(AuthConfiguration.class,
                Validators.newValidator(), Jackson.newObjectMapper(), "dw");
        return factory.build(new SubstitutingSourceProvider(
                path -> new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)),
                new EnvironmentVariableSubstitutor(false)), "config.yml");
    }
}
