package com.nexustrade.repro.checks;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The verdict of one check: passed or not, one conclusion in the incident's words, the evidence lines
 * (what was sent, what came back), and facts for machine-readable reports.
 */
public record CheckResult(String name, boolean passed, String conclusion, List<String> evidence,
                          Map<String, Object> facts, Duration duration) {

    public CheckResult {
        evidence = List.copyOf(evidence);
        facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }
}
