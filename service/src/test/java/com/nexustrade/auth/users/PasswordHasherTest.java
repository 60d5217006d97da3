package com.nexustrade.auth.users;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void hashIsArgon2idWithOwaspParametersAndAFreshSalt() {
        String first = hasher.hash("correct horse");
        String second = hasher.hash("correct horse");

        assertThat(first).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void verifyAcceptsTheRightPasswordOnly() {
        String hash = hasher.hash("correct horse");

        assertThat(hasher.verify("correct horse", hash)).isTrue();
        assertThat(hasher.verify("correct hors", hash)).isFalse();
        assertThat(hasher.verify("", hash)).isFalse();
    }

    @Test
    void malformedStoredHashesNeverVerify() {
        assertThat(hasher.verify("x", "")).isFalse();
        assertThat(hasher.verify("x", "$argon2i$v=19$m=19456,t=2,p=1$AAAA$AAAA")).isFalse();
        assertThat(hasher.verify("x", "$argon2id$v=19$m=abc,t=2,p=1$AAAA$AAAA")).isFalse();
        assertThat(hasher.verify("x", "plaintext")).isFalse();
    }

    @Test
    void decoyVerificationAlwaysFails() {
        assertThat(hasher.verifyDecoy("decoy password that matches no input")).isFalse();
    }

    @Test
    void concurrentHashesAreTwoPerCoreButAtMostHalfTheHeap() {
        assertThat(PasswordHasher.concurrentHashes(8, 6L << 30)).as("one per core").isEqualTo(8);
        assertThat(PasswordHasher.concurrentHashes(2, 192L << 20)).isEqualTo(2);
        assertThat(PasswordHasher.concurrentHashes(16, 192L << 20)).isEqualTo(5); // 96 MiB hold 5 hashes of 19 MiB
        assertThat(PasswordHasher.concurrentHashes(1, 32L << 20)).as("never fewer than 2").isEqualTo(2);
    }
}
