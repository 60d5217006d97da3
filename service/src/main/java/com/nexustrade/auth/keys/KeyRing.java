package com.nexustrade.auth.keys;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The active signing key and every key whose tokens are still accepted, looked up by {@code kid}. */
public final class KeyRing {

    private final SigningKey active;
    private final Map<String, SigningKey> verificationKeys;

    public KeyRing(SigningKey active, List<SigningKey> retired) {
        if (active.privateKey().isEmpty()) {
            throw new IllegalArgumentException("the active signing key needs its private key");
        }
        this.active = active;
        Map<String, SigningKey> byKid = new LinkedHashMap<>();
        byKid.put(active.kid(), active);
        for (SigningKey key : retired) {
            byKid.putIfAbsent(key.kid(), key);
        }
        this.verificationKeys = Map.copyOf(byKid);
    }

    public SigningKey active() {
        return active;
    }

    public Optional<SigningKey> byKid(String kid) {
        return kid == null ? Optional.empty() : Optional.ofNullable(verificationKeys.get(kid));
    }

    /** The active key first, then the retired ones still verifying. */
    public List<SigningKey> all() {
        return verificationKeys.values().stream()
                .sorted((a, b) -> a == active ? -1 : b == active ? 1 : a.kid().compareTo(b.kid()))
                .toList();
    }
}
