package com.nexustrade.repro.checks;

import com.nexustrade.repro.http.AuthClient;
import com.nexustrade.repro.http.HttpAnswer;
import com.nexustrade.repro.report.Printable;
import com.nexustrade.repro.report.Redactor;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static com.nexustrade.repro.checks.ServiceAuthProbe.SERVICE_ID;
import static com.nexustrade.repro.checks.ServiceAuthProbe.SERVICE_SECRET;
import static java.util.Map.entry;

/**
 * The incident's service-auth bypass test: X-Internal-Service missing, empty, blank, tab, non-breaking space,
 * repeated, unknown, and (given a real service id) with a wrong secret. Each must be refused (4xx; the contract
 * says 401 invalid_client) with no token in the body. Given the real secret too, the right credentials must
 * get a token, which proves the refusals are not just a broken endpoint.
 */
public final class ServiceAuthCheck implements Check {

    /** The known service and its secret, either or both absent when QA has none for this deployment. */
    public record Settings(Optional<String> serviceId, Optional<String> serviceSecret) {
    }

    private static final Pattern JWT_LIKE = Pattern.compile("eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.");
    private static final Predicate<HttpAnswer> REFUSED = a -> a.answered() && a.status() >= 400 && a.status() < 500
            && !a.hasField("access_token") && !JWT_LIKE.matcher(a.body()).find();

    private final AuthClient client;
    private final Redactor redactor;
    private final Settings settings;
    private final String nonce = randomHex();

    public ServiceAuthCheck(AuthClient client, Redactor redactor, Settings settings) {
        this.client = client;
        this.redactor = redactor;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "service-auth";
    }

    @Override
    public CheckResult run() {
        long start = System.nanoTime();
        Evidence evidence = new Evidence();
        // The positive control goes first: services throttle failed attempts per address (ours does), and the
        // probes' own failures must not be what refuses the right credentials.
        Optional<HttpAnswer> control = positiveControl(evidence);
        Map<String, HttpAnswer> refusals = new LinkedHashMap<>();
        for (ServiceAuthProbe probe : probes()) {
            refusals.put(probe.label(), send(probe, evidence));
        }
        if (settings.serviceId().isEmpty()) {
            evidence.note("no --service-id: the wrong-secret probe and the positive control were skipped");
        }

        List<String> notRefused = refusals.entrySet().stream().filter(e -> !REFUSED.test(e.getValue()))
                .map(e -> e.getKey() + " (" + e.getValue().outcome()
                        + (e.getValue().hasField("access_token") ? " with access_token" : "") + ")")
                .toList();
        boolean controlWorks = control.map(a -> a.status() == 200 && a.hasField("access_token")).orElse(true);
        List<String> problems = new ArrayList<>();
        if (!notRefused.isEmpty()) {
            problems.add(notRefused.size() + " of " + refusals.size() + " bad X-Internal-Service requests were not refused: "
                    + String.join(", ", notRefused));
        }
        control.filter(a -> !controlWorks).ifPresent(a -> problems.add("The right credentials for "
                + settings.serviceId().orElseThrow() + " got " + a.outcome() + " instead of a token"
                + " (check --service-id and --service-secret)"));
        String conclusion = problems.isEmpty() ? passed(refusals, control.isPresent())
                : String.join("; ", problems) + (notRefused.isEmpty() ? "."
                        : ": the incident reproduces (the X-Internal-Service check can be bypassed).");

        Map<String, Object> facts = new LinkedHashMap<>();
        refusals.forEach((label, answer) -> facts.put(Outcomes.factName(label), probeFacts(answer.status(), "refused", REFUSED.test(answer))));
        control.ifPresent(a -> facts.put("positive_control", probeFacts(a.status(), "got_token", controlWorks)));
        return new CheckResult(name(), problems.isEmpty(), conclusion, evidence.lines(), facts,
                Duration.ofNanos(System.nanoTime() - start));
    }

