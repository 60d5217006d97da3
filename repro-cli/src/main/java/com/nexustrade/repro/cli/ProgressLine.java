package com.nexustrade.repro.cli;

import com.nexustrade.repro.load.Progress;

import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A status line on standard error, redrawn in place twice a second, whenever standard error is a terminal (also when
 * standard output is redirected: someone is watching). Not otherwise: in CI logs a line redrawn with carriage
 * returns is noise.
 */
final class ProgressLine implements Progress {

    private final PrintWriter err;
    private final ScheduledExecutorService ticker;
    private volatile Supplier<String> status = () -> "";
    private int shownLength;

    private ProgressLine(PrintWriter err) {
        this.err = err;
        this.ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "repro-progress");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleAtFixedRate(this::draw, 0, 500, TimeUnit.MILLISECONDS);
    }

    static Progress on(PrintWriter err, boolean terminal) {
        return terminal ? new ProgressLine(err) : Progress.silent();
    }

    @Override
    public void show(Supplier<String> status) {
        this.status = status;
        draw();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        synchronized (this) {
            err.print("\r" + " ".repeat(shownLength) + "\r");
            err.flush();
        }
    }

    private synchronized void draw() {
        String line = status.get();
        err.print("\r" + line + " ".repeat(Math.max(0, shownLength - line.length())));
        err.flush();
        shownLength = line.length();
    }
}
