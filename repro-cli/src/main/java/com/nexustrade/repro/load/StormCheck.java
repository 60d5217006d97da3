package com.nexustrade.repro.load;

import com.nexustrade.repro.CannotRunException;
import com.nexustrade.repro.checks.Check;
import com.nexustrade.repro.checks.CheckResult;
import com.nexustrade.repro.checks.Evidence;
import com.nexustrade.repro.checks.Login;
import com.nexustrade.repro.http.AuthClient;
import com.nexustrade.repro.http.HttpAnswer;
import com.nexustrade.repro.report.Redactor;

import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

/**
 * Market open, simulated: every user's devices wake at a random moment within the window and refresh the
 * session's one refresh token, following the mobile app's policy (on a refusal retry immediately, up to
 * --retries times, then log the user out). Sessions are opened before the clock starts; the clock covers
 * only the refreshes. Fails when any user is forced out, or when a device gets no answer at all.
 */
public final class StormCheck implements Check {

    public record Settings(int users, int devices, Duration window, int retries, long seed, int concurrency,
                           Duration deadline, int loginParallel) {
    }

    private static final int PENDING = 0;
    private static final int HOLDS_TOKEN = 1;
    private static final int FORCED_OUT = 2;
    private static final int NO_ANSWER = 3;

    private final AuthClient client;
    private final Login login;
    private final Redactor redactor;
    private final Settings settings;
    private final Progress progress;

    private final StatusCounts statuses = new StatusCounts();
    private final Latencies latencies = new Latencies();
    /** From a device's wake-up to its last answer: a slot's wait and the retries included, as its user waits. */
    private final Latencies wakeToAnswer = new Latencies();
    private final AtomicLong lastAnswerAt = new AtomicLong();
    private final AtomicIntegerArray state;
    private final Semaphore inFlight;
    private final CountDownLatch finished;
    private volatile long clock;
    private long[] wakeAt;

    public StormCheck(AuthClient client, Login login, Redactor redactor, Settings settings, Progress progress) {
        this.client = client;
        this.login = login;
        this.redactor = redactor;
        this.settings = settings;
        this.progress = progress;
        int devices = settings.users() * settings.devices();
        this.state = new AtomicIntegerArray(devices);
        this.inFlight = new Semaphore(settings.concurrency());
        this.finished = new CountDownLatch(devices);
    }

    @Override
    public String name() {
        return "storm";
    }

    @Override
    public CheckResult run() {
        long start = System.nanoTime();
        Evidence evidence = new Evidence();
        Sessions sessions = new Sessions(login, settings.loginParallel());
        progress.show(() -> "logging in: " + sessions.opened() + " of " + settings.users() + " sessions");
        List<String> tokens = sessions.open(settings.users());
        evidence.note(settings.users() + " sessions of " + login.username() + " opened before the clock started ("
                + settings.loginParallel() + " logins at a time, " + seconds(System.nanoTime() - start) + ")");
        evidence.note(state.length() + " devices (" + settings.devices() + " per user, sharing its refresh token) wake at random within "
                + settings.window().toMillis() + " ms (--seed " + settings.seed() + "); at most " + settings.concurrency()
                + " requests in flight; deadline " + settings.deadline().toSeconds() + " s");
        evidence.sent(state.length() + "× " + client.describeRefresh("…") + ", each device on a refusal retrying at once, up to "
                + settings.retries() + " times, then forced out");

        progress.show(this::status);
        wakeAt = wakeTimes();
        clock = System.nanoTime();
        storm(tokens, clock + settings.deadline().toNanos());
        int outstanding = 0;
        for (int device = 0; device < state.length(); device++) {
            if (state.compareAndSet(device, PENDING, NO_ANSWER)) {
                outstanding++;
            }
        }
        statuses.countFailure("no answer before the " + settings.deadline().toSeconds() + " s deadline", outstanding);
        long measured = Math.max(lastAnswerAt.get(), clock) - clock;
        progress.close();
        return result(evidence, measured, Duration.ofNanos(System.nanoTime() - start));
    }