    private static String passed(Map<String, HttpAnswer> refusals, boolean controlled) {
        return "All " + refusals.size() + " bad X-Internal-Service requests were refused with no token ("
                + Outcomes.tallyOf(List.copyOf(refusals.values())) + ")"
                + (controlled ? " and the right credentials got one" : "") + ": the incident does not reproduce.";
    }

    private static Map<String, Object> probeFacts(int status, String verdictName, boolean verdict) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("status", status);
        facts.put(verdictName, verdict);
        return facts;
    }

    private List<ServiceAuthProbe> probes() {
        // With the real secret at hand, only the id header is at fault in each probe: a sharper test.
        String secret = settings.serviceSecret().orElse("repro-not-a-secret-" + nonce);
        String someId = settings.serviceId().orElse("repro-unknown-service-" + nonce);
        List<ServiceAuthProbe> probes = new ArrayList<>(List.of(
                ServiceAuthProbe.viaClient("missing", List.of(entry(SERVICE_SECRET, secret))),
                ServiceAuthProbe.viaSocket("empty", List.of(entry(SERVICE_ID, ""), entry(SERVICE_SECRET, secret))),
                ServiceAuthProbe.viaSocket("blank", List.of(entry(SERVICE_ID, "   "), entry(SERVICE_SECRET, secret))),
                ServiceAuthProbe.viaSocket("tab", List.of(entry(SERVICE_ID, "\t"), entry(SERVICE_SECRET, secret))),
                ServiceAuthProbe.viaSocket("non-breaking space", List.of(entry(SERVICE_ID, "\u00A0"), entry(SERVICE_SECRET, secret))),
                ServiceAuthProbe.viaSocket("repeated", List.of(entry(SERVICE_ID, someId), entry(SERVICE_ID, someId),
                        entry(SERVICE_SECRET, secret))),
                ServiceAuthProbe.viaClient("unknown", List.of(entry(SERVICE_ID, "repro-unknown-service-" + nonce),
                        entry(SERVICE_SECRET, secret)))));
        settings.serviceId().ifPresent(id -> probes.add(ServiceAuthProbe.viaClient("wrong secret",
                List.of(entry(SERVICE_ID, id), entry(SERVICE_SECRET, "repro-wrong-secret-" + nonce)))));
        return probes;
    }

    private Optional<HttpAnswer> positiveControl(Evidence evidence) {
        if (settings.serviceId().isEmpty() || settings.serviceSecret().isEmpty()) {
            if (settings.serviceId().isPresent()) {
                evidence.note("no --service-secret: the positive control was skipped");
            }
            return Optional.empty();
        }
        ServiceAuthProbe probe = ServiceAuthProbe.viaClient("positive control",
                List.of(entry(SERVICE_ID, settings.serviceId().get()), entry(SERVICE_SECRET, settings.serviceSecret().get())));
        return Optional.of(send(probe, evidence));
    }

    private HttpAnswer send(ServiceAuthProbe probe, Evidence evidence) {
        String path = client.target().paths().serviceAuth();
        String shown = probe.headers().stream().map(this::show).collect(Collectors.joining(", "));
        evidence.sent(probe.label() + ": POST " + path + (shown.isEmpty() ? "" : " with " + shown)
                + (probe.raw() ? " (raw socket)" : ""));
        // An odd header goes on a connection of its own: it must not leave the server's parser in a state the next reads.
        List<Map.Entry<String, String>> headers = new ArrayList<>(probe.headers());
        if (probe.raw()) {
            headers.add(entry("Connection", "close"));
        }
        HttpAnswer answer = client.post(path, headers);
        evidence.received(answer.outcome() + " in " + Outcomes.millis(answer) + ": " + redactor.body(answer.body()));
        return answer;
    }

    private static String randomHex() {
        byte[] bytes = new byte[4];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private String show(Map.Entry<String, String> header) {
        boolean secret = header.getKey().equals(SERVICE_SECRET);
        String value = !secret ? Printable.quoted(header.getValue())
                : header.getValue().equals(settings.serviceSecret().orElse(null)) ? "(the right secret)"
                : settings.serviceSecret().isPresent() ? "(a wrong secret)" : "(a made-up secret)";
        return header.getKey() + ": " + value;
    }
}
