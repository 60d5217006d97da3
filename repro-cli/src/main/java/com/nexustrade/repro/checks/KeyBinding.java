package com.nexustrade.repro.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.nexustrade.repro.jwt.DecodedJwt;
import com.nexustrade.repro.jwt.MalformedJwtException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * With --dpop, whether the access token is bound to the key the login proved (RFC 9449 §6.1): cnf.jkt is the
 * key's RFC 7638 thumbprint and the answer said token_type DPoP. A token without it is a bearer token, which any
 * resource server accepts from whoever holds it: the claims check fails, since --dpop asked for bound sessions.
 */
final class KeyBinding {

    private KeyBinding() {
    }

    /** Adds the evidence, and a problem when the token is not bound to this key; returns the facts for JSON. */
    static Map<String, Object> check(TokenPair pair, DecodedJwt jwt, String thumbprint, Evidence evidence,
                                     List<String> problems) {
        String jkt = jktOf(jwt);
        boolean bound = thumbprint.equals(jkt) && "DPoP".equalsIgnoreCase(pair.tokenType());
        evidence.note("DPoP: token_type " + pair.tokenType() + ", cnf.jkt " + (jkt == null ? "missing" : jkt)
                + (thumbprint.equals(jkt) ? ", the thumbprint of the login's key" : "; the login's key is " + thumbprint));
        if (!bound) {
            problems.add("with --dpop the access token is not bound to the login's key (token_type " + pair.tokenType()
                    + ", cnf.jkt " + (jkt == null ? "missing" : jkt) + "): whoever holds it can use it without the key");
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("token_type", pair.tokenType());
        facts.put("cnf_jkt", jkt);
        facts.put("key_thumbprint", thumbprint);
        facts.put("bound", bound);
        return facts;
    }

    /** The access token's cnf.jkt, or null: none, or not a readable JWT. */
    static String jktOf(String accessToken) {
        try {
            return jktOf(DecodedJwt.decode(accessToken));
        } catch (MalformedJwtException notAJwt) {
            return null;
        }
    }

    private static String jktOf(DecodedJwt jwt) {
        JsonNode jkt = jwt.payload().path("cnf").path("jkt");
        return jkt.isTextual() ? jkt.asText() : null;
    }
}
