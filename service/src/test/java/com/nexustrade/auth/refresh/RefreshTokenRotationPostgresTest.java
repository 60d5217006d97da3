package com.nexustrade.auth.refresh;

import com.nexustrade.auth.support.RequiresEmbeddedPostgres;
import org.junit.jupiter.api.extension.ExtendWith;
import com.nexustrade.auth.support.TestDatabase;
import org.jdbi.v3.core.Jdbi;

@ExtendWith(RequiresEmbeddedPostgres.class)
class RefreshTokenRotationPostgresTest extends RefreshTokenRotationRules {
    @Override
    protected Jdbi createDatabase() throws Exception {
        return TestDatabase.migratedPostgres("rotation_rule");
    }
}
