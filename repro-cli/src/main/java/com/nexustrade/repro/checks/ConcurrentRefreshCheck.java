package com.nexustrade.repro.checks;

import com.nexustrade.repro.dpop.Possession;
import com.nexustrade.repro.http.AuthClient;
import com.nexustrade.repro.http.HttpAnswer;
import com.nexustrade.repro.report.Redactor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The incident's reproduction step 1 plus the mobile app's retry loop. Per round: log in, refresh the same
 * token from several callers at once, replay that old token a few times as the app does after a 401, then
 * use every refresh token handed out once, to prove no caller was left holding a dead token.
 * Passes only if every answer was 200 and every successor works.
 */
public final class ConcurrentRefreshCheck implements Check {

    public record Settings(int parallel, int retries, int rounds) {
    }

    private final AuthClient client;
    private final Login login;
    private final Redactor redactor;
    private final Settings settings;

    /** 200 with the tokens the profile requires: the caller keeps its session. */
    private final Predicate<HttpAnswer> refreshed;

    public ConcurrentRefreshCheck(AuthClient client, Login login, Redactor redactor, Settings settings) {
        this.client = client;
        this.refreshed = client::refreshed;
        this.login = login;
        this.redactor = redactor;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "concurrent-refresh";
    }

    /** One round's answers; successors are the distinct refresh tokens its callers were handed. */
    private record Round(List<HttpAnswer> concurrent, List<HttpAnswer> retries, List<HttpAnswer> successorChecks,
                         int distinctSuccessors) {
    }

    @Override
    public CheckResult run() {
        long start = System.nanoTime();
        Evidence evidence = new Evidence();
        List<Round> rounds = new ArrayList<>();
        for (int round = 1; round <= settings.rounds(); round++) {
            evidence.note("round " + round + " of " + settings.rounds());
            rounds.add(round(evidence));
        }
        if (login.binds()) {
            evidence.note(client.proofEvidence());
        }
        List<HttpAnswer> concurrent = all(rounds, Round::concurrent);
        List<HttpAnswer> retries = all(rounds, Round::retries);
        List<HttpAnswer> successorChecks = all(rounds, Round::successorChecks);
        List<Integer> distinct = rounds.stream().map(Round::distinctSuccessors).toList();

        List<String> failures = Stream.of(
                        Outcomes.failures(concurrent, refreshed, "concurrent refreshes"),
                        Outcomes.failures(retries, refreshed, "retries of the old token (the app's retry loop)"),
                        Outcomes.failures(successorChecks, refreshed, "successor refresh tokens, when used,"))
                .flatMap(Optional::stream).toList();
        String successors = "callers got " + range(distinct) + " distinct successor" + (max(distinct) == 1 ? "" : "s") + " per round";
        String conclusion = failures.isEmpty()
                ? "All " + concurrent.size() + " concurrent refreshes and " + retries.size() + " retries over "
                        + rounds.size() + (rounds.size() == 1 ? " round" : " rounds") + " got 200, " + successors + ", and every successor works: "
                        + "the incident does not reproduce."
                : String.join("; ", failures) + " (" + successors + "): the incident reproduces"
                        + " (each of those callers would be logged out).";

        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("rounds", settings.rounds());
        facts.put("parallel", settings.parallel());
        facts.put("retries", settings.retries());
        facts.put("concurrent_refreshes_succeeded", count(concurrent));
        facts.put("concurrent_refreshes", concurrent.size());
        facts.put("retries_succeeded", count(retries));
        facts.put("retries_sent", retries.size());
        facts.put("successors_working", count(successorChecks));
        facts.put("successors_handed_out", successorChecks.size());
        facts.put("distinct_successors_per_round", distinct);
        return new CheckResult(name(), failures.isEmpty(), conclusion, evidence.lines(), facts,
                Duration.ofNanos(System.nanoTime() - start));
    }

    private Round round(Evidence evidence) {
        TokenPair session = login.as(evidence);
        String original = session.refreshToken();
        Possession holder = session.holder();
        Map<String, String> labels = new LinkedHashMap<>();

        evidence.sent(settings.parallel() + "× " + request(original) + ", released together" + proofs(holder));
        List<HttpAnswer> concurrent = Simultaneously.run(settings.parallel(), caller -> client.refresh(original, holder));
        for (int i = 0; i < concurrent.size(); i++) {
            evidence.received("caller " + (i + 1) + ": " + describe(concurrent.get(i), original, labels));
        }

        List<HttpAnswer> retries = new ArrayList<>();
        if (settings.retries() > 0) {
            evidence.sent(settings.retries() + "× " + request(original) + ", one after another" + proofs(holder));
            for (int i = 1; i <= settings.retries(); i++) {
                HttpAnswer answer = client.refresh(original, holder);
                retries.add(answer);
                evidence.received("retry " + i + ": " + describe(answer, original, labels));
            }
        }

        // Using a successor makes its predecessor an ancestor, so each distinct successor is used exactly once.
        List<HttpAnswer> successorChecks = new ArrayList<>();
        for (Map.Entry<String, String> successor : labels.entrySet()) {
            evidence.sent(request(successor.getKey()) + " (successor " + successor.getValue() + ")"
                    + holder.thumbprint().map(jkt -> ", with a fresh DPoP proof of key " + jkt).orElse(""));
            HttpAnswer answer = client.refresh(successor.getKey(), holder);
            successorChecks.add(answer);
            evidence.received(answer.outcome() + " in " + Outcomes.millis(answer)
                    + (refreshed.test(answer) ? ": successor " + successor.getValue() + " works" : ": " + redactor.body(answer.body())));
        }
        evidence.note(labels.size() + " distinct successor" + (labels.size() == 1 ? "" : "s") + " handed out this round");
        return new Round(concurrent, retries, successorChecks, labels.size());
    }

    /** With --dpop every request carries a proof of its own (a jti used twice would be refused as jti_reused). */
    private static String proofs(Possession holder) {
        return holder.thumbprint().map(jkt -> ", each with a fresh DPoP proof of key " + jkt).orElse("");
    }

    private String request(String refreshToken) {
        return client.api().describeRefresh(redactor.token(refreshToken));
    }

    /** "200 in 12 ms: successor A (xyz789…)", or the failure with its body. */
    private String describe(HttpAnswer answer, String presented, Map<String, String> labels) {
        if (!refreshed.test(answer)) {
            return answer.outcome() + " in " + Outcomes.millis(answer) + ": " + redactor.body(answer.body());
        }
        String token = client.successor(answer, presented).orElseThrow();
        String label = labels.computeIfAbsent(token, t -> successorLabel(labels.size()));
        return "200 in " + Outcomes.millis(answer) + ": successor " + label + " (" + redactor.token(token)
                + (token.equals(presented) ? ", the presented token, kept: no new refresh_token)" : ")");
    }

    private static String successorLabel(int index) {
        return index < 26 ? String.valueOf((char) ('A' + index)) : "S" + (index + 1);
    }

    private static List<HttpAnswer> all(List<Round> rounds, Function<Round, List<HttpAnswer>> part) {
        return rounds.stream().flatMap(r -> part.apply(r).stream()).toList();
    }

    private long count(List<HttpAnswer> answers) {
        return answers.stream().filter(refreshed).count();
    }

    private static int max(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    private static String range(List<Integer> values) {
        int min = values.stream().mapToInt(Integer::intValue).min().orElse(0);
        return min == max(values) ? String.valueOf(min) : min + " to " + max(values);
    }
}
