package com.nexustrade.repro.http;

import com.nexustrade.repro.CannotRunException;

import javax.net.ssl.SSLHandshakeException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;

/**
 * Sorts I/O failures into the two kinds the exit codes distinguish: the target cannot be reached at all
 * (exit 2, one sentence), or it was reached and then did not answer properly (evidence against the target).
 */
final class TransportFailures {

    private TransportFailures() {
    }

    static HttpAnswer classify(IOException failure, URI uri, Duration timeout, Duration elapsed) {
        if (isUnreachable(failure)) {
            throw new CannotRunException(unreachableSentence(failure, uri, timeout), failure);
        }
        if (failure instanceof HttpTimeoutException || failure instanceof SocketTimeoutException) {
            return HttpAnswer.noAnswer("no answer within " + timeout.toSeconds() + " s", elapsed);
        }
        return HttpAnswer.noAnswer("connection failed: " + describe(failure), elapsed);
    }

    /** One line for a load worker's failure, where even an unreachable target is a data point. */
    static String describeLoad(IOException failure, Duration timeout) {
        return failure instanceof SocketTimeoutException
                ? "no answer within " + timeout.toSeconds() + " s"
                : describeAsync(failure, timeout);
    }

    /** One line for a failure of an asynchronous send, whose exceptions arrive wrapped. */
    static String describeAsync(Throwable failure, Duration timeout) {
        Throwable cause = failure;
        while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof HttpTimeoutException && !(cause instanceof HttpConnectTimeoutException)) {
            return "no answer within " + timeout.toSeconds() + " s";
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    private static boolean isUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoRouteToHostException
                    || t instanceof UnresolvedAddressException || t instanceof SSLHandshakeException
                    || t instanceof HttpConnectTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static String unreachableSentence(IOException failure, URI uri, Duration timeout) {
        String where = uri.getScheme() + "://" + uri.getAuthority();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpConnectTimeoutException) {
                return "Cannot reach " + where + ": no connection within " + timeout.toSeconds() + " s.";
            }
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return "Cannot reach " + where + ": unknown host " + uri.getHost() + ".";
            }
            if (t instanceof SSLHandshakeException) {
                return "Cannot reach " + where + ": the TLS handshake failed (" + describe(t)
                        + "); for a self-signed staging certificate add --insecure.";
            }
        }
        return "Cannot reach " + where + ": connection refused (is the service running on that port?).";
    }

    static String describe(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }
}
