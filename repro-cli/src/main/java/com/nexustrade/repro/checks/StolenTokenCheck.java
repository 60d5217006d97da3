package com.nexustrade.repro.checks;

import com.nexustrade.repro.CannotRunException;
import com.nexustrade.repro.dpop.DeviceKey;
import com.nexustrade.repro.dpop.Possession;
import com.nexustrade.repro.http.AuthClient;
import com.nexustrade.repro.http.HttpAnswer;
import com.nexustrade.repro.http.ServerMetadata;
import com.nexustrade.repro.report.Redactor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The grace window's known cost, checked (docs/rotation.md, docs/dpop.md): for a while after a rotation the old
 * refresh token still answers with the live successor, which is what ends incident 04 and what a thief would use. On a
 * server that binds sessions to a device key (DPoP) only that key may replay. Twice, each on a session of its own
 * bound to a key made here: log in, refresh once with the key (T becomes T'), then present T again at once, inside any
 * grace window, as a thief would: without a proof, then (second session) with a proof from another key. Passes when
 * each thief is refused with no token and the session is ended afterwards (the holder's T' is refused too). Fails when
 * a thief gets a token or a session survives, and when the target advertises DPoP but a login with a proof is not
 * bound. A target that neither advertises DPoP nor binds cannot run the check (exit 2).
 */
public final class StolenTokenCheck implements Check {

    private final AuthClient client;
    private final Login login;
    private final Redactor redactor;

    /** What one thief attempt came to: its answer, and the holder's refresh with the successor after it. */
    private record Theft(String label, HttpAnswer thief, HttpAnswer holderAfter) {
    }

    public StolenTokenCheck(AuthClient client, Login login, Redactor redactor) {
        this.client = client;
        this.login = login.withDeviceKeys();
        this.redactor = redactor;
    }

    @Override
    public String name() {
        return "stolen-token";
    }

    @Override
    public CheckResult run() {
        long start = System.nanoTime();
        Evidence evidence = new Evidence();
        ServerMetadata metadata = metadata(evidence);
        List<String> problems = new ArrayList<>();
        List<Theft> thefts = new ArrayList<>();
        for (String label : List.of("without a proof", "with a proof from another key")) {
            evidence.note("thief " + label);
            attempt(label, metadata, evidence, problems).ifPresent(thefts::add);
        }
        for (Theft theft : thefts) {
            if (!refused(theft.thief())) {
                problems.add("the thief " + theft.label() + " got " + theft.thief().outcome()
                        + (hasToken(theft.thief()) ? " with a token (the successor handed to whoever presents the predecessor)" : ""));
            }
            if (!refused(theft.holderAfter())) {
                problems.add("after the thief " + theft.label() + " the session lives on (the holder's successor got "
                        + theft.holderAfter().outcome() + ")");
            }
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("advertises_dpop", metadata.advertisesDPoP());
        thefts.forEach(theft -> facts.put(Outcomes.factName(theft.label()), facts(theft)));
        String conclusion = problems.isEmpty()
                ? "Both thieves presenting the rotated refresh token inside the grace window were refused with no token ("
                        + Outcomes.tallyOf(thefts.stream().map(Theft::thief).toList()) + ") and each session was ended"
                        + " (the holder's successor: " + Outcomes.tallyOf(thefts.stream().map(Theft::holderAfter).toList())
                        + "): a stolen refresh token is worth nothing without the device key."
                : Outcomes.capitalised(String.join("; ", problems)) + ": a stolen refresh token works without the device key.";
        return new CheckResult(name(), problems.isEmpty(), conclusion, evidence.lines(), facts,
                Duration.ofNanos(System.nanoTime() - start));
    }

    private ServerMetadata metadata(Evidence evidence) {
        evidence.sent("GET " + ServerMetadata.PATH);
        ServerMetadata metadata = client.metadata();
        evidence.received(!metadata.published() ? "no metadata"
                : "dpop_signing_alg_values_supported " + (metadata.advertisesDPoP() ? metadata.dpopAlgorithms() : "missing"));
        return metadata;
    }

    /** One bound session, rotated once by its holder, then the thief; empty when the session could not be set up. */
    private Optional<Theft> attempt(String label, ServerMetadata metadata, Evidence evidence, List<String> problems) {
        TokenPair session = login.as(evidence);
        Possession holder = session.holder();
        if (!bound(session, evidence)) {
            if (!metadata.advertisesDPoP()) {
                throw new CannotRunException("stolen-token needs a target that binds sessions to a DPoP key: a login with"
                        + " a proof at " + client.api().loginUri() + " got token_type " + session.tokenType() + " and no"
                        + " cnf.jkt of the key, and the target does not advertise dpop_signing_alg_values_supported.");
            }
            problems.add("the target advertises DPoP " + metadata.dpopAlgorithms() + " but a login with a proof was not bound"
                    + " to the key (token_type " + session.tokenType() + ")");
            return Optional.empty();
        }
        String predecessor = session.refreshToken();
        evidence.sent(describe(predecessor, "the holder, with a proof of its key"));
        HttpAnswer rotation = client.refresh(predecessor, holder);
        Optional<String> successor = client.successor(rotation, predecessor).filter(s -> !s.equals(predecessor));
        evidence.received(rotation.outcome() + " in " + Outcomes.millis(rotation)
                + successor.map(s -> ": successor " + redactor.token(s)).orElse(": " + redactor.body(rotation.body())));
        if (successor.isEmpty()) {
            problems.add("the holder's own refresh with its key got " + rotation.outcome() + " instead of a successor");
            return Optional.empty();
        }
        Possession thiefKey = label.startsWith("without") ? Possession.none() : DeviceKey.generate();
        evidence.sent(describe(predecessor, "the thief, the rotated token inside the grace window, "
                + thiefKey.thumbprint().map(jkt -> "with a proof of another key " + jkt).orElse("without a proof")));
        HttpAnswer thief = client.refresh(predecessor, thiefKey);
        evidence.received(thief.outcome() + " in " + Outcomes.millis(thief) + ": " + redactor.body(thief.body()));
        evidence.sent(describe(successor.get(), "the holder again, with a proof of its key"));
        HttpAnswer holderAfter = client.refresh(successor.get(), holder);
        evidence.received(holderAfter.outcome() + " in " + Outcomes.millis(holderAfter) + ": " + redactor.body(holderAfter.body()));
        return Optional.of(new Theft(label, thief, holderAfter));
    }

    /** token_type DPoP and cnf.jkt the thumbprint of the login's key, in the access token. */
    private boolean bound(TokenPair session, Evidence evidence) {
        String jkt = session.holder().thumbprint().orElseThrow();
        String cnf = KeyBinding.jktOf(session.accessToken());
        boolean bound = "DPoP".equalsIgnoreCase(session.tokenType()) && jkt.equals(cnf);
        evidence.note("session " + (bound ? "bound" : "NOT bound") + " to key " + jkt + " (token_type "
                + session.tokenType() + ", cnf.jkt " + (cnf == null ? "missing" : cnf) + ")");
        return bound;
    }

    private String describe(String token, String who) {
        return client.api().describeRefresh(redactor.token(token)) + " (" + who + ")";
    }

    /** Refused: answered 4xx, and no token of any kind in the body. */
    private static boolean refused(HttpAnswer answer) {
        return answer.answered() && answer.status() >= 400 && answer.status() < 500 && !hasToken(answer);
    }

    private static boolean hasToken(HttpAnswer answer) {
        return answer.hasField("access_token") || answer.hasField("refresh_token");
    }

    private static Map<String, Object> facts(Theft theft) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("thief_status", theft.thief().status());
        facts.put("thief_refused", refused(theft.thief()));
        facts.put("thief_got_token", hasToken(theft.thief()));
        facts.put("holder_after_status", theft.holderAfter().status());
        facts.put("session_ended", refused(theft.holderAfter()));
        return facts;
    }
}
