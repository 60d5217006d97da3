package com.nexustrade.auth.db;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The refresh path runs the DAO's own SQL as plain JDBC: the conversion must keep every parameter in its place. */
class PositionalSqlTest {

    @Test
    void theCompareAndSetKeepsItsParametersInOrder() {
        PositionalSql markRotated = PositionalSql.of(RefreshTokenDao.MARK_ROTATED);

        assertThat(markRotated.sql()).doesNotContain(":").contains("WHERE id = ? AND used_at IS NULL");
        assertThat(markRotated.names()).containsExactly("now", "successorId", "sealed", "replayUntil", "id");
        assertThat(markRotated.index("id")).isEqualTo(5);
    }

    @Test
    void theLookupHasOneParameterAndKeepsItsLiterals() {
        PositionalSql lookup = PositionalSql.of(RefreshTokenDao.FIND_BY_HASH);

        assertThat(lookup.names()).containsExactly("hash");
        assertThat(lookup.sql()).contains("string_agg(r.role, ',' ORDER BY r.role)").endsWith("t.token_hash = ?");
    }

    @Test
    void aNameThatIsMissingOrRepeatedCannotBeBoundByPosition() {
        PositionalSql repeated = PositionalSql.of("UPDATE t SET a = :v WHERE b = :v AND c::text = :c");

        assertThat(repeated.names()).containsExactly("v", "v", "c");
        assertThatThrownBy(() -> repeated.index("v")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> repeated.index("missing")).isInstanceOf(IllegalArgumentException.class);
        assertThat(repeated.index("c")).isEqualTo(3);
    }
}
