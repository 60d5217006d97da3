package com.nexustrade.auth.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips a test class, with one line saying what is missing, where embedded PostgreSQL cannot run (no binaries
 * for this OS and CPU): the build stays green there, and the H2 twin of each test still runs.
 */
public final class RequiresEmbeddedPostgres implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return EmbeddedPostgresServer.unavailableReason()
                .map(ConditionEvaluationResult::disabled)
                .orElseGet(() -> ConditionEvaluationResult.enabled("embedded PostgreSQL runs here"));
    }
}