    private void storm(List<String> tokens, long deadlineAt) {
        Integer[] order = IntStream.range(0, wakeAt.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingLong(device -> wakeAt[device]));
        try {
            for (int device : order) {
                long due = clock + wakeAt[device];
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                // Each device keeps its permit through its retries, so callbacks never wait for one.
                if (!inFlight.tryAcquire(deadlineAt - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                    return;
                }
                attempt(device, tokens.get(device / settings.devices()), 0);
            }
            finished.await(Math.max(0, deadlineAt - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CannotRunException("Interrupted during the storm.", e);
        }
    }

    /** Offsets into the window, from the seed alone, so a storm can be replayed exactly. */
    private long[] wakeTimes() {
        Random random = new Random(settings.seed());
        long window = settings.window().toNanos();
        long[] offsets = new long[state.length()];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = window == 0 ? 0 : (long) (random.nextDouble() * window);
        }
        return offsets;
    }

    private void attempt(int device, String refreshToken, int attempt) {
        client.refreshAsync(refreshToken).thenAccept(answer -> answered(device, refreshToken, attempt, answer));
    }

    private void answered(int device, String refreshToken, int attempt, HttpAnswer answer) {
        if (state.get(device) != PENDING) {
            return; // counted at the deadline already
        }
        statuses.count(answer);
        if (!answer.answered()) {
            finish(device, NO_ANSWER);
            return;
        }
        latencies.record(answer.elapsed());
        lastAnswerAt.accumulateAndGet(System.nanoTime(), Math::max);
        if (client.refreshed(answer)) {
            finish(device, HOLDS_TOKEN);
        } else if (attempt < settings.retries()) {
            attempt(device, refreshToken, attempt + 1);
        } else {
            finish(device, FORCED_OUT);
        }
    }

    private void finish(int device, int outcome) {
        if (state.compareAndSet(device, PENDING, outcome)) {
            if (outcome != NO_ANSWER) {
                wakeToAnswer.record(Duration.ofNanos(System.nanoTime() - clock - wakeAt[device]));
            }
            inFlight.release();
            finished.countDown();
        }
    }

    private String status() {
        long done = state.length() - finished.getCount();
        return String.format(Locale.ROOT, "storm: %d of %d devices done, %d forced out, %d answers",
                done, state.length(), count(FORCED_OUT), latencies.count());
    }

    private CheckResult result(Evidence evidence, long measuredNanos, Duration duration) {
        int forcedUsers = (int) IntStream.range(0, settings.users()).filter(user -> IntStream.range(0, settings.devices())
                .anyMatch(d -> state.get(user * settings.devices() + d) == FORCED_OUT)).count();
        int forcedDevices = count(FORCED_OUT);
        int noAnswer = count(NO_ANSWER);
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
        evidence.note("wake-up to final answer, waiting for a slot and retries included: " + waited.line().replace("answers", "devices"));
        evidence.note(String.format(Locale.ROOT, "throughput %.1f requests/s over %s (first wake-up to last answer)",
                throughput, seconds(measuredNanos)));
        evidence.note(count(HOLDS_TOKEN) + " devices hold a token, " + forcedDevices + " forced out, " + noAnswer + " without an answer");

        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("users", settings.users());
        facts.put("devices", state.length());
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
        return new CheckResult(name(), forcedUsers == 0 && noAnswer == 0,
                conclusion(forcedUsers, rate, forcedDevices, noAnswer, latency), evidence.lines(), facts, duration);
    }

    private String conclusion(int forcedUsers, double rate, int forcedDevices, int noAnswer, Latencies.Summary latency) {
        int devices = state.length();
        if (forcedUsers > 0) {
            return String.format(Locale.ROOT, "%d of %d users (%.1f%%) were forced out: %d of %d devices were refused "
                            + "%d times in a row (%s): the incident reproduces (those users are logged out at market open).",
                    forcedUsers, settings.users(), rate * 100, forcedDevices, devices, settings.retries() + 1, statuses.refusalLine());
        }
        if (noAnswer > 0) {
            return noAnswer + " of " + devices + " devices got no answer (" + statuses.failureLine() + "), so whether their "
                    + "users keep their sessions is unknown; no user was forced out by a refusal: the storm did not complete.";
        }
        return "No user was forced out: all " + devices + " devices of " + settings.users() + " users got a token ("
                + statuses.statusLine() + "; p99 " + latency.p99() + " ms): the incident does not reproduce.";
    }

    private int count(int outcome) {
        int n = 0;
        for (int device = 0; device < state.length(); device++) {
            if (state.get(device) == outcome) {
                n++;
            }
        }
        return n;
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }
}
