package com.nexustrade.auth.db;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.TemplateEngine;

/**
 * Statements go to the database as written. Dropwizard's NamePrependingTemplateEngine re-lexes every statement with
 * ANTLR on every execution (the profile showed it on the refresh path, docs/performance.md), and our SQL has no
 * template attributes to fill. {@code database.autoCommentsEnabled} therefore has no effect.
 */
public final class SqlTemplating {

    private SqlTemplating() {
    }

    public static Jdbi off(Jdbi jdbi) {
        jdbi.getConfig(SqlStatements.class).setTemplateEngine(TemplateEngine.NOP);
        return jdbi;
    }
}
