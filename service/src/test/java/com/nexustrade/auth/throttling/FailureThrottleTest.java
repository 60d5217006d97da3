package com.nexustrade.auth.throttling;

import com.nexustrade.auth.common.RateLimitedException;

import com.nexustrade.auth.common.ClientContext;

import com.nexustrade.auth.support.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FailureThrottleTest {

    private final MutableClock clock = new MutableClock();
    private final LoginThrottle login = new LoginThrottle(new FailureThrottle(clock));
    private final ClientContext attacker = ClientContext.of("203.0.113.7", "curl");
    private final ClientContext owner = ClientContext.of("198.51.100.20", "NexusTrade/5.2 iOS");

    @Test
    void fiveFailuresFromOneAddressThrottleThatAddressForTwelveSeconds() {
        failTimes(5, "trader1", attacker);

        assertThatThrownBy(() -> login.checkAllowed("trader1", attacker))
                .isInstanceOfSatisfying(RateLimitedException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.getRetryAfterSeconds()).isEqualTo(12));
        clock.advance(Duration.ofSeconds(12));
        assertThatCode(() -> login.checkAllowed("trader1", attacker)).doesNotThrowAnyException();
    }

    @Test
    void ownerFromAnotherAddressIsNotLockedOutByOneAttacker() {
        failTimes(5, "trader1", attacker);

        assertThatCode(() -> login.checkAllowed("trader1", owner)).doesNotThrowAnyException();
    }

    @Test
    void usernameMatchingIgnoresCase() {
        failTimes(5, "Trader1", attacker);

        assertThatThrownBy(() -> login.checkAllowed("trader1", attacker)).isInstanceOf(RateLimitedException.class);
    }

    @Test
    void manyAddressesGuessingOneAccountAreSlowedAndTheLockLiftsWithinSeconds() {
        for (int i = 0; i < 40; i++) {
            login.recordFailure("trader1", ClientContext.of("192.0.2." + i, ""));
        }

        assertThatThrownBy(() -> login.checkAllowed("trader1", owner)).isInstanceOfSatisfying(RateLimitedException.class,
                e -> org.assertj.core.api.Assertions.assertThat(e.getRetryAfterSeconds()).isEqualTo(3));
        clock.advance(Duration.ofSeconds(3));
        assertThatCode(() -> login.checkAllowed("trader1", owner)).doesNotThrowAnyException();
    }

    @Test
    void oneAddressSprayingManyAccountsIsThrottledAfterThirty() {
        for (int i = 0; i < 30; i++) {
            login.recordFailure("user" + i, attacker);
        }

        assertThatThrownBy(() -> login.checkAllowed("someone-new", attacker)).isInstanceOf(RateLimitedException.class);
    }

    @Test
    void checkingCostsNothing() {
        for (int i = 0; i < 100; i++) {
            login.checkAllowed("trader1", owner);
        }
        assertThatCode(() -> login.checkAllowed("trader1", owner)).doesNotThrowAnyException();
    }

    private void failTimes(int times, String username, ClientContext client) {
        for (int i = 0; i < times; i++) {
            login.checkAllowed(username, client);
            login.recordFailure(username, client);
        }
    }
}
