package com.nexustrade.auth.dpop;

/** A DPoP proof that passed every check: the RFC 7638 SHA-256 thumbprint of its key, base64url (43 chars). */
public record VerifiedProof(String jkt) {
}
