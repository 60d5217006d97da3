package com.nexustrade.repro.load;

import java.util.function.Supplier;

/** A live status line for long runs; the command decides whether anyone sees it (only a terminal does). */
public interface Progress extends AutoCloseable {

    /** From now on, show what the supplier says, refreshed now and then. */
    void show(Supplier<String> status);

    /** Removes the line, so the report starts on a clean line. */
    @Override
    void close();

    static Progress silent() {
        return new Progress() {
            @Override
            public void show(Supplier<String> status) {
            }

            @Override
            public void close() {
            }
        };
    }
}
