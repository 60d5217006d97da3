package com.nexustrade.repro.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.nexustrade.repro.http.AuthClient;
import com.nexustrade.repro.http.HttpAnswer;
import com.nexustrade.repro.jwt.DecodedJwt;
import com.nexustrade.repro.jwt.JwsVerifier;

import java.util.Optional;

/**
 * Verifies the access token against the deployment's published keys ({@link JwsVerifier}: any asymmetric JWS
 * algorithm). A deployment without a JWKS is not failed for that alone (the old service had none); a token that is
 * unsigned, or whose signature, key id or key type does not match the published keys, is.
 */
final class SignatureCheck {

    /** What became of the signature; problem is empty unless it fails the check; keyType when a key was found. */
    record Verdict(String summary, Optional<String> problem, String keyType) {
        static Verdict fine(String summary, String keyType) {
            return new Verdict(summary, Optional.empty(), keyType);
        }

        static Verdict failed(String problem) {
            return new Verdict(problem, Optional.of(problem), null);
        }
    }

    private final AuthClient client;

    SignatureCheck(AuthClient client) {
        this.client = client;
    }

    Verdict verify(String token, DecodedJwt jwt, Evidence evidence) {
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
            return Verdict.fine("no JWKS: signature not verified", null);
        }
        evidence.received("200 in " + Outcomes.millis(answer) + ": " + jwks.path("keys").size() + " key(s), kids "
                + jwks.path("keys").findValuesAsText("kid"));
        JwsVerifier.Outcome outcome = JwsVerifier.verify(token, answer.body());
        return outcome.status() == JwsVerifier.Status.REJECTED
                ? new Verdict(outcome.summary(), Optional.of(outcome.summary()), outcome.keyType())
                : Verdict.fine(outcome.summary(), outcome.keyType());
    }
}
