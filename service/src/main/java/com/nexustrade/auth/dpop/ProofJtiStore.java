package com.nexustrade.auth.dpop;

/**
 * Where the jtis of accepted proofs are kept, shared by every instance through the database
 * ({@code db.DPoPProofJtiDao}), so a proof captured on its way to one instance cannot be replayed on another.
 */
public interface ProofJtiStore {

    /**
     * Records a proof's jti (hashed with its key) until {@code expiresAt}; false when it was already recorded.
     * Must be atomic: of two concurrent calls with one key, exactly one returns true.
     */
    boolean markUsed(String jtiHash, long expiresAt);

    /** Forgets the jtis whose proofs the iat check would refuse anyway; returns how many. */
    int deleteExpired(long now);
}
