package com.nexustrade.repro.dpop;

import java.net.URI;
import java.util.Optional;

/**
 * What a client shows besides its refresh token: nothing (a Bearer client, as before DPoP), or a fresh DPoP proof
 * from the key it holds ({@link DeviceKey}). Every request gets a proof of its own: the server refuses a jti it saw.
 */
public interface Possession {

    /** The DPoP header's value for one request, made now; empty for a client without a key. */
    Optional<String> proof(String htm, URI htu, String nonce);

    /** The RFC 7638 thumbprint a bound token's cnf.jkt must carry; empty without a key. */
    Optional<String> thumbprint();

    /** A client that proves nothing: its tokens are bearer tokens. */
    static Possession none() {
        return None.INSTANCE;
    }

    /** The one key-less client. */
    enum None implements Possession {
        INSTANCE;

        @Override
        public Optional<String> proof(String htm, URI htu, String nonce) {
            return Optional.empty();
        }

        @Override
        public Optional<String> thumbprint() {
            return Optional.empty();
        }
    }
}
