package com.nexustrade.repro.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps live tokens out of reports, which end up in CI logs and tickets: a token shows as its first six
 * characters, enough to tell tokens apart, unless --show-tokens. Passwords and secrets are never shown.
 */
public final class Redactor {

    private static final int SHOWN = 6;
    private static final int MAX_BODY = 400;
    private static final Pattern TOKEN_FIELD =
            Pattern.compile("(\"(?:access_token|refresh_token|id_token|token)\"\\s*:\\s*\")([^\"\\\\]*)(\")");
    private static final Pattern BARE_JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

    private final boolean showTokens;

    private Redactor(boolean showTokens) {
        this.showTokens = showTokens;
    }

    public static Redactor hidingTokens() {
        return new Redactor(false);
    }

    public static Redactor showingTokens() {
        return new Redactor(true);
    }

    public String token(String token) {
        if (token == null) {
            return "(none)";
        }
        if (showTokens || token.length() <= SHOWN) {
            return token;
        }
        return token.substring(0, SHOWN) + "…";
    }

    /** A response body for the report: token values redacted, long bodies cut, on one line. */
    public String body(String body) {
        if (body == null || body.isEmpty()) {
            return "(empty body)";
        }
        String oneLine = body.strip().replace("\r", "").replace("\n", " ");
        String redacted = showTokens ? oneLine : redactJwts(redactFields(oneLine));
        return redacted.length() <= MAX_BODY ? redacted : redacted.substring(0, MAX_BODY) + "… (" + body.length() + " chars)";
    }

    private String redactFields(String text) {
        Matcher m = TOKEN_FIELD.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + token(m.group(2)) + m.group(3)));
        }
        return m.appendTail(out).toString();
    }

    private String redactJwts(String text) {
        Matcher m = BARE_JWT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(token(m.group())));
        }
        return m.appendTail(out).toString();
    }
}
