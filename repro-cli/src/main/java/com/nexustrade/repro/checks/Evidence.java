package com.nexustrade.repro.checks;

import java.util.ArrayList;
import java.util.List;

/**
 * The trail a check leaves, in curl's -v notation: "&gt; " what was sent, "&lt; " what came back, "* " what the
 * tool observed. Thread-safe, since simultaneous requests report from several threads.
 */
public final class Evidence {

    private final List<String> lines = new ArrayList<>();

    public synchronized Evidence sent(String request) {
        lines.add("> " + request);
        return this;
    }

    public synchronized Evidence received(String answer) {
        lines.add("< " + answer);
        return this;
    }

    public synchronized Evidence note(String observation) {
        lines.add("* " + observation);
        return this;
    }

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }
}
