package com.nexustrade.auth.common;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class IdsTest {

    @Test
    void idsAreVersion4UuidsAndDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = Ids.newId();
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(seen.add(id)).isTrue();
        }
    }

    /** NativePRNG (what {@code new SecureRandom()} gives on Linux) locks JVM-wide, whatever the instance. */
    @Test
    void eachThreadHasItsOwnDrbgSoNoThreadWaitsForAnother() throws Exception {
        SecureRandom mine = Ids.secureRandom();
        java.util.concurrent.atomic.AtomicReference<SecureRandom> other = new java.util.concurrent.atomic.AtomicReference<>();
        Thread thread = new Thread(() -> other.set(Ids.secureRandom()));
        thread.start();
        thread.join();

        assertThat(mine.getAlgorithm()).isEqualTo("DRBG");
        assertThat(Ids.secureRandom()).isSameAs(mine);
        assertThat(other.get()).isNotNull().isNotSameAs(mine);
    }

    @Test
    void randomBytesHaveTheAskedLengthAndDiffer() {
        assertThat(Ids.randomBytes(32)).hasSize(32).isNotEqualTo(Ids.randomBytes(32));
    }
}
