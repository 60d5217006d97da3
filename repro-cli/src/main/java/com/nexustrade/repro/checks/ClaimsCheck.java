package com.nexustrade.repro.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.nexustrade.repro.http.AuthClient;
import com.nexustrade.repro.jwt.DecodedJwt;
import com.nexustrade.repro.jwt.MalformedJwtException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * The incident's token claims test: log in, decode the access token, and check that the claims downstream
 * services authorise by are there (roles, permissions, tenant_id by default), that the user's roles are in
 * it, and that the signature verifies against the deployment's JWKS.
 */
public final class ClaimsCheck implements Check {

    public record Settings(List<String> requiredClaims, List<String> expectedRoles, String rolesClaim) {
        public Settings {
            requiredClaims = List.copyOf(requiredClaims);
            expectedRoles = List.copyOf(expectedRoles);
        }
    }

    /** Our access tokens' typ: docs/api.md, section "Access tokens (JWT)". */
    private static final String CONTRACT_TYP = "at+jwt";

    private final Login login;
    private final SignatureCheck signature;
    private final Settings settings;

    public ClaimsCheck(AuthClient client, Login login, Settings settings) {
        this.login = login;
        this.signature = new SignatureCheck(client);
        this.settings = settings;
    }

    @Override
    public String name() {
        return "claims";
    }

    @Override
    public CheckResult run() {
        long start = System.nanoTime();
        Evidence evidence = new Evidence();
        Map<String, Object> facts = new LinkedHashMap<>();
        TokenPair pair = login.as(evidence);
        DecodedJwt jwt;
        try {
            jwt = DecodedJwt.decode(pair.accessToken());
        } catch (MalformedJwtException e) {
            String conclusion = "The access token is not a readable JWT (" + e.getMessage()
                    + "), so downstream services cannot authorise by its claims: the incident reproduces.";
            return new CheckResult(name(), false, conclusion, evidence.lines(), facts, since(start));
        }
        evidence.note("JWT header  " + jwt.header());
        evidence.note("JWT payload " + jwt.payload());
        if (!CONTRACT_TYP.equals(jwt.typ())) {
            evidence.note("typ is " + jwt.typ() + "; the contract says " + CONTRACT_TYP + " (RFC 9068), not failed for that alone");
        }
        List<String> problems = new ArrayList<>();
        List<String> missing = settings.requiredClaims().stream().filter(c -> isEmpty(claim(jwt.payload(), c))).toList();
        if (!missing.isEmpty()) {
            problems.add("the access token has no " + orList(missing) + " claim");
        }
        List<String> roles = rolesProblem(jwt.payload(), missing, problems);
        pair.holder().thumbprint().ifPresent(jkt -> facts.put("dpop", KeyBinding.check(pair, jwt, jkt, evidence, problems)));
        SignatureCheck.Verdict verdict = signature.verify(pair.accessToken(), jwt, evidence);
        evidence.note(verdict.summary());
        verdict.problem().ifPresent(problems::add);

        facts.put("alg", jwt.alg());
        facts.put("kid", jwt.kid());
        facts.put("key_type", verdict.keyType());
        facts.put("typ", jwt.typ());
        facts.put("claims", names(jwt.payload().fieldNames()));
        facts.put("missing_claims", missing);
        facts.put("roles", roles);
        facts.put("signature", verdict.summary());
        String conclusion = problems.isEmpty()
                ? "The access token carries " + String.join(", ", settings.requiredClaims())
                        + (settings.expectedRoles().isEmpty() ? "" : " with roles " + roles) + " (alg " + jwt.alg()
                        + ", kid " + jwt.kid() + ", typ " + jwt.typ() + "); " + verdict.summary()
                        + pair.holder().thumbprint().map(jkt -> "; bound to the login's DPoP key (cnf.jkt " + jkt + ")").orElse("")
                        + ": the incident does not reproduce."
                : Outcomes.capitalised(String.join("; ", problems)) + ": the incident reproduces"
                        + (missing.isEmpty() && roles.containsAll(settings.expectedRoles()) ? "."
                                : " (downstream services answer 403 Forbidden).");
        return new CheckResult(name(), problems.isEmpty(), conclusion, evidence.lines(), facts, since(start));
    }

    /** The token's roles; adds a problem when expected roles are not among them (unless the claim is already missing). */
    private List<String> rolesProblem(JsonNode payload, List<String> missing, List<String> problems) {
        String name = settings.rolesClaim();
        JsonNode claim = claim(payload, name);
        if (claim != null && !claim.isNull() && !claim.isArray()) {
            problems.add(name + " is not an array but " + claim);
            return List.of();
        }
        List<String> roles = claim == null ? List.of()
                : StreamSupport.stream(claim.spliterator(), false).map(JsonNode::asText).toList();
        List<String> lacking = settings.expectedRoles().stream().filter(r -> !roles.contains(r)).toList();
        if (!lacking.isEmpty() && !missing.contains(name)) {
            problems.add(claim == null ? "the access token has no " + name + " claim, so it lacks " + String.join(", ", lacking)
                    : name + " " + roles + " lack " + String.join(", ", lacking));
        }
        return roles;
    }

    /** A claim by dotted path, "realm_access.roles" as Keycloak nests them; a name with a dot of its own is tried whole first. */
    static JsonNode claim(JsonNode payload, String path) {
        JsonNode whole = payload.get(path);
        if (whole != null || path.indexOf('.') < 0) {
            return whole;
        }
        JsonNode node = payload;
        for (String part : path.split("\\.")) {
            node = node == null || !node.isObject() ? null : node.get(part);
        }
        return node;
    }

    private static boolean isEmpty(JsonNode value) {
        return value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())
                || (value.isContainerNode() && value.isEmpty());
    }

    /** "roles, permissions or tenant_id". */
    private static String orList(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " or " + items.get(items.size() - 1);
    }

    private static List<String> names(Iterator<String> names) {
        List<String> out = new ArrayList<>();
        names.forEachRemaining(out::add);
        return out;
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
