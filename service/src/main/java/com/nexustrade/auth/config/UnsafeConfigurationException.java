package com.nexustrade.auth.config;

/** A configuration the service refuses to run with; the message is the one sentence the operator reads. */
public final class UnsafeConfigurationException extends RuntimeException {

    public UnsafeConfigurationException(String message) {
        super(message, null, false, false);
    }
}
