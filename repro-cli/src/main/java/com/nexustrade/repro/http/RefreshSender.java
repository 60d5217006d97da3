package com.nexustrade.repro.http;

import com.nexustrade.repro.dpop.Possession;

/**
 * One load worker's way (bench, storm) of sending its refreshes, one after another, each answered before the next is sent.
 * Made by {@link AuthClient#refreshSender}; closed when the worker stops.
 */
public interface RefreshSender extends AutoCloseable {

    /** The refresh's answer, or a no-answer for a transport error: under load a failure is a data point. */
    default HttpAnswer refresh(String refreshToken) {
        return refresh(refreshToken, Possession.none());
    }

    /** The refresh with a fresh DPoP proof from the holder's key, when it has one. */
    HttpAnswer refresh(String refreshToken, Possession holder);

    @Override
    void close();
}
