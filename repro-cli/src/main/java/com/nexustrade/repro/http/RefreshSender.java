package com.nexustrade.repro.http;

/**
 * One load worker's way (bench, storm) of sending its refreshes, one after another, each answered before the next is sent.
 * Made by {@link AuthClient#refreshSender}; closed when the worker stops.
 */
public interface RefreshSender extends AutoCloseable {

    /** The refresh's answer, or a no-answer for a transport error: under load a failure is a data point. */
    HttpAnswer refresh(String refreshToken);

    @Override
    void close();
}
