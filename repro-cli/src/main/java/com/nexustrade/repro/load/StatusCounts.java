package com.nexustrade.repro.load;

import com.nexustrade.repro.http.HttpAnswer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** How many answers had each status, and how many requests got none (transport errors), with their reasons. */
public final class StatusCounts {

    private final Map<Integer, Long> byStatus = new TreeMap<>();
    private final Map<String, Long> failures = new TreeMap<>();
    private final Map<String, Long> refusals = new TreeMap<>();
    private String firstRefusalBody;

    public synchronized void count(HttpAnswer answer) {
        if (answer.answered()) {
            byStatus.merge(answer.status(), 1L, Long::sum);
            if (answer.status() != 200) {
                refusals.merge(answer.outcome(), 1L, Long::sum);
                if (firstRefusalBody == null) {
                    firstRefusalBody = answer.body();
                }
            }
        } else {
            failures.merge(answer.failure(), 1L, Long::sum);
        }
    }

    /** A request that never got an answer, e.g. one still out at the deadline. */
    public synchronized void countFailure(String reason, long times) {
        if (times > 0) {
            failures.merge(reason, times, Long::sum);
        }
    }

    /** {"200": 19998, "401": 2}: status codes as keys, as JSON wants them. */
    public synchronized Map<String, Long> byStatus() {
        Map<String, Long> out = new LinkedHashMap<>();
        byStatus.forEach((status, n) -> out.put(String.valueOf(status), n));
        return out;
    }

    public synchronized long answered() {
        return byStatus.values().stream().mapToLong(Long::longValue).sum();
    }

    public synchronized long notOk() {
        return byStatus.entrySet().stream().filter(e -> e.getKey() != 200).mapToLong(Map.Entry::getValue).sum();
    }

    public synchronized long transportErrors() {
        return failures.values().stream().mapToLong(Long::longValue).sum();
    }

    /** "19998× 200, 2× 401". */
    public synchronized String statusLine() {
        return byStatus.isEmpty() ? "none" : byStatus.entrySet().stream().map(e -> e.getValue() + "× " + e.getKey())
                .collect(Collectors.joining(", "));
    }

    /** "150× 401 invalid_grant (revoked)": the non-200 answers by error code and reason. */
    public synchronized String refusalLine() {
        return refusals.entrySet().stream().map(e -> e.getValue() + "× " + e.getKey()).collect(Collectors.joining(", "));
    }

    /** The body of the first non-200 answer, as evidence of what the server said; null when there was none. */
    public synchronized String firstRefusalBody() {
        return firstRefusalBody;
    }

    /** "3× no answer within 10 s". */
    public synchronized String failureLine() {
        return failures.entrySet().stream().map(e -> e.getValue() + "× " + e.getKey()).collect(Collectors.joining(", "));
    }
}
