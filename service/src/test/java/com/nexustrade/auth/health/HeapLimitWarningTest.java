package com.nexustrade.auth.health;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HeapLimitWarningTest {

    @Test
    void warnsOnlyAboveOneGibibyte() {
        assertThat(HeapLimitWarning.warningFor(HeapLimitWarning.LIMIT_BYTES)).isEmpty();
        assertThat(HeapLimitWarning.warningFor(192L << 20)).isEmpty();
        assertThat(HeapLimitWarning.warningFor(HeapLimitWarning.LIMIT_BYTES + 1)).get().asString()
                .startsWith("Max heap is 1,024 MiB (over 1 GiB)");
        assertThat(HeapLimitWarning.warningFor(6L << 30)).get().asString().contains("6,144 MiB");
    }
}
