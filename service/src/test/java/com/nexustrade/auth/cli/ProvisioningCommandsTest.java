package com.nexustrade.auth.cli;

import com.nexustrade.auth.AuthApplication;
import com.nexustrade.auth.AuthConfiguration;
import com.nexustrade.auth.common.ClientContext;
import com.nexustrade.auth.throttling.FailureThrottle;
import com.nexustrade.auth.throttling.LoginThrottle;
import com.nexustrade.auth.users.PasswordHasher;
import com.nexustrade.auth.common.SecurityEvents;
import com.nexustrade.auth.users.PasswordLogin;
import com.nexustrade.auth.users.UserAccount;
import com.nexustrade.auth.users.UserDirectory;
import com.nexustrade.auth.db.ServiceClientDao;
import com.nexustrade.auth.db.UserDao;
import com.nexustrade.auth.support.TestDatabase;
import com.nexustrade.auth.support.TestService;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.util.JarLocation;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin commands write real rows that the service then accepts; secrets come from standard input. */
class ProvisioningCommandsTest {

    private static final String DB = "provisioning-commands";

    private final ByteArrayOutputStream stdOut = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stdErr = new ByteArrayOutputStream();
    private InputStream originalIn;
    private Cli cli;

    @BeforeEach
    void cli() {
        originalIn = System.in;
        System.setProperty("dw.database.url", TestService.h2Url(DB));
        Bootstrap<AuthConfiguration> bootstrap = new Bootstrap<>(new AuthApplication());
        new AuthApplication().initialize(bootstrap);
        cli = new Cli(new JarLocation(getClass()), bootstrap,
                new PrintStream(stdOut, true, StandardCharsets.UTF_8), new PrintStream(stdErr, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setIn(originalIn);
        System.clearProperty("dw.database.url");
    }

    @Test
    void addUserReadsThePasswordFromStandardInputAndTheUserCanLogIn() throws Exception {
        System.setIn(new ByteArrayInputStream("s3cret-from-stdin\n".getBytes(StandardCharsets.UTF_8)));

        Optional<Throwable> failure = cli.run("add-user", "--username", "alice", "--email", "alice@example.com",
                "--roles", "trader,admin", "--tenant", "acme", ResourceHelpers.resourceFilePath("test-config.yml"));

        assertThat(failure).as(stdErr.toString(StandardCharsets.UTF_8)).isEmpty();
        Jdbi jdbi = TestDatabase.migratedH2(DB);
        UserAccount alice = new PasswordLogin(new UserDirectory(jdbi.onDemand(UserDao.class)), new PasswordHasher(),
                new LoginThrottle(new FailureThrottle(Clock.systemUTC())), new SecurityEvents())
                .authenticate("alice", "s3cret-from-stdin", ClientContext.UNKNOWN);
        assertThat(alice.roles()).containsExactly("admin", "trader");
        assertThat(alice.tenantId()).isEqualTo("acme");
        String stored = jdbi.withHandle(h -> h.createQuery("SELECT password_hash FROM users WHERE username = 'alice'")
                .mapTo(String.class).one());
        assertThat(stored).startsWith("$argon2id$").doesNotContain("s3cret-from-stdin");
    }

    @Test
    void addServiceStoresOnlyAHashOfTheSecret() throws Exception {
        System.setIn(new ByteArrayInputStream("service-secret-from-stdin\n".getBytes(StandardCharsets.UTF_8)));

        Optional<Throwable> failure = cli.run("add-service", "--id", "risk-engine", "--permissions", "accounts:read",
                ResourceHelpers.resourceFilePath("test-config.yml"));

        assertThat(failure).as(stdErr.toString(StandardCharsets.UTF_8)).isEmpty();
        Jdbi jdbi = TestDatabase.migratedH2(DB);
        String hash = jdbi.onDemand(ServiceClientDao.class).findSecretHash("risk-engine").orElseThrow();
        assertThat(new PasswordHasher().verify("service-secret-from-stdin", hash)).isTrue();
        assertThat(jdbi.onDemand(ServiceClientDao.class).permissionsOf("risk-engine")).containsExactly("accounts:read");
    }

    @Test
    void addUserWithoutAPasswordOnStandardInputFails() {
        System.setIn(new ByteArrayInputStream(new byte[0]));

        Optional<Throwable> failure = cli.run("add-user", "--username", "bob", "--email", "bob@example.com",
                "--tenant", "acme", ResourceHelpers.resourceFilePath("test-config.yml"));

        assertThat(failure).isPresent();
        assertThat(failure.get()).hasMessageContaining("password expected on standard input");
    }

    @Test
    void addUserWithAMalformedUsernameOrEmailFailsWithOneSentence() {
        System.setIn(new ByteArrayInputStream("a-password\n".getBytes(StandardCharsets.UTF_8)));

        Optional<Throwable> failure = cli.run("add-user", "--username", "bob smith", "--email", "not-an-email",
                "--tenant", "acme", ResourceHelpers.resourceFilePath("test-config.yml"));

        assertThat(failure).isPresent();
        assertThat(stdErr.toString(StandardCharsets.UTF_8)).contains("add-user: username must be").doesNotContain("\tat ");
    }
}
