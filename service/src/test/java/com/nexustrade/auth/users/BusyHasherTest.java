package com.nexustrade.auth.users;

import com.nexustrade.auth.access.IssuerAndAudience;

import com.codahale.metrics.MetricRegistry;
import com.nexustrade.auth.access.AccessTokenIssuer;
import com.nexustrade.auth.access.RolePermissions;
import com.nexustrade.auth.common.AuthException;
import com.nexustrade.auth.common.ClientContext;
import com.nexustrade.auth.common.RateLimitedException;
import com.nexustrade.auth.common.SecurityEvents;
import com.nexustrade.auth.core.Provisioning;
import com.nexustrade.auth.db.ServiceClientDao;
import com.nexustrade.auth.db.UserDao;
import com.nexustrade.auth.keys.KeyDirectory;
import com.nexustrade.auth.keys.KeyRing;
import com.nexustrade.auth.keys.SigningKey;
import com.nexustrade.auth.services.ServiceAuthMetrics;
import com.nexustrade.auth.services.ServiceAuthentication;
import com.nexustrade.auth.throttling.FailureThrottle;
import com.nexustrade.auth.throttling.LoginThrottle;
import com.nexustrade.auth.throttling.ServiceAuthThrottle;
import com.nexustrade.auth.support.MutableClock;
import com.nexustrade.auth.support.TestDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 11, finding 4: when every hashing slot stays busy, a correct password or secret is answered 503 with
 * Retry-After, not 401, and the attempt is not a failure. The test holds the only slot itself and the queue wait
 * is zero, so the hasher is busy exactly when the test says, without timing.
 */
class BusyHasherTest {

    private static final String DB = "busy-hasher";
    private static final ClientContext CLIENT = ClientContext.of("198.51.100.20", "NexusTrade/5.2 iOS");
    private static Jdbi jdbi;

    private final MutableClock clock = new MutableClock();
    private final Semaphore slots = new Semaphore(1);
    private final PasswordHasher hasher = new PasswordHasher(slots, Duration.ZERO);

    @BeforeAll
    static void database() throws Exception {
        jdbi = TestDatabase.migratedH2(DB);
        TestDatabase.createUser(jdbi, "alice");
        new Provisioning(jdbi, new PasswordHasher(), Clock.systemUTC())
                .upsertService("risk-engine", "risk-engine-secret-0123", List.of("accounts:read"));
    }

    @Test
    void aCorrectPasswordMeetingABusyHasherIs503WithRetryAfterAndNeverCountsAsAFailure() throws Exception {
        PasswordLogin login = new PasswordLogin(new UserDirectory(jdbi.onDemand(UserDao.class)), hasher,
                new LoginThrottle(new FailureThrottle(clock)), new SecurityEvents());

        slots.acquire();
        try {
            for (int i = 0; i < 10; i++) {
                assertThatThrownBy(() -> login.authenticate("alice", "password-of-alice", CLIENT))
                        .isInstanceOfSatisfying(HasherBusyException.class, busy -> {
                            assertThat(busy.getStatus()).isEqualTo(503);
                            assertThat(busy.getHeaders()).containsEntry("Retry-After", "1");
                        });
            }
        } finally {
            slots.release();
        }

        assertThat(login.authenticate("alice", "password-of-alice", CLIENT).username()).isEqualTo("alice");
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> login.authenticate("alice", "wrong", CLIENT))
                    .as("the ten busy answers took nothing from the budget of five")
                    .isInstanceOf(InvalidCredentialsException.class);
        }
        assertThatThrownBy(() -> login.authenticate("alice", "wrong", CLIENT)).isInstanceOf(RateLimitedException.class);
    }

    @Test
    void aCorrectServiceSecretMeetingABusyHasherIs503AndNeverCountsAsAFailure() throws Exception {
        KeyPair pair = KeyDirectory.newEcKeyPair();
        KeyRing ring = new KeyRing(SigningKey.ofPair((ECPublicKey) pair.getPublic(), (ECPrivateKey) pair.getPrivate()),
                List.of());
        AccessTokenIssuer issuer = new AccessTokenIssuer(ring, new RolePermissions(Map.of()),
                new IssuerAndAudience("http://nexus-auth.test", "nexustrade-api"), Duration.ofMinutes(5), Duration.ofMinutes(5), clock);
        ServiceAuthentication services = new ServiceAuthentication(jdbi.onDemand(ServiceClientDao.class), hasher, issuer,
                new ServiceAuthThrottle(new FailureThrottle(clock)), new SecurityEvents(),
                new ServiceAuthMetrics(new MetricRegistry()));

        slots.acquire();
        try {
            for (int i = 0; i < 12; i++) {
                assertThatThrownBy(() -> services.authenticateClient("risk-engine", "risk-engine-secret-0123", CLIENT))
                        .isInstanceOf(HasherBusyException.class)
                        .extracting(e -> ((AuthException) e).getStatus()).isEqualTo(503);
            }
        } finally {
            slots.release();
        }

        assertThat(services.authenticateClient("risk-engine", "risk-engine-secret-0123", CLIENT).id())
                .as("twelve busy answers are more than the budget of ten: none of them counted").isEqualTo("risk-engine");
    }
}
