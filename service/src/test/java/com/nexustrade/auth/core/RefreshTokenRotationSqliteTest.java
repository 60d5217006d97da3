package com.nexustrade.auth.core;

import com.nexustrade.auth.support.TestDatabase;
import org.jdbi.v3.core.Jdbi;

class RefreshTokenRotationSqliteTest extends RefreshTokenRotationRules {
    @Override
    protected Jdbi createDatabase() throws Exception {
        return TestDatabase.migratedSqlite("rotation-rule");
    }
}
