package com.nexustrade.repro.load;

import com.nexustrade.repro.CannotRunException;
import com.nexustrade.repro.checks.Check;
import com.nexustrade.repro.checks.CheckResult;
import com.nexustrade.repro.checks.Evidence;
import com.nexustrade.repro.checks.Login;
import com.nexustrade.repro.checks.TokenPair;
import com.nexustrade.repro.http.AuthClient;
import com.nexustrade.repro.http.HttpAnswer;
import com.nexustrade.repro.http.HttpTransport;
import com.nexustrade.repro.http.RefreshSender;
import com.nexustrade.repro.load.DeviceStates.Outcome;
import com.nexustrade.repro.report.Redactor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Market open, simulated: every user's devices wake at a random moment within the window ({@link WakeSchedule}) and
 * refresh the session's one refresh token, following the mobile app's policy (on a refusal retry immediately, up to
 * --retries times, then log the user out; on a busy answer, 503 with Retry-After, keep the token and send it again
 * after the delay, which is no refusal). Sessions are opened before the clock starts; the clock covers only the
 * refreshes. Fails when any user is forced out, or when a device gets no answer at all ({@link StormReport}).
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

    private final AuthClient client;
    private final Login login;
    private final Settings settings;
    private final Progress progress;
    private final LoadTransport transport;

    private final DeviceStates devices;
    private final WakeSchedule schedule;
    private final StatusCounts statuses = new StatusCounts();
    private final StormReport report;
    private final Latencies latencies = new Latencies();
    /** From a device's wake-up to its last answer: the wait for a free worker and the retries included, as its user waits. */
    private final Latencies wakeToAnswer = new Latencies();
    private final AtomicLong lastAnswerAt = new AtomicLong();
    /** Devices that woke, in wake order, for the next free worker. */
    private final BlockingQueue<Integer> woken = new LinkedBlockingQueue<>();
    /** Refusals each device has had so far: the one that exceeds --retries logs its user out. */
    private final AtomicIntegerArray refusals;
    /** Puts a device that got a busy answer back on {@link #woken} once its Retry-After has passed. */
    private final ScheduledExecutorService retryAfter = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "repro-storm-retry-after");
        thread.setDaemon(true);
        return thread;
    });
    /**
     * Held while an answer is checked and counted, and while the deadline ends the storm: an answer is counted
     * whole or not at all, and none after the deadline.
     */
    private final Object counting = new Object();
    private volatile long clock;

    public StormCheck(AuthClient client, Login login, Redactor redactor, Settings settings, Progress progress) {
        this.client = client;
        this.login = login;
        this.settings = settings;
        this.progress = progress;
        this.transport = new LoadTransport(settings.transport());
        this.devices = new DeviceStates(settings.users(), settings.devices());
        this.schedule = new WakeSchedule(devices.size(), settings.window(), settings.seed());
        this.refusals = new AtomicIntegerArray(devices.size());
        this.report = new StormReport(settings, devices, statuses, redactor, login.binds());
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
        List<TokenPair> tokens = sessions.open(settings.users());
        evidence.note(settings.users() + " sessions of " + login.username() + " opened before the clock started ("
                + settings.loginParallel() + " logins at a time, " + seconds(System.nanoTime() - start) + ")");
        evidence.note(LoadTransport.loginLine(client.connections()));
        evidence.note(devices.size() + " devices (" + settings.devices() + " per user, sharing its refresh token"
                + (login.binds() ? " and its DPoP key" : "") + ") wake at random within "
                + settings.window().toMillis() + " ms (--seed " + settings.seed() + "); at most " + settings.concurrency()
                + " requests in flight; deadline " + settings.deadline().toSeconds() + " s");
        evidence.sent(devices.size() + "× " + client.api().describeRefresh("…") + ", each device on a refusal retrying at once, up to "
                + settings.retries() + " times, then forced out; on 503 with Retry-After sending the same token again after the delay");

        progress.show(this::status);
        List<Thread> workers = startWorkers(tokens); // before the clock: starting threads is no part of the storm
        clock = System.nanoTime();
        int outstanding;
        try {
            long deadlineAt = clock + settings.deadline().toNanos();
            schedule.release(clock, deadlineAt, woken);
            devices.awaitAllEnded(deadlineAt - System.nanoTime());
            synchronized (counting) {
                outstanding = devices.endPending(); // from now on no answer is counted
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CannotRunException("Interrupted during the storm.", e);
        } finally {
            // A worker still waiting for an answer cannot be woken by this; it is abandoned, and its answer not counted.
            workers.forEach(Thread::interrupt);
            retryAfter.shutdownNow();
        }
        statuses.countFailure("no answer before the " + settings.deadline().toSeconds() + " s deadline", outstanding);
        long measured = Math.max(lastAnswerAt.get(), clock) - clock;
        progress.close();
        if (login.binds()) {
            evidence.note(client.proofEvidence());
        }
        return report.result(name(), evidence, latencies, wakeToAnswer, transport, measured,
                Duration.ofNanos(System.nanoTime() - start));
    }

    /** One worker per request allowed in flight, but no more than there are devices: an idle one would only wait. */
    private List<Thread> startWorkers(List<TokenPair> tokens) {
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < Math.min(settings.concurrency(), devices.size()); i++) {
            RefreshSender sender = transport.sender(client); // here, so that no sender is made while the clock runs
            Thread worker = new Thread(() -> work(sender, tokens), "repro-storm-" + i);
            worker.setDaemon(true);
            workers.add(worker);
        }
        workers.forEach(Thread::start);
        return workers;
    }

    private void work(RefreshSender sender, List<TokenPair> tokens) {
        try (sender) {
            while (true) {
                int device = woken.take();
                serve(sender, device, tokens.get(devices.userOf(device)));
            }
        } catch (InterruptedException stormOver) {
            // every device is done, or the deadline passed
        }
    }

    /**
     * The app's policy on one device: a refusal leaves it pending until its retries are spent. With --dpop each
     * request, retries included, carries a fresh proof from the session's key, signed here while the clock runs.
     */
    private void serve(RefreshSender sender, int device, TokenPair session) {
        while (devices.isPending(device)) {
            HttpAnswer answer = sender.refresh(session.refreshToken(), session.holder());
            Optional<Duration> busy = answer.retryAfter();
            if (busy.isPresent()) {
                countBusy(answer);
                // Back in line after the delay; meanwhile this worker serves the devices behind it.
                retryAfter.schedule(() -> woken.add(device), busy.get().toMillis(), TimeUnit.MILLISECONDS);
                return;
            }
            answered(device, answer);
        }
    }

    /** A busy answer is counted as an answer (status, latency) but ends nothing: the device still holds its token. */
    private void countBusy(HttpAnswer answer) {
        synchronized (counting) {
            statuses.count(answer);
            latencies.record(answer.elapsed());
            lastAnswerAt.accumulateAndGet(System.nanoTime(), Math::max);
        }
    }

    private void answered(int device, HttpAnswer answer) {
        boolean refreshed = client.refreshed(answer); // parsed before the lock: the other workers' answers wait on it
        synchronized (counting) {
            if (!devices.isPending(device)) {
                return; // counted at the deadline already
            }
            statuses.count(answer);
            if (!answer.answered()) {
                devices.finish(device, Outcome.NO_ANSWER);
                return;
            }
            latencies.record(answer.elapsed());
            lastAnswerAt.accumulateAndGet(System.nanoTime(), Math::max);
            if (refreshed) {
                finish(device, Outcome.HOLDS_TOKEN);
            } else if (refusals.incrementAndGet(device) > settings.retries()) {
                finish(device, Outcome.FORCED_OUT);
            }
        }
    }

    private void finish(int device, Outcome outcome) {
        if (devices.finish(device, outcome)) {
            wakeToAnswer.record(Duration.ofNanos(System.nanoTime() - clock - schedule.offset(device)));
        }
    }

    private String status() {
        return String.format(Locale.ROOT, "storm: %d of %d devices done, %d forced out, %d answers",
                devices.ended(), devices.size(), devices.count(Outcome.FORCED_OUT), latencies.count());
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }
}
