package com.nexustrade.auth.refresh;

import com.nexustrade.auth.support.TestDatabase;
import org.jdbi.v3.core.Jdbi;

class RefreshTokenRotationSqliteTest extends RefreshTokenRotationRules {
    @Override
    protected Jdbi createDatabase() throws Exception {
        return TestDatabase.migratedSqlite("rotation-rule");
    }
}
