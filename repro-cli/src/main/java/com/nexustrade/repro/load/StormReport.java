package com.nexustrade.repro.load;

import com.nexustrade.repro.checks.CheckResult;
import com.nexustrade.repro.checks.Evidence;
import com.nexustrade.repro.load.DeviceStates.Outcome;
import com.nexustrade.repro.report.Redactor;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A storm's figures as the report shows them: the evidence lines, the facts for JSON, and the conclusion. */
final class StormReport {

    private final StormCheck.Settings settings;
    private final DeviceStates devices;
    private final StatusCounts statuses;
    private final Redactor redactor;
    private final boolean dpop;

    StormReport(StormCheck.Settings settings, DeviceStates devices, StatusCounts statuses, Redactor redactor, boolean dpop) {
        this.settings = settings;
        this.devices = devices;
        this.statuses = statuses;
        this.redactor = redactor;
        this.dpop = dpop;
    }

    /**
     * @param latencies     per request, from its send
     * @param wakeToAnswer  per device, from its wake-up to its last answer
     * @param measuredNanos from the first wake-up to the last answer
     */
    CheckResult result(String name, Evidence evidence, Latencies latencies, Latencies wakeToAnswer, LoadTransport transport,
                       long measuredNanos, Duration duration) {
        int forcedUsers = devices.usersForcedOut();
        int forcedDevices = devices.count(Outcome.FORCED_OUT);
        int noAnswer = devices.count(Outcome.NO_ANSWER);
        Latencies.Summary latency = latencies.summary();
        double rate = settings.users() == 0 ? 0 : (double) forcedUsers / settings.users();
        double throughput = measuredNanos == 0 ? 0 : latency.count() / (measuredNanos / 1e9);

        evidence.received("status counts: " + statuses.statusLine()
                + (statuses.transportErrors() == 0 ? "" : "; transport errors: " + statuses.failureLine()));
        if (statuses.firstRefusalBody() != null) {
            evidence.received("refusals: " + statuses.refusalLine() + "; the first said " + redactor.body(statuses.firstRefusalBody()));
        }
        Latencies.Summary waited = wakeToAnswer.summary();
        evidence.note("latency per request, from its send: " + latency.line());
        evidence.note(transport.evidenceLine());
        evidence.note("wake-up to final answer, waiting for a slot and retries included: " + waited.line().replace("answers", "devices"));
        evidence.note(String.format(Locale.ROOT, "throughput %.1f requests/s over %s (first wake-up to last answer)",
                throughput, StormCheck.seconds(measuredNanos)));
        evidence.note(devices.count(Outcome.HOLDS_TOKEN) + " devices hold a token, " + forcedDevices + " forced out, "
                + noAnswer + " without an answer");

        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("users", settings.users());
        facts.put("devices", devices.size());
        facts.put("forced_logouts", forcedUsers);
        facts.put("forced_logout_rate", Math.round(rate * 10_000) / 10_000.0);
        facts.put("devices_forced_out", forcedDevices);
        facts.put("status_counts", statuses.byStatus());
        facts.put("transport_errors", statuses.transportErrors());
        facts.put("latency_ms", latency.asMap());
        facts.put("wake_to_answer_ms", waited.asMap());
        facts.put("throughput_rps", Math.round(throughput * 10) / 10.0);
        facts.put("retries", settings.retries());
        facts.put("window_ms", settings.window().toMillis());
        facts.put("seed", settings.seed());
        facts.put("concurrency", settings.concurrency());
        facts.put("dpop", dpop);
        transport.putFacts(facts);
        return new CheckResult(name, forcedUsers == 0 && noAnswer == 0,
                conclusion(forcedUsers, rate, forcedDevices, noAnswer, latency), evidence.lines(), facts, duration);
    }

    private String conclusion(int forcedUsers, double rate, int forcedDevices, int noAnswer, Latencies.Summary latency) {
        int all = devices.size();
        if (forcedUsers > 0) {
            return String.format(Locale.ROOT, "%d of %d users (%.1f%%) were forced out: %d of %d devices were refused "
                            + "%d times in a row (%s): the incident reproduces (those users are logged out at market open).",
                    forcedUsers, settings.users(), rate * 100, forcedDevices, all, settings.retries() + 1, statuses.refusalLine());
        }
        if (noAnswer > 0) {
            return noAnswer + " of " + all + " devices got no answer (" + statuses.failureLine() + "), so whether their "
                    + "users keep their sessions is unknown; no user was forced out by a refusal: the storm did not complete.";
        }
        return "No user was forced out: all " + all + " devices of " + settings.users() + " users got a token ("
                + statuses.statusLine() + "; p99 " + latency.p99() + " ms): the incident does not reproduce.";
    }
}
