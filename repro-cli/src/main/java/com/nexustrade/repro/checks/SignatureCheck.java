package com.nexustrade.repro.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.nexustrade.repro.http.AuthClient;
import com.nexustrade.repro.http.HttpAnswer;
import com.nexustrade.repro.jwt.DecodedJwt;
import com.nexustrade.repro.jwt.JwkKeys;
import com.nexustrade.repro.jwt.JwsSignatureVerifier;
import com.nexustrade.repro.jwt.MalformedJwtException;

import java.util.Optional;

/**
 * Verifies the access token against the deployment's published keys. A deployment without a JWKS is not
 * failed for that alone (the old service had none); a token that is unsigned, or whose signature or key id
 * does not match the published keys, is.
 */
final class SignatureCheck {

    /** What became of the signature; problem is empty unless it fails the check. */
    record Verdict(String summary, Optional<String> problem) {
        static Verdict fine(String summary) {
            return new Verdict(summary, Optional.empty());
        }

        static Verdict failed(String problem) {
            return new Verdict(problem, Optional.of(problem));
        }
    }

    private final AuthClient client;

    SignatureCheck(AuthClient client) {
        this.client = client;
    }

    Verdict verify(DecodedJwt jwt, Evidence evidence) {
        String alg = jwt.alg();
        if (alg == null || alg.isBlank() || "none".equalsIgnoreCase(alg)) {
            return Verdict.failed("the token is unsigned (alg " + alg + "): anyone can forge it");
        }
        String path = client.target().paths().jwks();
        evidence.sent("GET " + path);
        HttpAnswer answer = client.get(path);
        JsonNode jwks = answer.json();
        if (answer.status() != 200 || !jwks.path("keys").isArray() || jwks.path("keys").isEmpty()) {
            evidence.received(answer.outcome() + " in " + Outcomes.millis(answer));
            return Verdict.fine("no JWKS: signature not verified");
        }
        evidence.received("200 in " + Outcomes.millis(answer) + ": " + jwks.path("keys").size() + " key(s), kids "
                + jwks.path("keys").findValuesAsText("kid"));
        if (JwsSignatureVerifier.SYMMETRIC.contains(alg)) {
            return Verdict.fine("alg " + alg + " is an HMAC, which no published key can verify: signature not verified");
        }
        if (!JwsSignatureVerifier.supports(alg)) {
            return Verdict.fine("alg " + alg + " is not one this tool verifies: signature not verified");
        }
        Optional<JsonNode> jwk = JwkKeys.find(jwks, jwt.kid());
        if (jwk.isEmpty()) {
            return Verdict.failed("kid " + jwt.kid() + " is not in the JWKS, so no downstream service can verify the token");
        }
        try {
            return JwsSignatureVerifier.verify(jwt, JwkKeys.publicKey(jwk.get()))
                    ? Verdict.fine("signature verified (" + alg + ", kid " + jwt.kid() + ")")
                    : Verdict.failed("the " + alg + " signature does not verify against JWKS key " + jwt.kid());
        } catch (MalformedJwtException e) {
            return Verdict.failed("the JWKS key " + jwt.kid() + " is unusable: " + e.getMessage());
        }
    }
}
