package com.nexustrade.repro.cli;

import com.nexustrade.repro.http.AuthClient;
import com.nexustrade.repro.http.HttpTransport;
import com.nexustrade.repro.load.Progress;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What the load commands (storm, bench) share: sessions opened a few logins at a time before the clock starts,
 * a client of their own on two completion threads, how their workers send refreshes, and figures at the top level
 * of their JSON.
 */
abstract class LoadCommand extends CheckCommand {

    @Option(names = "--login-parallel", paramLabel = "L", defaultValue = "4",
            description = "Logins at a time while the sessions are opened, before the clock starts (default: ${DEFAULT-VALUE}).")
    int loginParallel;

    @Option(names = "--http-client", paramLabel = "jdk|socket", defaultValue = "socket",
            description = "How the workers send their refreshes: socket, one HTTP/1.1 keep-alive connection per worker "
                    + "written and read by repro itself, cheap on CPU as wrk is; or jdk, the JDK's java.net.http.HttpClient, "
                    + "for comparison (it keeps connections an HTTP/1.0 server closes, so some of its refreshes may fail "
                    + "there). Logins always go over repro's own client (default: ${DEFAULT-VALUE}).")
    HttpTransport httpClient;

    /**
     * Completions only turn a response into an answer for whoever waits on it, so two threads keep up with
     * thousands of requests in flight; the JDK's default executor is an unbounded cached pool.
     */
    private final ExecutorService completions = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "repro-load-http");
        thread.setDaemon(true);
        return thread;
    });

    AuthClient loadClient(Session session) {
        require(loginParallel >= 1 && loginParallel <= 64, "--login-parallel must be between 1 and 64, not " + loginParallel);
        return session.client(completions);
    }

    /** The live progress line, on standard error whenever that is a terminal. */
    Progress progress() {
        return ProgressLine.on(spec.commandLine().getErr(), repro.standardErrorIsTerminal());
    }

    HttpTransport transport() {
        return httpClient;
    }

    @Override
    boolean measurement() {
        return true;
    }

    @Override
    public Integer call() {
        try {
            return super.call();
        } finally {
            completions.shutdownNow();
        }
    }

    void require(boolean valid, String sentence) {
        if (!valid) {
            throw new ParameterException(spec.commandLine(), sentence);
        }
    }
}
