package com.nexustrade.repro.http;

/** A header sent with every request, e.g. a gateway's {@code X-Api-Key}. */
public record ExtraHeader(String name, String value) {

    /** Parses {@code "Name: value"}, as curl's {@code -H} takes it. */
    public static ExtraHeader parse(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("'" + text + "' is not a header: write it as 'Name: value'");
        }
        String name = text.substring(0, colon).trim();
        if (!name.chars().allMatch(c -> c > 32 && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0)) {
            throw new IllegalArgumentException("'" + name + "' is not a valid header name");
        }
        return new ExtraHeader(name, text.substring(colon + 1).trim());
    }
}
