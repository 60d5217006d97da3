package com.nexustrade.repro.load;

import com.nexustrade.repro.CannotRunException;
import com.nexustrade.repro.checks.Check;
import com.nexustrade.repro.checks.CheckResult;
import com.nexustrade.repro.checks.Evidence;
import com.nexustrade.repro.checks.Login;
import com.nexustrade.repro.http.AuthClient;
import com.nexustrade.repro.http.HttpAnswer;
import com.nexustrade.repro.http.HttpTransport;
import com.nexustrade.repro.http.RefreshSender;
import com.nexustrade.repro.report.Redactor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
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
 *
 * <p>--concurrency workers serve the devices in the order they wake, each sending one device's refreshes at a
 * time over a sender of its own: a keep-alive socket by default ({@link HttpTransport#SOCKET}), because the load
 * generator shares the machine with the server it measures and the JDK client's CPU per request would be taken
 * from the server, which the per-request latency would then show.
 */
public final class StormCheck implements Check {

    public record Settings(int users, int devices, Duration window, int retries, long seed, int concurrency,
                           Duration deadline, int loginParallel, HttpTransport transport) {
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
    private final LoadTransport transport;

    private final StatusCounts statuses = new StatusCounts();
    private final Latencies latencies = new Latencies();
    /** From a device's wake-up to its last answer: the wait for a free worker and the retries included, as its user waits. */
    private final Latencies wakeToAnswer = new Latencies();
    private final AtomicLong lastAnswerAt = new AtomicLong();
    private final AtomicIntegerArray state;
    /** Devices that woke, in wake order, for the next free worker. */
    private final BlockingQueue<Integer> woken = new LinkedBlockingQueue<>();
    private final CountDownLatch finished;
    /**
     * Held while an answer is checked and counted, and while the deadline ends the storm: an answer is counted
     * whole or not at all, and none after the deadline.
     */
    private final Object counting = new Object();
    private volatile long clock;
    private long[] wakeAt;

    public StormCheck(AuthClient client, Login login, Redactor redactor, Settings settings, Progress progress) {
        this.client = client;
        this.login = login;
        this.redactor = redactor;
        this.settings = settings;
        this.progress = progress;
        this.transport = new LoadTransport(settings.transport());
        int devices = settings.users() * settings.devices();
        this.state = new AtomicIntegerArray(devices);
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
        List<Thread> workers = startWorkers(tokens); // before the clock: starting threads is no part of the storm
        clock = System.nanoTime();
        int outstanding;
        try {
            release(clock + settings.deadline().toNanos());
            outstanding = endStorm();
        } finally {
            // A worker still waiting for an answer cannot be woken by this; it is abandoned, and its answer not counted.
            workers.forEach(Thread::interrupt);
        }
        statuses.countFailure("no answer before the " + settings.deadline().toSeconds() + " s deadline", outstanding);
        long measured = Math.max(lastAnswerAt.get(), clock) - clock;
        progress.close();
        return result(evidence, measured, Duration.ofNanos(System.nanoTime() - start));
    }

    /** One worker per request allowed in flight, but no more than there are devices: an idle one would only wait. */
    private List<Thread> startWorkers(List<String> tokens) {
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < Math.min(settings.concurrency(), state.length()); i++) {
            Thread worker = new Thread(() -> work(tokens), "repro-storm-" + i);
            worker.setDaemon(true);
            workers.add(worker);
        }
        workers.forEach(Thread::start);
        return workers;
    }

    /** Hands each device to the workers at its wake-up, then waits for the last answer or the deadline. */
    private void release(long deadlineAt) {
        Integer[] order = IntStream.range(0, wakeAt.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingLong(device -> wakeAt[device]));
        try {
            for (int device : order) {
                long due = clock + wakeAt[device];
                if (due > deadlineAt) {
                    break; // it wakes after the storm is over: no answer
                }
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                woken.add(device);
            }
            finished.await(Math.max(0, deadlineAt - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CannotRunException("Interrupted during the storm.", e);
        }
    }

    /** The devices still pending get no answer; from now on no answer is counted. */
    private int endStorm() {
        synchronized (counting) {
            int outstanding = 0;
            for (int device = 0; device < state.length(); device++) {
                if (state.compareAndSet(device, PENDING, NO_ANSWER)) {
                    outstanding++;
                }
            }
            return outstanding;
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

    private void work(List<String> tokens) {
        try (RefreshSender sender = transport.sender(client)) {
            while (true) {
                int device = woken.take();
                serve(sender, device, tokens.get(device / settings.devices()));
            }
        } catch (InterruptedException stormOver) {
            // every device is done, or the deadline passed
        }
    }

    /** The app's policy on one device: a refusal leaves it pending until its retries are spent. */
    private void serve(RefreshSender sender, int device, String refreshToken) {
        for (int attempt = 0; state.get(device) == PENDING; attempt++) {
            answered(device, attempt, sender.refresh(refreshToken));
        }
    }

    private void answered(int device, int attempt, HttpAnswer answer) {
        boolean refreshed = client.refreshed(answer); // parsed before the lock: the other workers' answers wait on it
        synchronized (counting) {
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
            if (refreshed) {
                finish(device, HOLDS_TOKEN);
            } else if (attempt == settings.retries()) {
                finish(device, FORCED_OUT);
            }
        }
    }

    private void finish(int device, int outcome) {
        if (state.compareAndSet(device, PENDING, outcome)) {
            if (outcome != NO_ANSWER) {
                wakeToAnswer.record(Duration.ofNanos(System.nanoTime() - clock - wakeAt[device]));
            }
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
        evidence.note(transport.evidenceLine());
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
        transport.putFacts(facts);
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
