package com.nexustrade.repro.http;

import com.nexustrade.repro.dpop.Possession;

import java.net.URI;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * Sends a login or refresh with a fresh DPoP proof from the client's key (none for a Bearer client), and keeps the
 * server's latest nonce (RFC 9449 §8): every answer may carry a {@code DPoP-Nonce}, which the next proof names. A
 * {@code use_dpop_nonce} refusal is answered once, with a new proof carrying the nonce it offered. Sending that
 * refresh again is safe: the server refuses a proof before it reads the refresh token, so nothing was rotated.
 * Nonces belong to the server, not to a key: one per target, shared by every device.
 */
final class DPoPExchange {

    static final String HEADER = "DPoP";
    static final String NONCE_HEADER = "DPoP-Nonce";

    private final AtomicReference<String> nonce = new AtomicReference<>();
    private final LongAdder challengesAnswered = new LongAdder();

    HttpAnswer send(Request request, Possession holder, URI htu, Function<Request, HttpAnswer> transport) {
        Optional<String> proof = holder.proof(request.method(), htu, nonce.get());
        if (proof.isEmpty()) {
            return transport.apply(request);
        }
        HttpAnswer answer = remember(transport.apply(request.withHeader(HEADER, proof.get())));
        if (!isNonceChallenge(answer)) {
            return answer;
        }
        challengesAnswered.increment();
        String offered = answer.header(NONCE_HEADER);
        Request again = request.withHeader(HEADER, holder.proof(request.method(), htu, offered).orElseThrow());
        return remember(transport.apply(again)).after(answer.elapsed());
    }

    long challengesAnswered() {
        return challengesAnswered.sum();
    }

    private HttpAnswer remember(HttpAnswer answer) {
        String offered = answer.header(NONCE_HEADER);
        if (offered != null && !offered.isEmpty()) {
            nonce.set(offered);
        }
        return answer;
    }

    /** 400 at a token endpoint (401 at a resource), error use_dpop_nonce, with the nonce to use. */
    private static boolean isNonceChallenge(HttpAnswer answer) {
        return (answer.status() == 400 || answer.status() == 401) && answer.header(NONCE_HEADER) != null
                && "use_dpop_nonce".equals(answer.field("error"));
    }
}
