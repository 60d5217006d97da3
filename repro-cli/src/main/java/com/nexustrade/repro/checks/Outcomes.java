package com.nexustrade.repro.checks;

import com.nexustrade.repro.http.HttpAnswer;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Counts answers into the sentences reports are made of: "2 of 3 concurrent refreshes got 401 invalid_grant (revoked)". */
final class Outcomes {

    private Outcomes() {
    }

    /** Empty when every answer is good; otherwise how many of how many were not, and what they got. */
    static Optional<String> failures(List<HttpAnswer> answers, Predicate<HttpAnswer> good, String what) {
        List<HttpAnswer> bad = answers.stream().filter(good.negate()).toList();
        if (bad.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Long> byOutcome = bad.stream()
                .collect(Collectors.groupingBy(HttpAnswer::outcome, TreeMap::new, Collectors.counting()));
        String prefix = bad.size() + " of " + answers.size() + " " + what;
        if (byOutcome.size() == 1) {
            return Optional.of(prefix + " got " + byOutcome.keySet().iterator().next());
        }
        return Optional.of(prefix + " failed (" + tally(byOutcome) + ")");
    }

    /** "12× 401 invalid_client, 1× 400 invalid_request". */
    static String tally(Map<String, Long> byOutcome) {
        return byOutcome.entrySet().stream().map(e -> e.getValue() + "× " + e.getKey()).collect(Collectors.joining(", "));
    }

    static String tallyOf(List<HttpAnswer> answers) {
        return tally(answers.stream().collect(Collectors.groupingBy(HttpAnswer::outcome, TreeMap::new, Collectors.counting())));
    }

    /** A sentence made of parts joined together, starting with a capital. */
    static String capitalised(String sentence) {
        return sentence.isEmpty() ? sentence : Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
    }

    /** A label as a JSON fact name: "non-breaking space" is non_breaking_space. */
    static String factName(String label) {
        return label.replaceAll("[^A-Za-z0-9]+", "_");
    }

    static String millis(HttpAnswer answer) {
        return answer.elapsed().toMillis() + " ms";
    }
}
