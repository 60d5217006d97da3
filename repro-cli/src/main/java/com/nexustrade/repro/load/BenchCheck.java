package com.nexustrade.repro.load;

import com.nexustrade.repro.CannotRunException;
import com.nexustrade.repro.checks.Check;
import com.nexustrade.repro.checks.CheckResult;
import com.nexustrade.repro.checks.Evidence;
import com.nexustrade.repro.checks.Login;
import com.nexustrade.repro.checks.TokenPair;
import com.nexustrade.repro.dpop.Possession;
import com.nexustrade.repro.http.AuthClient;
import com.nexustrade.repro.http.HttpAnswer;
import com.nexustrade.repro.http.HttpTransport;
import com.nexustrade.repro.http.RefreshSender;
import com.nexustrade.repro.report.Redactor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Steady load that follows rotation, as a real client does: each of --clients workers has its own session and
 * refreshes with the token it got last, back to back, for --warmup then --duration seconds. Only the refreshes
 * sent after the warm-up and answered before the end are measured. Fails when any refresh failed.
 *
 * <p>The refreshes go over a keep-alive socket per worker by default ({@link HttpTransport#SOCKET}): the load
 * generator shares the machine with the server it measures, and the JDK client's CPU per request would be taken
 * from the server. Logins, before the clock and after a failure, always go over repro's own client.
 */
public final class BenchCheck implements Check {

    public record Settings(int clients, Duration duration, Duration warmup, int loginParallel, HttpTransport transport) {
    }

    private final AuthClient client;
    private final Login login;
    private final Redactor redactor;
    private final Settings settings;
    private final Progress progress;

    private final StatusCounts measured = new StatusCounts();
    private final Latencies latencies = new Latencies();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong warmupFailures = new AtomicLong();
    private final AtomicLong sessionsReopened = new AtomicLong();
    private final LoadTransport transport;

    public BenchCheck(AuthClient client, Login login, Redactor redactor, Settings settings, Progress progress) {
        this.client = client;
        this.login = login;
        this.redactor = redactor;
        this.settings = settings;
        this.progress = progress;
        this.transport = new LoadTransport(settings.transport());
    }

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public CheckResult run() {
        long start = System.nanoTime();
        Evidence evidence = new Evidence();
        Sessions sessions = new Sessions(login, settings.loginParallel());
        progress.show(() -> "logging in: " + sessions.opened() + " of " + settings.clients() + " sessions");
        List<TokenPair> tokens = sessions.open(settings.clients());
        evidence.note(settings.clients() + " sessions of " + login.username() + " opened before the clock started ("
                + String.format(Locale.ROOT, "%.2f s", (System.nanoTime() - start) / 1e9) + ")");
        evidence.note(LoadTransport.loginLine(client.connections()));
        evidence.sent(settings.clients() + " workers: " + client.api().describeRefresh("…") + " back to back, each with the token"
                + " it got last, " + settings.warmup().toSeconds() + " s warm-up then " + settings.duration().toSeconds() + " s measured");

        long clock = System.nanoTime();
        long warmupEnd = clock + settings.warmup().toNanos();
        long end = warmupEnd + settings.duration().toNanos();
        progress.show(() -> String.format(Locale.ROOT, "bench: %.0f of %d s, %d refreshes measured, %d failed",
                (Math.min(end, System.nanoTime()) - clock) / 1e9, (end - clock) / 1_000_000_000L, latencies.count(),
                failures.get() + warmupFailures.get()));
        runWorkers(tokens, warmupEnd, end);
        progress.close();
        return result(evidence, Duration.ofNanos(System.nanoTime() - start));
    }

    private void runWorkers(List<TokenPair> tokens, long warmupEnd, long end) {
        CountDownLatch done = new CountDownLatch(tokens.size());
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            TokenPair first = tokens.get(i);
            Thread worker = new Thread(() -> {
                try {
                    work(first, warmupEnd, end);
                } finally {
                    done.countDown();
                }
            }, "repro-bench-" + i);
            worker.setDaemon(true);
            workers.add(worker);
        }
        workers.forEach(Thread::start);
        try {
            // A request sent just before the end may take up to the timeout; past that a worker is abandoned.
            long bound = end + client.target().timeout().toNanos() + Duration.ofSeconds(1).toNanos();
            done.await(Math.max(0, bound - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CannotRunException("Interrupted during the bench.", e);
        } finally {
            workers.forEach(Thread::interrupt);
        }
    }

    private void work(TokenPair first, long warmupEnd, long end) {
        try (RefreshSender sender = transport.sender(client)) {
            work(sender, first, warmupEnd, end);
        }
    }

    /** With --dpop the worker's session keeps its key across its refreshes, each with a fresh proof signed here. */
    private void work(RefreshSender sender, TokenPair first, long warmupEnd, long end) {
        String token = first.refreshToken();
        Possession holder = first.holder();
        while (System.nanoTime() < end && !Thread.currentThread().isInterrupted()) {
            long sent = System.nanoTime();
            HttpAnswer answer = sender.refresh(token, holder);
            long answered = System.nanoTime();
            Optional<Duration> busy = answer.retryAfter();
            if (busy.isPresent()) {
                // Not a failure: the server used nothing; the app sends the same token again after the delay.
                if (sent >= warmupEnd && answered <= end) {
                    measured.count(answer);
                    latencies.record(answer.elapsed());
                }
                LockSupport.parkNanos(Math.min(busy.get().toNanos(), Math.max(0, end - System.nanoTime())));
                continue;
            }
            Optional<String> successor = client.successor(answer, token);
            boolean rotated = successor.isPresent();
            if (!rotated) {
                (sent >= warmupEnd ? failures : warmupFailures).incrementAndGet();
            }
            if (sent >= warmupEnd && answered <= end) {
                measured.count(answer);
                if (answer.answered()) {
                    latencies.record(answer.elapsed());
                }
            }
            if (rotated) {
                token = successor.get();
            } else if (System.nanoTime() < end) {
                TokenPair reopened = reopen(); // the session is likely dead: carry on with a new one, as the app would after a login
                if (reopened == null) {
                    return;
                }
                token = reopened.refreshToken();
                holder = reopened.holder();
            }
        }
    }

    private TokenPair reopen() {
        try {
            sessionsReopened.incrementAndGet();
            return login.obtain();
        } catch (RuntimeException refused) {
            return null;
        }
    }

    private CheckResult result(Evidence evidence, Duration duration) {
        Latencies.Summary latency = latencies.summary();
        long ok = measured.byStatus().getOrDefault("200", 0L);
        double seconds = settings.duration().toNanos() / 1e9;
        double throughput = ok / seconds;
        long failed = failures.get() + warmupFailures.get();

        evidence.received("status counts (measured): " + measured.statusLine()
                + (measured.transportErrors() == 0 ? "" : "; transport errors: " + measured.failureLine()));
        if (measured.firstRefusalBody() != null) {
            evidence.received("refusals: " + measured.refusalLine() + "; the first said " + redactor.body(measured.firstRefusalBody()));
        }
        evidence.note("latency " + latency.line());
        evidence.note(transport.evidenceLine());
        if (login.binds()) {
            evidence.note(client.proofEvidence());
        }
        evidence.note(String.format(Locale.ROOT, "throughput %.1f refreshes/s over %d s (%d clients)", throughput,
                settings.duration().toSeconds(), settings.clients()));
        if (failed > 0) {
            evidence.note(failed + " refreshes failed (" + warmupFailures.get() + " during the warm-up); "
                    + sessionsReopened.get() + " sessions reopened by a new login");
        }

        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("clients", settings.clients());
        facts.put("duration_s", settings.duration().toSeconds());
        facts.put("warmup_s", settings.warmup().toSeconds());
        facts.put("dpop", login.binds());
        transport.putFacts(facts);
        facts.put("refreshes", ok);
        facts.put("throughput_rps", Math.round(throughput * 10) / 10.0);
        facts.put("latency_ms", latency.asMap());
        facts.put("status_counts", measured.byStatus());
        facts.put("transport_errors", measured.transportErrors());
        facts.put("failed_refreshes", failed);
        String conclusion = failed == 0
                ? String.format(Locale.ROOT, "%.1f refreshes/s from %d %s following rotation, p99 %.1f ms; every refresh"
                        + " got 200.", throughput, settings.clients(), settings.clients() == 1 ? "client" : "clients", latency.p99())
                : String.format(Locale.ROOT, "%d refreshes failed (%s): a client following rotation lost its session"
                        + " (%.1f refreshes/s, p99 %.1f ms).", failed, failureSummary(), throughput, latency.p99());
        return new CheckResult(name(), failed == 0, conclusion, evidence.lines(), facts, duration);
    }

    private String failureSummary() {
        String refusals = measured.refusalLine();
        String transport = measured.failureLine();
        String measuredPart = refusals.isEmpty() ? transport : transport.isEmpty() ? refusals : refusals + ", " + transport;
        return measuredPart.isEmpty() ? "during the warm-up" : measuredPart;
    }
}
